"""Changing a day other than today, from the Diary page, in the same form as Today."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label
from textual.worker import Worker

from diary.domain import Clock, DailyEntry
from tui.gateway import DiaryGateway, SavedDay
from tui.messages import DiaryChanged
from tui.saving import (
    CHANGED_ELSEWHERE,
    DayChangedElsewhere,
    DaySaved,
    EntryRefused,
    refusal_text,
    save_answers,
)
from tui.screens.confirm import ConfirmScreen
from tui.screens.progress import track_worker
from tui.widgets.common.busy_line import BusyLine
from tui.widgets.today.entry_form import EntryForm
from tui.wording import long_day


class EntryEditorScreen(ModalScreen[SavedDay | None]):
    """Dismissed with the saved day, or None when the patient cancels."""

    AUTO_FOCUS = "#pain"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        gateway: DiaryGateway,
        clock: Clock,
        day: dt.date,
        entry: DailyEntry | None,
        day_before: DailyEntry | None,
        version: int | None = None,
    ) -> None:
        super().__init__()
        self.gateway, self.clock, self.day = gateway, clock, day
        self.entry, self.day_before = entry, day_before
        self.version = version
        """The stored version the form was filled from (None: not checked)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="editor", classes="dialog"):
            yield Label(f"{long_day(self.day)}: Ctrl+S saves, Esc cancels", id="editor-title")
            yield EntryForm(id="form")
        yield BusyLine()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        form = self.query_one(EntryForm)
        form.show_entry(self.entry)
        form.offer_yesterday(self.day_before)

    @property
    def has_unsaved_changes(self) -> bool:
        return self.query_one(EntryForm).has_changes

    def action_save(self) -> None:
        self.save_day(self.query_one(EntryForm).answers())

    @work(thread=True, group="save", exit_on_error=False, description="Saving the day")
    def save_day(self, answers: dict[str, Any]) -> None:
        today = self.clock.today()
        self.post_message(save_answers(self.gateway, today, self.day, answers, self.version))

    @on(DaySaved)
    def close_saved(self, message: DaySaved) -> None:
        self.dismiss(message.saved)

    @on(DayChangedElsewhere)
    def show_changed_elsewhere(self) -> None:
        text = f"{CHANGED_ELSEWHERE}: press Esc, then open the day again."
        self.notify(text, severity="error", timeout=30, markup=False)
        self.post_message(DiaryChanged())

    @on(EntryRefused)
    def show_problems(self, message: EntryRefused) -> None:
        unplaced = self.query_one(EntryForm).show_problems(message.problems)
        self.notify(refusal_text(unplaced), severity="error", timeout=10, markup=False)

    def action_cancel(self) -> None:
        if not self.has_unsaved_changes:
            self.dismiss(None)
            return
        question = f"Throw away your changes to {long_day(self.day)}?"
        self.app.push_screen(
            ConfirmScreen(question, "Throw away", "Keep editing"), self._discard_if_confirmed
        )

    def _discard_if_confirmed(self, discard: bool | None) -> None:
        if discard:
            self.dismiss(None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        track_worker(self, event)
