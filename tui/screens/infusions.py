"""Infusions: the days ketamine was given; add, edit or delete one."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Label

from diary.domain import Infusion
from tui.gateway import DiaryOverview
from tui.messages import DiaryChanged
from tui.screens.base import DiaryPage
from tui.screens.confirm import ConfirmScreen
from tui.screens.infusion_editor import InfusionEditorScreen
from tui.widgets.infusions.infusion_table import InfusionTable
from tui.wording import long_day


@dataclass
class InfusionDeleted(Message):
    infusion: Infusion


class InfusionsScreen(DiaryPage):
    """Courses are worked out from these days (infusions at most 3 days apart form one)."""

    MODE = "infusions"
    AUTO_FOCUS = "#infusions"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_infusion", "Add"),
        Binding("e", "edit_infusion", "Edit"),
        Binding("d,delete", "delete_infusion", "Delete"),
    ]

    def compose_page(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Label("Infusion days", id="page-title")
            yield InfusionTable(id="infusions")

    def show_overview(self, overview: DiaryOverview) -> None:
        self.query_one(InfusionTable).show(overview.infusions)
        count = len(overview.infusions)
        self.query_one("#page-title", Label).update(
            f"Infusion days: {count} recorded. A adds one, E or Enter edits, D deletes."
        )

    def _selected(self) -> Infusion | None:
        chosen = self.query_one(InfusionTable).selected_id
        found = [i for i in self.overview.infusions if i.id == chosen] if self.overview else []
        return found[0] if found else None

    def action_add_infusion(self) -> None:
        self.app.push_screen(InfusionEditorScreen(self.gateway, self.clock, None), self._saved)

    @on(DataTable.RowSelected, "#infusions")
    def action_edit_infusion(self) -> None:
        infusion = self._selected()
        if infusion is not None and not self.read_only:
            editor = InfusionEditorScreen(self.gateway, self.clock, infusion)
            self.app.push_screen(editor, self._saved)

    def _saved(self, infusion: Infusion | None) -> None:
        if infusion is not None:
            self.notify(f"Saved the infusion of {long_day(infusion.date)}.")
            self.post_message(DiaryChanged())

    def action_delete_infusion(self) -> None:
        infusion = self._selected()
        if infusion is None:
            return
        question = f"Delete the infusion of {long_day(infusion.date)}? This cannot be undone."
        confirm = ConfirmScreen(question, "Delete", "Keep it")
        self.app.push_screen(confirm, partial(self._delete_if_confirmed, infusion))

    def _delete_if_confirmed(self, infusion: Infusion, confirmed: bool | None) -> None:
        if confirmed:
            self.delete_infusion(infusion)

    @work(thread=True, group="delete", exit_on_error=False, description="Deleting the infusion")
    def delete_infusion(self, infusion: Infusion) -> None:
        self.gateway.delete_infusion(infusion.id)
        self.post_message(InfusionDeleted(infusion))

    @on(InfusionDeleted)
    def tell_deleted(self, message: InfusionDeleted) -> None:
        self.notify(f"Deleted the infusion of {long_day(message.infusion.date)}.")
        self.post_message(DiaryChanged())
