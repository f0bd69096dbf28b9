"""The Today page: log a day from the keyboard, see problems next to fields, see warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Button, Label

from diary.domain import DailyEntry, WarningSign
from diary.factory import Diary
from tests.conftest import TODAY
from tests.tui.conftest import AppMaker, settle
from tui.screens.confirm import ConfirmScreen
from tui.screens.today import TodayScreen
from tui.widgets.common.flag_banner import FlagBanner
from tui.widgets.today.entry_form import EntryForm


def stored_day_before_mood(reopen: Callable[[], Diary]) -> int | None:
    diary = reopen()
    yesterday = TODAY - dt.timedelta(days=1)
    return diary.entries.get_entry(diary.accounts.local_patient_id(), yesterday).mood


def stored_day(reopen: Callable[[], Diary]) -> DailyEntry | None:
    diary = reopen()
    entries = diary.entries.list_entries(diary.accounts.local_patient_id())
    return next((entry for entry in entries if entry.date == TODAY), None)


async def test_pain_has_the_focus_and_number_keys_set_scores(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.focused is not None
        assert app.focused.id == "pain"
        await pilot.press("6", "tab", "1", "0", "tab", "4", "tab", *"7.5", "ctrl+s")
        await settle(pilot)
    entry = stored_day(reopen)
    assert entry is not None
    assert (entry.pain, entry.pain_worst, entry.mood, entry.sleep_hours) == (6, 10, 4, 7.5)
    assert entry.nausea is None  # an untouched field is "not recorded", never 0


async def test_problems_are_shown_next_to_their_fields_and_nothing_is_written(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", *"7.3", "ctrl+s")
        await settle(pilot)
        form = app.screen.query_one(EntryForm)
        pain_problem = str(form.query_one(".problem-pain", Label).content)
        sleep_problem = str(form.query_one(".problem-sleep_hours", Label).content)
        assert "is required" in pain_problem
        assert "0.25" in sleep_problem
        assert "7.3" in sleep_problem
        assert app.focused is not None
        assert app.focused.id == "pain"
        await pilot.press("5")  # answering the pain takes its ⚠ away, not the sleep one
        await settle(pilot)
        assert not form.query(".problem-pain")
        assert form.query(".problem-sleep_hours")
    assert stored_day(reopen) is None


async def test_yesterday_is_offered_not_forced(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app(demo=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        hint = app.screen.query_one("#hint-mood", Label)
        assert str(hint.content).startswith("yesterday ")
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        assert stored_day(reopen) == DailyEntry(date=TODAY, pain=3)
        await pilot.press("ctrl+y", "ctrl+s")
        await settle(pilot)
    entry = stored_day(reopen)
    assert entry is not None
    assert (entry.pain, entry.mood) == (3, stored_day_before_mood(reopen))


async def press_acknowledge(pilot: Pilot[None]) -> None:
    """Click "I have read this" once its last press has faded.

    A Textual button ignores clicks while it shows a press (0.2 s), so a quick double
    click cannot acknowledge the next warning unread; a test must wait like a person.
    """
    button = pilot.app.screen.query_one("#acknowledge", Button)
    for _ in range(100):
        if not button.has_class("-active"):
            break
        await pilot.pause(0.05)
    assert await pilot.click(button)


async def test_warning_banner_shows_emergency_first_and_stays_until_read(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("5")
        form = app.screen.query_one(EntryForm)
        form.query_one("#urination_pain").focus()
        await pilot.pause()
        await pilot.press("8")
        form.query_one(f"#sign-{WarningSign.CHEST_PAIN.value}").focus()
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        banner = app.screen.query_one(FlagBanner)
        tiers = [flag.tier.value for flag in banner.flags]
        assert banner.display
        assert tiers == ["emergency", "same_day"]
        assert "EMERGENCY" in str(banner.query_one("#flag-heading", Label).content)
        await press_acknowledge(pilot)
        await settle(pilot)
        assert [flag.tier.value for flag in banner.flags] == ["same_day"]
        await press_acknowledge(pilot)
        await settle(pilot)
        assert not banner.display
    diary = reopen()
    assert diary.insights.open_flags(diary.accounts.local_patient_id()) == []


async def test_quitting_with_unsaved_answers_asks_first(make_diary_app: AppMaker) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("5", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focused answer is the safe one: keep editing
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
    assert app.return_code == 0


async def test_score_keys_step_and_clear(make_diary_app: AppMaker) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        form = app.screen.query_one(EntryForm)
        await pilot.press("right", "right")
        assert form.answers()["pain"] == 1
        await pilot.press("1", "0", "right", "minus")
        assert form.answers()["pain"] == 9
        await pilot.press("backspace")
        assert form.answers()["pain"] is None
