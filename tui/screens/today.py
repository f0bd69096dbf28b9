"""Today: log or change today's entry from the keyboard in well under a minute."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label

from tui.gateway import DiaryOverview
from tui.messages import DiaryChanged
from tui.pages import PageContext
from tui.saving import (
    CHANGED_ELSEWHERE,
    DayChangedElsewhere,
    DaySaved,
    EntryRefused,
    refusal_text,
    save_answers,
)
from tui.screens.base import DiaryPage
from tui.widgets.common.flag_banner import FlagBanner
from tui.widgets.today.entry_form import EntryForm
from tui.wording import long_day


class TodayScreen(DiaryPage):
    """The first page: the pain score has the focus, Ctrl+S saves."""

    MODE = "today"
    AUTO_FOCUS = "#pain"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+y", "use_yesterday", "Use yesterday's answers", priority=True),
        Binding("ctrl+r", "reopen", "Reopen the stored day", show=False),
    ]

    def __init__(self, context: PageContext, overview: DiaryOverview | None = None) -> None:
        super().__init__(context, overview)
        self.day = context.clock.today()
        """The day the form describes: today when the page opened."""
        self._loaded = False
        self._version: int | None = None
        """The stored version the form was filled from; a save expects it unchanged."""

    def compose_page(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Label(f"Today, {long_day(self.day)}", id="page-title")
            yield FlagBanner(id="flags")
            yield EntryForm(id="form")

    @property
    def has_unsaved_changes(self) -> bool:
        return self._loaded and self.query_one(EntryForm).has_changes

    def show_overview(self, overview: DiaryOverview) -> None:
        self.query_one(FlagBanner).flags = overview.open_flags
        form = self.query_one(EntryForm)
        if self._loaded and form.has_changes:
            return  # never overwrite what the patient is typing
        today = overview.entry_on(self.day)
        form.show_entry(today)
        self._version = overview.version_on(self.day)
        form.offer_yesterday(overview.entry_on(self.day - dt.timedelta(days=1)))
        self._loaded = True
        self._show_status(logged=today is not None)

    def _show_status(self, logged: bool) -> None:
        status = "logged; saving again updates it" if logged else "not logged yet"
        self.query_one("#page-title", Label).update(f"Today, {long_day(self.day)}: {status}")

    def action_save(self) -> None:
        if not self._loaded:
            self.notify("Still reading your diary; try again in a moment.")
            return
        self.save_day(self.query_one(EntryForm).answers())

    @work(thread=True, group="save", exit_on_error=False, description="Saving today's entry")
    def save_day(self, answers: dict[str, Any]) -> None:
        today, version = self.clock.today(), self._version
        self.post_message(save_answers(self.gateway, today, self.day, answers, version))

    @on(DaySaved)
    def show_saved_day(self, message: DaySaved) -> None:
        saved = message.saved
        if self._version is not None:
            self._version = saved.version  # this save's own change is the one the form shows
        self.query_one(EntryForm).show_entry(saved.entry)
        banner = self.query_one(FlagBanner)
        banner.flags = saved.open_flags
        banner.unchecked = saved.flags is None
        self._show_status(logged=True)
        self.notify("Saved today's entry." if saved.created else "Updated today's entry.")
        self.post_message(DiaryChanged())

    @on(EntryRefused)
    def show_problems(self, message: EntryRefused) -> None:
        unplaced = self.query_one(EntryForm).show_problems(message.problems)
        self.notify(refusal_text(unplaced), severity="error", timeout=10, markup=False)

    @on(DayChangedElsewhere)
    def show_changed_elsewhere(self, message: DayChangedElsewhere) -> None:
        text = f"{CHANGED_ELSEWHERE}: Ctrl+R shows the stored day (your answers here are dropped)."
        self.notify(text, severity="error", timeout=30, markup=False)
        self.post_message(DiaryChanged())

    def action_reopen(self) -> None:
        """Fill the form from the diary as stored now, dropping what was typed."""
        self._loaded = False
        if self.overview is not None:
            self.show_overview(self.overview)
        self.post_message(DiaryChanged())

    def action_use_yesterday(self) -> None:
        filled = self.query_one(EntryForm).use_yesterday()
        self.notify(
            f"Filled {filled} empty field(s) with yesterday's answers; check them, then Ctrl+S."
            if filled
            else "Nothing to fill from yesterday."
        )
