"""Screenshots of every page of the demo diary for docs/user-guide.md.

Run: `.venv/bin/python -m tests.tui.screenshots` (writes SVG files to docs/images/). The demo
diary and the clock are the tests' own, so the pictures change only when the app does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from diary.domain import FixedClock
from diary.factory import open_diary
from diary.storage.engine import sqlite_url
from tests.conftest import TODAY
from tests.tui.conftest import settle
from tui.factory import demo_gateway, make_app

ROOT = Path(__file__).resolve().parents[2]
IMAGES = ROOT / "docs" / "images"
SIZE = (100, 32)
SHOTS: dict[str, tuple[str, ...]] = {
    "today": (),
    "today-problems": ("tab", "tab", "tab", *"7.3", "ctrl+s"),
    "diary": ("f3",),
    "day-editor": ("f3", "enter"),
    "trends": ("f4",),
    "trends-year": ("f4", "y"),
    "relief": ("f5",),
    "infusions": ("f6",),
    "infusion-editor": ("f6", "a"),
    "export": ("f7",),
    "help": ("f1",),
    "command-palette": ("ctrl+p",),
    "today-light": ("f8",),
}


async def take(name: str, keys: tuple[str, ...], folder: Path) -> None:
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC))
    diary = open_diary(sqlite_url(folder / f"{name}.db"), clock)
    app = make_app(demo_gateway(diary), clock, Path("/home/patient"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.pause(0.2)
        app.save_screenshot(f"{name}.svg", str(IMAGES))
    diary.close()


async def take_all() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name, keys in SHOTS.items():
            await take(name, keys, Path(folder))
            print(f"docs/images/{name}.svg")


if __name__ == "__main__":
    asyncio.run(take_all())
