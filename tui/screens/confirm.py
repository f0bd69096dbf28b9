"""Asking before anything is thrown away: the safe answer has the focus."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Dismissed with True only when the patient picks the first (risky) answer."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "keep", "Cancel")]
    AUTO_FOCUS = "#keep"

    def __init__(self, question: str, confirm: str, keep: str = "Cancel") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm
        self.keep_label = keep

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(self.question, id="question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, variant="error", id="confirm")
                yield Button(self.keep_label, variant="primary", id="keep")

    @on(Button.Pressed, "#confirm")
    def confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(False)
