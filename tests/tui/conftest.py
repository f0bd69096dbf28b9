"""The terminal app on real SQLite files, built by the same factory as `diary tui`.

Every test gets its own diary file (a copy of a template, which is faster than migrating),
the suite's fixed clock, and a fixed export folder, so screens and snapshots never depend on
when or where the tests run.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from textual import constants
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from diary.api.app import create_app
from diary.domain import FixedClock
from diary.factory import Diary, open_diary
from diary.storage.engine import sqlite_url
from tests.conftest import TODAY
from tests.tui.server_fixtures import CODE, Person, register
from tui.app import DiaryApp
from tui.demo import fill_demo_diary
from tui.factory import local_gateway, make_app
from tui.remote_session import RemoteSession

AppMaker = Callable[..., DiaryApp]


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep text cursors steadily visible: a blinking cursor makes snapshots nondeterministic."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


@pytest.fixture(autouse=True)
def no_animation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draw the final frame at once: the Trends tab underline and scrolling animate otherwise."""
    monkeypatch.setattr(constants, "TEXTUAL_ANIMATIONS", "none")


def _fold_wal(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture(scope="session")
def demo_template(migrated_sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo diary (six months up to the suite's today), built once per run."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    shutil.copyfile(migrated_sqlite_template, path)
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC))
    diary = open_diary(sqlite_url(path), clock)
    fill_demo_diary(diary)
    diary.close()
    _fold_wal(path)
    return path


@pytest.fixture
def diary_path(tmp_path: Path, migrated_sqlite_template: Path) -> Path:
    path = tmp_path / "diary.db"
    shutil.copyfile(migrated_sqlite_template, path)
    return path


@pytest.fixture
def open_diaries() -> Iterator[list[Diary]]:
    """Diaries opened by a test, closed after it."""
    opened: list[Diary] = []
    yield opened
    for diary in opened:
        diary.close()


@pytest.fixture
def make_diary_app(
    diary_path: Path,
    demo_template: Path,
    clock: FixedClock,
    tmp_path: Path,
    open_diaries: list[Diary],
) -> AppMaker:
    """Build the app on an empty diary, or on a copy of the demo diary with `demo=True`."""

    def make(demo: bool = False, export_folder: Path | None = None) -> DiaryApp:
        if demo:
            shutil.copyfile(demo_template, diary_path)
        diary = open_diary(sqlite_url(diary_path), clock)
        open_diaries.append(diary)
        return make_app(local_gateway(diary, "A test diary"), clock, export_folder or tmp_path)

    return make


@pytest.fixture
def reopen(diary_path: Path, clock: FixedClock, open_diaries: list[Diary]) -> Callable[[], Diary]:
    """Open a second handle on the test diary, to check what the app really wrote."""

    def open_again() -> Diary:
        diary = open_diary(sqlite_url(diary_path), clock)
        open_diaries.append(diary)
        return diary

    return open_again


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker has finished and every message it posted has been handled.

    A finished worker's message may start another worker (a save re-reads the diary), so
    the app counts as settled only after two quiet checks in a row.
    """
    quiet = 0
    for _ in range(20):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(worker.is_running for worker in pilot.app.workers)
        quiet = 0 if busy else quiet + 1
        if quiet == 2:
            return


@pytest.fixture
def utc_and_fixed_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times shown in UTC and one known invite code, so screens are the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    codes = iter([CODE, *(f"7QWN-3RDE-8K{n:02d}" for n in range(50))])
    monkeypatch.setattr("diary.services.sharing.new_code", lambda: next(codes))


@pytest.fixture
def api_client(
    tmp_path: Path, migrated_sqlite_template: Path, clock: FixedClock, utc_and_fixed_codes: None
) -> Iterator[TestClient]:
    """The real API app over a real SQLite file, called in-process through Starlette's
    TestClient (a synchronous httpx client), so the remote gateway runs as against a server."""
    path = tmp_path / "server.db"
    shutil.copyfile(migrated_sqlite_template, path)
    diary = open_diary(sqlite_url(path), clock)
    with TestClient(create_app(diary), base_url="http://diary.test") as client:
        yield client
    diary.close()


@pytest.fixture
def session(api_client: TestClient, clock: FixedClock) -> RemoteSession:
    return RemoteSession(api_client, clock)


@pytest.fixture
def ana(api_client: TestClient) -> Person:
    return register(api_client, "ana@example.org")


@pytest.fixture
def doctor(api_client: TestClient) -> Person:
    return register(api_client, "dr.lee@example.org", role="clinician")
