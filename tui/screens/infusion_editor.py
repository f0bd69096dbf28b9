"""Adding or changing an infusion day."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Label
from textual.worker import Worker

from diary.domain import Clock, FieldProblem, Infusion, InvalidInput, parse_infusion
from tui.gateway import DiaryGateway
from tui.saving import refusal_text
from tui.screens.progress import track_worker
from tui.widgets.common.busy_line import BusyLine
from tui.widgets.infusions.infusion_form import InfusionForm


@dataclass
class InfusionSaved(Message):
    infusion: Infusion


@dataclass
class InfusionRefused(Message):
    problems: list[FieldProblem]


class InfusionEditorScreen(ModalScreen[Infusion | None]):
    """Dismissed with the stored infusion, or None when the patient cancels."""

    AUTO_FOCUS = "#date"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, gateway: DiaryGateway, clock: Clock, infusion: Infusion | None) -> None:
        super().__init__()
        self.gateway, self.clock, self.infusion = gateway, clock, infusion

    def compose(self) -> ComposeResult:
        verb = "Change the infusion" if self.infusion else "Add an infusion day"
        with Vertical(id="infusion-editor", classes="dialog"):
            yield Label(f"{verb}: Ctrl+S saves, Esc cancels", id="editor-title")
            yield InfusionForm(self.infusion, self.clock.today())
        yield BusyLine()
        yield Footer(compact=True)

    def action_save(self) -> None:
        self.save_infusion(self.query_one(InfusionForm).answers())

    @work(thread=True, group="save", exit_on_error=False, description="Saving the infusion")
    def save_infusion(self, answers: dict[str, Any]) -> None:
        try:
            details = parse_infusion(answers)
            if self.infusion is None:
                stored = self.gateway.add_infusion(details)
            else:
                stored = self.gateway.update_infusion(self.infusion.id, details)
        except InvalidInput as refused:
            self.post_message(InfusionRefused(refused.problems))
            return
        self.post_message(InfusionSaved(stored))

    @on(InfusionSaved)
    def close_saved(self, message: InfusionSaved) -> None:
        self.dismiss(message.infusion)

    @on(InfusionRefused)
    def show_problems(self, message: InfusionRefused) -> None:
        unplaced = self.query_one(InfusionForm).show_problems(message.problems)
        self.notify(refusal_text(unplaced), severity="error", timeout=10, markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        track_worker(self, event)
