"""A ⚠ under a field is about the answer that was saved: changing that answer takes it away."""

from __future__ import annotations

from textual.widget import Widget


def forget_problem(form: Widget, control: Widget | None, field: str | None = None) -> None:
    """Remove the problem shown for `field` (default: the changed control's id) from `form`.

    The other fields keep theirs until the next save checks them again.
    """
    name = field or (control.id if control is not None else None)
    if name:
        form.query(f".problem-{name}").remove()
