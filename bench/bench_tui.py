"""How fast the terminal app opens and switches pages: `python bench/bench_tui.py`.

1. Cold start with a year of data, target ≤ 0.8 s: from spawning `diary --db FILE tui` (its
   real code path, in a fresh Python process) to the first frame that shows the Today page
   filled in from the diary; and the same app started without the `diary` command (what the
   command costs on top). Baseline: a fresh process running a bare Textual app (one Label)
   to its first frame.
2. Switching to Trends with three years of data, target ≤ 100 ms: from the F4 key press to
   the first frame with the pain chart drawn, on the page's first visit and on later visits.
   Baseline: the same key switching a bare Textual app between two one-Label screens.

Apps run headless at a fixed size (frames are composed in full, not written to a terminal).
Child processes use Python's bytecode cache as a patient's machine does (`child_environment`),
after one untimed start that writes it.
Both baselines run in the same process and moment, so the ratios cancel machine speed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Label  # noqa: E402

from diary.domain import FixedClock, SystemClock  # noqa: E402
from diary.factory import open_diary  # noqa: E402
from diary.simulation import simulate_patient  # noqa: E402
from diary.storage.engine import sqlite_url  # noqa: E402
from tui.factory import local_gateway, make_app  # noqa: E402
from tui.screens.trends import TrendsScreen  # noqa: E402
from tui.widgets.trends.charts import PainChart  # noqa: E402

REPEATS = 7
COLD_START_SIZE = (100, 30)
SWITCH_SIZES = ((80, 24), (120, 40))

CHILD = """
import sys
from textual.app import App

kind, db, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
run, display = App.run, App._display

def ready(app):
    if kind == "bare":
        return True
    return type(app.screen).__name__ == "TodayScreen" and app.screen.overview is not None

def show(self, screen, renderable):
    display(self, screen, renderable)
    if ready(self) and not getattr(self, "bench_done", False):
        self.bench_done = True
        print("ready", flush=True)
        self.call_later(self.exit)

App._display = show
App.run = lambda self, **_: run(self, headless=True, size=(width, height))
if kind == "bare":
    from textual.widgets import Label

    class Bare(App):
        def compose(self):
            yield Label("hello")

    Bare().run()
elif kind == "app":
    from pathlib import Path
    from diary.domain import SystemClock
    from diary.factory import open_diary
    from diary.storage.engine import sqlite_url
    from tui.factory import local_gateway, make_app

    diary = open_diary(sqlite_url(Path(db)), SystemClock())
    gateway = local_gateway(diary, db)
    make_app(gateway, SystemClock(), overview=gateway.overview()).run()
else:
    sys.argv = ["diary", "--db", db, "tui"]
    from diary.cli import main
    main()
"""


def diary_file(folder: Path, days: int, last_day: dt.date) -> Path:
    """A diary of `days` simulated days (several courses) ending on `last_day`."""
    path = folder / f"diary-{days}.db"
    clock = FixedClock(dt.datetime.combine(last_day, dt.time(12), tzinfo=dt.UTC))
    diary = open_diary(sqlite_url(path), clock)
    start = last_day - dt.timedelta(days=days - 1)
    simulated = simulate_patient(7, days=days, start=start)
    diary.entries.import_contents(
        diary.accounts.local_patient_id(), simulated.entries, simulated.infusions
    )
    diary.close()
    return path


def child_environment() -> dict[str, str]:
    """This process's environment without PYTHONDONTWRITEBYTECODE.

    Python caches compiled modules (`__pycache__`) on a first run and reads them afterwards;
    a patient's machine does that. Some build machines (this project's included) set
    PYTHONDONTWRITEBYTECODE, so every start would compile the project's ~90 modules from
    source again (about 50 ms): the children are started as on a patient's machine instead.
    """
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def cold_start_once(kind: str, db: Path) -> float:
    """Seconds from spawning the process to its first ready frame."""
    width, height = COLD_START_SIZE
    command = [sys.executable, "-c", CHILD, kind, str(db), str(width), str(height)]
    started, ready = time.perf_counter(), None
    with subprocess.Popen(  # noqa: S603
        command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=child_environment()
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "ready":
                ready = time.perf_counter() - started
                break
        child.wait()
    if ready is None:
        raise RuntimeError(f"{kind} child failed with {child.returncode}")
    return ready


def cold_starts(db: Path, kinds: tuple[str, ...]) -> dict[str, float]:
    """Median cold start of each kind; the kinds take turns, so they share the machine's load."""
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    for kind in kinds:  # untimed: writes the bytecode cache, as a first start on a new install
        cold_start_once(kind, db)
    for _ in range(REPEATS):
        for kind in kinds:
            times[kind].append(cold_start_once(kind, db))
    return {kind: statistics.median(runs) for kind, runs in times.items()}


