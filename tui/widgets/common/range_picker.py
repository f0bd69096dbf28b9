"""Picking a range of days: a preset fills the From and To boxes, which may then be changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Select

PRESETS: dict[str, int | None] = {"30": 30, "90": 90, "365": 365, "all": None}
PRESET_NAMES = [
    ("Last 30 days", "30"),
    ("Last 90 days", "90"),
    ("Last 365 days", "365"),
    ("Everything", "all"),
]


class RangePicker(Horizontal):
    """From and To are inclusive; an empty box means no limit on that side."""

    @dataclass
    class Changed(Message):
        """The patient picked a range of days."""

        start: dt.date | None
        end: dt.date | None

    def __init__(self, today: dt.date, preset: str = "30", *, id: str | None = None) -> None:
        super().__init__(id=id, classes="range-picker")
        self.today = today
        self._preset = preset
        self.start, self.end = self._preset_range(preset)

    def compose(self) -> ComposeResult:
        yield Select(PRESET_NAMES, value=self._preset, allow_blank=False, compact=True, id="preset")
        yield Label("From", classes="range-label")
        yield Input(_text(self.start), placeholder="YYYY-MM-DD", compact=True, id="from")
        yield Label("to", classes="range-label")
        yield Input(_text(self.end), placeholder="YYYY-MM-DD", compact=True, id="to")

    def _preset_range(self, preset: str) -> tuple[dt.date | None, dt.date | None]:
        days = PRESETS[preset]
        if days is None:
            return None, None
        return self.today - dt.timedelta(days=days - 1), self.today

    @on(Select.Changed, "#preset")
    def use_preset(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is Select.NULL:
            return
        self.start, self.end = self._preset_range(str(event.value))
        self.query_one("#from", Input).value = _text(self.start)
        self.query_one("#to", Input).value = _text(self.end)
        self.post_message(self.Changed(self.start, self.end))

    @on(Input.Submitted)
    @on(Input.Blurred)
    def use_typed_dates(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        start_box, end_box = self.query_one("#from", Input), self.query_one("#to", Input)
        if not (_is_date(start_box) and _is_date(end_box)):
            return
        typed = (_date_in(start_box), _date_in(end_box))
        if typed != (self.start, self.end):
            self.start, self.end = typed
            self.post_message(self.Changed(self.start, self.end))


def _is_date(box: Input) -> bool:
    """Whether `box` is empty or holds a YYYY-MM-DD date; a box that does not is marked."""
    try:
        _date_in(box)
    except ValueError:
        box.add_class("-invalid")
        box.tooltip = "Write a date as YYYY-MM-DD"
        return False
    box.remove_class("-invalid")
    box.tooltip = None
    return True


def _date_in(box: Input) -> dt.date | None:
    text = box.value.strip()
    return dt.date.fromisoformat(text) if text else None


def _text(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
