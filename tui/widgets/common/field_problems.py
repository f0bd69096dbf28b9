"""A ⚠ under a field is about the answer that was saved: changing that answer takes it away."""

from __future__ import annotations

from textual.widget import Widget


def forget_problem(form: Widget, field: str | None) -> None:
    """Remove the problem shown under `field` in `form`; the other fields keep theirs until
    the next save checks them again."""
    if field:
        form.query(f".problem-{field}").remove()
