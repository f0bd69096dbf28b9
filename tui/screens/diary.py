"""Diary: every logged day in a table; pick a range, edit or delete a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Label

from diary.export.counts_words import days_text
from tui.gateway import DiaryOverview, SavedDay
from tui.messages import DiaryChanged
from tui.screens.base import DiaryPage
from tui.screens.confirm import ConfirmScreen
from tui.screens.day_prompt import DayPrompt
from tui.screens.entry_editor import EntryEditorScreen
from tui.widgets.common.flag_banner import FlagBanner
from tui.widgets.common.range_picker import RangePicker
from tui.widgets.diary.days_table import DaysTable
from tui.wording import long_day


@dataclass
class DayDeleted(Message):
    """The day's entry is gone from the diary."""

    day: dt.date


class DiaryScreen(DiaryPage):
    """The days in the picked range, newest first; flags raised by an edit show above them."""

    MODE = "diary"
    AUTO_FOCUS = "#days"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_day", "Edit day"),
        Binding("n", "log_other_day", "Log a missed day"),
        Binding("d,delete", "delete_day", "Delete day"),
    ]

    def compose_page(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Label("Your diary", id="page-title")
            yield FlagBanner(id="flags")
            yield RangePicker(self.clock.today(), "30", id="range")
            yield DaysTable(id="days")

    def show_overview(self, overview: DiaryOverview) -> None:
        self._show_days()

    def _show_days(self) -> None:
        if self.overview is None:
            return
        picker = self.query_one(RangePicker)
        days = self.overview.entries_between(picker.start, picker.end)
        self.query_one(DaysTable).show(days, self.overview)
        logged = f"{days_text(len(days))} logged"
        owner = (
            f"{self.context.patient_name}'s diary" if self.context.patient_name else "Your diary"
        )
        self.query_one("#page-title", Label).update(f"{owner}: {logged} in this range")

    @on(RangePicker.Changed)
    def show_range(self) -> None:
        self._show_days()

    @on(DataTable.RowSelected, "#days")
    def edit_chosen_day(self) -> None:
        if not self.read_only:
            self.action_edit_day()

    def action_edit_day(self) -> None:
        day = self.query_one(DaysTable).selected_day
        if day is not None:
            self._open_editor(day)

    def action_log_other_day(self) -> None:
        self.app.push_screen(DayPrompt(self.clock.today()), self._open_editor)

    def _open_editor(self, day: dt.date | None) -> None:
        """The day in the entry form: its stored answers, or an empty form for a missed day."""
        if day is None or self.overview is None:
            return
        entry, before = self.overview.entry_on(day), self.overview.entry_on(day - dt.timedelta(1))
        version = self.overview.version_on(day)
        editor = EntryEditorScreen(self.gateway, self.clock, day, entry, before, version)
        self.app.push_screen(editor, self._after_edit)

    def _after_edit(self, saved: SavedDay | None) -> None:
        if saved is None:
            return
        raised = {flag.key for flag in saved.flags or ()}
        banner = self.query_one(FlagBanner)
        banner.flags = tuple(flag for flag in saved.open_flags if flag.key in raised)
        banner.unchecked = saved.flags is None
        self.notify(f"Saved {long_day(saved.entry.date)}.")
        self.post_message(DiaryChanged())

    def action_delete_day(self) -> None:
        day = self.query_one(DaysTable).selected_day
        if day is None:
            return
        question = f"Delete the entry of {long_day(day)}? This cannot be undone."
        confirm = ConfirmScreen(question, "Delete", "Keep it")
        self.app.push_screen(confirm, partial(self._delete_if_confirmed, day))

    def _delete_if_confirmed(self, day: dt.date, confirmed: bool | None) -> None:
        if confirmed:
            self.delete_day(day)

    @work(thread=True, group="delete", exit_on_error=False, description="Deleting the day")
    def delete_day(self, day: dt.date) -> None:
        self.gateway.delete_entry(day)
        self.post_message(DayDeleted(day))

    @on(DayDeleted)
    def tell_deleted(self, message: DayDeleted) -> None:
        self.notify(f"Deleted the entry of {long_day(message.day)}.")
        self.post_message(DiaryChanged())
