"""Diary, Trends, Infusions, Export and Help, driven from the keyboard on real diary files."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from diary.domain import DailyEntry
from diary.factory import Diary
from tests.conftest import TODAY
from tests.tui.conftest import AppMaker, settle
from tui.screens.confirm import ConfirmScreen
from tui.screens.entry_editor import EntryEditorScreen
from tui.screens.help import HelpScreen, key_rows
from tui.screens.infusion_editor import InfusionEditorScreen
from tui.trend_data import MAX_POINTS
from tui.widgets.diary.days_table import DaysTable
from tui.widgets.infusions.infusion_table import InfusionTable
from tui.widgets.trends.charts import PainChart

YESTERDAY = TODAY - dt.timedelta(days=1)


def patient_entries(diary: Diary) -> list[DailyEntry]:
    return diary.entries.list_entries(diary.accounts.local_patient_id())


async def test_a_logged_day_shows_in_the_diary_and_on_the_trends_chart(
    make_diary_app: AppMaker,
) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("7", "ctrl+s")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        table = app.screen.query_one(DaysTable)
        assert table.row_count == 1
        assert table.get_row(TODAY.isoformat())[1] == "7"
        await pilot.press("f4", "3")
        await settle(pilot)
        chart = app.screen.query_one(PainChart)
        assert chart._data is not None
        assert chart._data.pain == [(29.0, 7.0)]  # today is day 29 of a 30-day range


async def test_edit_a_day_from_the_diary(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app(demo=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen.query_one(DaysTable).selected_day == YESTERDAY
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryEditorScreen)
        await pilot.press("9", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EntryEditorScreen)
        assert app.screen.query_one(DaysTable).get_row(YESTERDAY.isoformat())[1] == "9"
    day = [entry for entry in patient_entries(reopen()) if entry.date == YESTERDAY]
    assert day[0].pain == 9


async def test_delete_a_day_only_after_confirming(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app(demo=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        before = len(patient_entries(reopen()))
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert len(patient_entries(reopen())) == before
        await pilot.press("d")
        await pilot.click("#confirm")
        await settle(pilot)
        assert YESTERDAY.isoformat() not in app.screen.query_one(DaysTable).rows
    remaining = patient_entries(reopen())
    assert len(remaining) == before - 1
    assert YESTERDAY not in {entry.date for entry in remaining}


async def test_diary_range_picks_days(make_diary_app: AppMaker) -> None:
    app = make_diary_app(demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        start = app.screen.query_one("#from", Input)
        start.value = (TODAY - dt.timedelta(days=6)).isoformat()
        start.focus()
        await pilot.press("enter")
        await settle(pilot)
        rows = app.screen.query_one(DaysTable).rows
        assert {dt.date.fromisoformat(str(key.value)) for key in rows} <= {
            TODAY - dt.timedelta(days=n) for n in range(7)
        }


async def open_trends(pilot: Pilot[None]) -> None:
    """From the app's start to the Trends page, settled."""
    await settle(pilot)
    await pilot.press("f4")
    await settle(pilot)


async def test_trends_ranges_stay_small_however_long_the_diary(make_diary_app: AppMaker) -> None:
    app = make_diary_app(demo=True)
    async with app.run_test() as pilot:
        await open_trends(pilot)
        chart = app.screen.query_one(PainChart)
        for key, bucket_days in (("3", 1), ("9", 1), ("y", 4), ("a", 2)):
            await pilot.press(key)
            assert chart._data is not None
            assert chart._data.bucket_days == bucket_days
            assert len(chart._data.pain) <= MAX_POINTS
        assert chart._data.relief_marks  # each course's baseline and threshold are drawn
        assert chart._data.infusion_days


async def test_a_range_can_be_picked_with_the_mouse(make_diary_app: AppMaker) -> None:
    app = make_diary_app(demo=True)
    async with app.run_test() as pilot:
        await open_trends(pilot)
        line = "3 30 days  9 90 days  y A year  a Everything"
        await pilot.click("#spans", offset=(line.index("A year"), 0))
        await settle(pilot)
        assert app.screen.span == "365"
        assert "[reverse bold]A year" in app.screen.query_one("#spans").render().markup
        assert app.screen.query_one(PainChart)._data.bucket_days == 4


