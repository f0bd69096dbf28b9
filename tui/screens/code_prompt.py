"""Asking a clinician for the invite code a patient gave them."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

MIN_SYMBOLS = 12
"""A code has 12 symbols; dashes, spaces and case do not matter (docs/privacy.md)."""


class CodePrompt(ModalScreen[str | None]):
    """Dismissed with the code as typed, or None on Esc."""

    AUTO_FOCUS = "#code"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="code-prompt", classes="dialog"):
            yield Label("The patient's invite code (e.g. KX7P-2M9Q-H4TZ), then Enter; Esc cancels.")
            yield Input(placeholder="XXXX-XXXX-XXXX", id="code", compact=True)
            yield Label("", id="code-problem", classes="field-problem", markup=False)

    @on(Input.Submitted, "#code")
    def choose(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        symbols = [char for char in code if char.isalnum()]
        if len(symbols) != MIN_SYMBOLS:
            problem = f"must have 12 letters and digits (you typed {len(symbols)})"
            self.query_one("#code-problem", Label).update(f"⚠ {problem}")
        else:
            self.dismiss(code)

    def action_cancel(self) -> None:
        self.dismiss(None)
