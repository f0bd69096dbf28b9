"""How every page looks on the demo diary, at 80×24 and 120×40, plus dialogs and states.

Update with `pytest tests/tui --snapshot-update` only after reading the diff report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from diary.domain import WarningSign
from tests.tui.conftest import AppMaker, settle

SnapCompare = Callable[..., bool]
PAGE_KEYS = {
    "today": (),
    "diary": ("f3",),
    "trends": ("f4",),
    "relief": ("f5",),
    "infusions": ("f6",),
    "export": ("f7",),
    "help": ("f1",),
}
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
EXPORT_FOLDER = Path("/home/patient")
"""Shown on the Export page: a fixed path keeps the snapshot the same on every machine."""


def pressing(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A `run_before` that lets the diary load, presses `keys`, and lets their work finish."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
@pytest.mark.parametrize("page", PAGE_KEYS)
def test_page(
    snap_compare: SnapCompare, make_diary_app: AppMaker, page: str, size: tuple[int, int]
) -> None:
    """Each page of the six-month demo diary."""
    app = make_diary_app(demo=True, export_folder=EXPORT_FOLDER)
    assert snap_compare(app, terminal_size=size, run_before=pressing(*PAGE_KEYS[page]))


def test_day_editor(snap_compare: SnapCompare, make_diary_app: AppMaker) -> None:
    """Yesterday opened from the Diary page in the editor dialog."""
    app = make_diary_app(demo=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=pressing("f3", "enter"))


def test_problems_beside_their_fields(snap_compare: SnapCompare, make_diary_app: AppMaker) -> None:
    """Saving without a pain score and with 7.3 hours of sleep: two problems, nothing saved."""
    keys: Sequence[str] = ("tab", "tab", "tab", *"7.3", "ctrl+s")
    assert snap_compare(make_diary_app(), terminal_size=(100, 30), run_before=pressing(*keys))


def test_emergency_banner_comes_first(snap_compare: SnapCompare, make_diary_app: AppMaker) -> None:
    """Chest pain ticked and saved: the emergency flag heads the banner."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("4")
        pilot.app.screen.query_one(f"#sign-{WarningSign.CHEST_PAIN.value}").focus()
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await settle(pilot)

    assert snap_compare(make_diary_app(demo=True), terminal_size=(100, 30), run_before=run_before)


def test_light_theme(snap_compare: SnapCompare, make_diary_app: AppMaker) -> None:
    """The Trends page in the light theme (F8)."""
    app = make_diary_app(demo=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=pressing("f8", "f4"))


def test_infusion_editor(snap_compare: SnapCompare, make_diary_app: AppMaker) -> None:
    """Adding an infusion day."""
    app = make_diary_app(demo=True)
    assert snap_compare(app, terminal_size=(100, 30), run_before=pressing("f6", "a"))
