"""The input widgets of the entry form besides the score: each reads back as a vocabulary value.

An empty answer always reads back as None ("not recorded"), never as zero or "no".
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, TextArea

from diary.domain import BloodInUrine
from tui.widgets.today.fields import Field, Kind
from tui.widgets.today.score_field import ScoreField

BLOOD_CHOICES = [(value.value, value.value) for value in BloodInUrine]
NUMBER_CHARACTERS = r"[0-9.,:]*"
"""Typing is limited to what a number may look like; the domain's rules say what is valid."""


class YesNoField(Checkbox):
    """A tick box that stays "not recorded" until the patient ticks or unticks it."""

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, compact=True, id=id)
        self._unanswered = True

    def toggle(self) -> YesNoField:
        self._unanswered = False
        super().toggle()
        return self

    @property
    def answer(self) -> bool | None:
        return None if self._unanswered and not self.value else self.value

    def show_answer(self, answer: bool | None) -> None:
        with self.prevent(Checkbox.Changed):
            self.value = bool(answer)
        self._unanswered = answer is None


def make_input(field: Field) -> Widget:
    """The widget that asks for `field`, with the field's name as its id."""
    if field.kind is Kind.SCORE:
        return ScoreField(id=field.name)
    if field.kind is Kind.NUMBER:
        return Input(
            placeholder=field.detail, restrict=NUMBER_CHARACTERS, compact=True, id=field.name
        )
    if field.kind is Kind.YES_NO:
        return YesNoField(field.detail, id=field.name)
    return Select(BLOOD_CHOICES, prompt="not recorded", compact=True, id=field.name)


def read_answer(widget: Widget) -> Any:
    """The vocabulary value a form widget holds (None when empty)."""
    if isinstance(widget, ScoreField):
        return widget.value
    if isinstance(widget, YesNoField):
        return widget.answer
    if isinstance(widget, Select):
        return None if widget.value is Select.NULL else widget.value
    if isinstance(widget, TextArea):
        return widget.text or None
    if isinstance(widget, Input):
        return widget.value.strip() or None
    raise TypeError(f"not a form field: {widget!r}")


def show_answer(widget: Widget, value: Any) -> None:
    """Put a stored value into a form widget (None clears it)."""
    if isinstance(widget, ScoreField):
        widget.value = value
    elif isinstance(widget, YesNoField):
        widget.show_answer(value)
    elif isinstance(widget, Select):
        widget.value = Select.NULL if value is None else str(value)
    elif isinstance(widget, TextArea):
        widget.text = value or ""
    elif isinstance(widget, Input):
        widget.value = "" if value is None else _number_text(value)


def _number_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class FieldRow(Horizontal):
    """One field on one line: its label, its input, and yesterday's answer beside it.

    The row draws the label itself, in the margin left of the input: one widget fewer per
    field, which the Today page's first frame notices (it has 16 fields).
    """

    def __init__(self, field: Field) -> None:
        super().__init__(id=f"row-{field.name}", classes="field-line field-row")
        self.field = field

    def compose(self) -> ComposeResult:
        yield make_input(self.field).add_class("field-input")
        yield Label("", id=f"hint-{self.field.name}", classes="field-hint")

    def render(self) -> Content:
        return Content(self.field.label)
