"""Asking which day to log: for a day that was missed, from the Diary page."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class DayPrompt(ModalScreen[dt.date | None]):
    """Dismissed with the day typed (not after today), or None on Esc."""

    AUTO_FOCUS = "#day"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, today: dt.date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        yesterday = self.today - dt.timedelta(days=1)
        with Vertical(id="day-prompt", classes="dialog"):
            yield Label("Which day? Write it as YYYY-MM-DD, then press Enter (Esc cancels).")
            yield Input(yesterday.isoformat(), id="day", compact=True)
            yield Label("", id="day-problem", classes="field-problem", markup=False)

    @on(Input.Submitted, "#day")
    def choose(self, event: Input.Submitted) -> None:
        problem = self.problem_with(event.value.strip())
        if problem:
            self.query_one("#day-problem", Label).update(f"⚠ {problem}")
        else:
            self.dismiss(dt.date.fromisoformat(event.value.strip()))

    def problem_with(self, text: str) -> str:
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            return f"must be a date written YYYY-MM-DD (you entered {text})"
        if day > self.today:
            return f"must not be in the future (today is {self.today.isoformat()})"
        return ""

    def action_cancel(self) -> None:
        self.dismiss(None)
