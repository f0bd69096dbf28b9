"""A 0–10 score picked from the keyboard: a digit sets it, 1 then 0 makes 10."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

HIGHEST = 10
CELL_WIDTH = 3


class ScoreField(Widget, can_focus=True):
    """Shows the scale 0 … 10 with the chosen score highlighted; empty means not recorded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(digit), f"type_digit({digit})", "Set the score (1 then 0 for 10)", show=False
            )
            for digit in range(10)
        ),
        Binding("right,plus", "step(1)", "One higher", show=False),
        Binding("left,minus", "step(-1)", "One lower", show=False),
        Binding("backspace,delete", "clear", "Not recorded", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"score--chosen"}

    value: reactive[int | None] = reactive[int | None](None)
    """The chosen score, or None when not recorded."""

    @dataclass
    class Changed(Message):
        """Posted when the patient changes the score."""

        score_field: ScoreField
        value: int | None

        @property
        def control(self) -> ScoreField:
            return self.score_field

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._typed = ""

    def render(self) -> Content:
        chosen = self.get_visual_style("score--chosen")
        parts: list[str | tuple[str, object]] = []
        for score in range(HIGHEST + 1):
            label = f"{score:^{CELL_WIDTH}}"
            parts.append((label, chosen) if score == self.value else label)
        return Content.assemble(*parts)  # type: ignore[arg-type]

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_type_digit(self, digit: int) -> None:
        """A digit sets the score; a 0 straight after a 1 makes it 10."""
        if self._typed == "1" and digit == 0:
            self.value, self._typed = HIGHEST, ""
        else:
            self.value, self._typed = digit, str(digit)

    def action_step(self, delta: int) -> None:
        start = self.value if self.value is not None else (-1 if delta > 0 else HIGHEST + 1)
        self.value = max(0, min(HIGHEST, start + delta))
        self._typed = ""

    def action_clear(self) -> None:
        self.value, self._typed = None, ""

    def on_blur(self, _event: events.Blur) -> None:
        self._typed = ""

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.value, self._typed = min(HIGHEST, max(0, event.x // CELL_WIDTH)), ""