async def test_add_an_infusion(make_diary_app: AppMaker, reopen: Callable[[], Diary]) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, InfusionEditorScreen)
        app.screen.query_one("#date", Input).value = "2026-06-12"
        app.screen.query_one("#dose_mg", Input).value = "0"
        await pilot.press("ctrl+s")
        await settle(pilot)
        problem = app.screen.query_one(".problem-dose_mg", Static)
        assert "greater than 0 (at most 10000)" in str(problem.content)
        shown = problem.region.intersection(problem.parent.region)  # what the dialog shows
        assert shown == problem.region  # the whole rule, wrapped if need be, not cut off
        assert app.focused is app.screen.query_one("#dose_mg")
        await pilot.press("backspace")  # editing the dose takes its ⚠ away
        await settle(pilot)
        assert not app.screen.query(".problem-dose_mg")
        await pilot.press("3", "5", "ctrl+s")
        await settle(pilot)
        assert app.screen.query_one(InfusionTable).row_count == 1
    diary = reopen()
    (infusion,) = diary.entries.list_infusions(diary.accounts.local_patient_id())
    assert (infusion.date, infusion.dose_mg) == (dt.date(2026, 6, 12), 35.0)


async def test_export_writes_the_file_and_says_where(
    make_diary_app: AppMaker, tmp_path: Path
) -> None:
    app = make_diary_app(demo=True, export_folder=tmp_path)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        path = app.screen.query_one("#path", Input)
        path.value = "my-diary.csv"
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        result = str(app.screen.query_one("#result", Static).content)
    written = tmp_path / "my-diary.csv"
    assert str(written) in result
    assert written.read_text().startswith("date,pain,")
    assert (tmp_path / "my-diary-infusions.csv").exists()
    assert written.stat().st_mode & 0o777 == 0o600


async def test_help_lists_every_key(make_diary_app: AppMaker) -> None:
    app = make_diary_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=120, file=io.StringIO(), record=True)
        console.print(app.screen.key_table())
        listed = console.export_text()
        for _, bindings in app.key_areas():
            for keys, what in key_rows(bindings):
                assert what in listed
                assert keys in listed
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_help_lists_no_textual_keys_as_a_pages_own(make_diary_app: AppMaker) -> None:
    """Relief declares no keys: the help does not list Textual's Tab and copy keys under it
    (found by a new user), nor under any other page."""
    areas = dict(make_diary_app().key_areas())
    assert "Relief" not in areas
    for title, bindings in areas.items():
        described = {what for _, what in key_rows(bindings)}
        assert not described & {"Focus Next", "Copy selected text"}, title


async def test_light_and_dark_themes(make_diary_app: AppMaker) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("f8")
        assert app.theme == "textual-light"


async def test_notes_are_shown_as_written_never_as_markup(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    note = "felt [/b] odd [red]after[/red] the drive"
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        app.screen.query_one("#notes", TextArea).text = note
        await pilot.press("4", "ctrl+s")
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        remarks = app.screen.query_one(DaysTable).get_row(TODAY.isoformat())[-1]
        assert str(remarks) == note
    (entry,) = patient_entries(reopen())
    assert entry.notes == note


async def test_log_a_missed_day_from_the_diary(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("n")
        day = app.screen.query_one("#day", Input)
        day.value = "2026-06-16"
        await pilot.press("enter")
        assert "future" in str(app.screen.query_one("#day-problem", Static).content)
        day.value = "2026-06-10"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryEditorScreen)
        await pilot.press("3", "ctrl+s")
        await settle(pilot)
        assert "2026-06-10" in app.screen.query_one(DaysTable).rows
    assert [(e.date, e.pain) for e in patient_entries(reopen())] == [(dt.date(2026, 6, 10), 3)]