class FrameClock:
    """Records when an app shows a frame that satisfies `shown`."""

    def __init__(self, app: App[Any], shown: Callable[[Screen[Any]], bool]) -> None:
        self.app, self.shown = app, shown
        self.started = 0.0
        self.elapsed: float | None = None
        display = app._display

        def timed_display(screen: Screen[Any], renderable: Any) -> None:
            display(screen, renderable)
            if self.elapsed is None and self.started and self.shown(screen):
                self.elapsed = time.perf_counter() - self.started

        app._display = timed_display  # type: ignore[method-assign]

    async def time_key(self, key: str, pilot: Any) -> float:
        self.started, self.elapsed = time.perf_counter(), None
        await pilot.press(key)
        while self.elapsed is None:
            await asyncio.sleep(0.001)
        return self.elapsed


def trends_drawn(screen: Screen[Any]) -> bool:
    return isinstance(screen, TrendsScreen) and screen.query_one(PainChart)._drawn is not None


async def diary_switches(db: Path, last_day: dt.date, size: tuple[int, int]) -> tuple[float, float]:
    """(first visit, later visit) to Trends from Today, in seconds."""
    clock = FixedClock(dt.datetime.combine(last_day, dt.time(12), tzinfo=dt.UTC))
    diary = open_diary(sqlite_url(db), clock)
    app = make_app(local_gateway(diary, "bench"), clock, Path(tempfile.gettempdir()))
    frames = FrameClock(app, trends_drawn)
    async with app.run_test(size=size) as pilot:
        for _ in range(3):  # reading the diary, then preparing the other pages
            await app.workers.wait_for_complete()
            await pilot.pause(0.2)
        first = await frames.time_key("f4", pilot)
        await pilot.press("f2")
        await pilot.pause(0.3)
        later = await frames.time_key("f4", pilot)
    diary.close()
    return first, later


class BareScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Label(type(self).__name__)


class OtherScreen(BareScreen):
    pass


class BareApp(App[None]):
    MODES = {"one": BareScreen, "two": OtherScreen}  # noqa: RUF012
    DEFAULT_MODE = "one"
    BINDINGS = [("f2", "switch_mode('one')"), ("f4", "switch_mode('two')")]  # noqa: RUF012


async def bare_switches(size: tuple[int, int]) -> tuple[float, float]:
    app = BareApp()
    frames = FrameClock(app, lambda screen: isinstance(screen, OtherScreen))
    async with app.run_test(size=size) as pilot:
        await pilot.pause(0.3)
        first = await frames.time_key("f4", pilot)
        await pilot.press("f2")
        await pilot.pause(0.3)
        later = await frames.time_key("f4", pilot)
    return first, later


def median_pair(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def row(name: str, seconds: float, baseline: float, target: str = "") -> str:
    return f"{name:58} {seconds * 1000:7.0f} ms {seconds / baseline:6.1f}x   {target}"


def switch_rows(three_years: Path, last_day: dt.date, size: tuple[int, int]) -> list[str]:
    bare_runs, diary_runs = [], []
    for _ in range(REPEATS):  # taking turns, as for the cold starts
        bare_runs.append(asyncio.run(bare_switches(size)))
        diary_runs.append(asyncio.run(diary_switches(three_years, last_day, size)))
    (bare_first, bare_later), (first, later) = median_pair(bare_runs), median_pair(diary_runs)
    at = f"{size[0]}x{size[1]}"
    return [
        row(f"baseline: bare app, key to other screen, first visit, {at}", bare_first, bare_first),
        row(f"baseline: bare app, key to other screen, later visit, {at}", bare_later, bare_later),
        row(f"F4 to Trends drawn, 3 years, first visit, {at}", first, bare_first, "≤ 100 ms"),
        row(f"F4 to Trends drawn, 3 years, later visit, {at}", later, bare_later, "≤ 100 ms"),
    ]


def main() -> None:
    yesterday = SystemClock().today() - dt.timedelta(days=1)
    with tempfile.TemporaryDirectory() as folder:
        one_year = diary_file(Path(folder), 365, yesterday)
        three_years = diary_file(Path(folder), 3 * 365, yesterday)
        print(f"median of {REPEATS} runs; ratio: against the bare Textual app of the same run")
        starts = cold_starts(one_year, ("bare", "diary", "app"))
        bare, cold, app_only = starts["bare"], starts["diary"], starts["app"]
        print(row("baseline: bare Textual app, process start to first frame", bare, bare))
        print(row("diary tui, 1 year: process start to Today filled in", cold, bare, "≤ 800 ms"))
        print(row("the same app without the diary command's imports", app_only, bare))
        for size in SWITCH_SIZES:
            print("\n".join(switch_rows(three_years, yesterday, size)))


if __name__ == "__main__":
    main()
