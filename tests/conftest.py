"""Fixtures shared by the whole suite: a fixed clock and real databases.

Storage and service tests run against SQLite and, when DIARY_TEST_POSTGRES_URL names a
server, PostgreSQL. CI sets DIARY_REQUIRE_POSTGRES=1 so a missing server fails instead of skipping.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from diary.domain import FixedClock
from diary.factory import Diary, open_diary
from diary.services.auth import AuthSettings
from diary.storage.engine import create_diary_engine, normalise_url, sqlite_url
from diary.storage.migrate import upgrade

POSTGRES_URL_VARIABLE = "DIARY_TEST_POSTGRES_URL"
TODAY = dt.date(2026, 6, 15)
DIARY_TABLES = (
    "patient_summaries",
    "access_log",
    "shares",
    "idempotency_records",
    "login_failures",
    "auth_tokens",
    "flag_acknowledgements",
    "entries",
    "infusions",
    "accounts",
)


@pytest.fixture
def clock() -> FixedClock:
    """Noon UTC on a fixed day, so 'today' and 'the future' never depend on when tests run."""
    return FixedClock(dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC))


def postgres_url() -> str | None:
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if url:
        return normalise_url(url)
    if os.environ.get("DIARY_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"DIARY_REQUIRE_POSTGRES=1 but {POSTGRES_URL_VARIABLE} is not set")
    return None


@pytest.fixture(scope="session")
def migrated_sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A diary file migrated once per run; each test gets a copy (faster than migrating)."""
    path = tmp_path_factory.mktemp("template") / "diary.db"
    engine = create_diary_engine(sqlite_url(path))
    upgrade(engine)
    engine.dispose()
    with closing(sqlite3.connect(path)) as connection:  # fold the WAL into the file to copy
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def migrated_postgres() -> str:
    """The test PostgreSQL database, emptied and migrated to head once per run."""
    url = postgres_url()
    if url is None:
        pytest.skip(f"no PostgreSQL server: set {POSTGRES_URL_VARIABLE}")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty diary database on each backend."""
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("migrated_sqlite_template")
        path = tmp_path / "diary.db"
        shutil.copyfile(template, path)
        return sqlite_url(path)
    url: str = request.getfixturevalue("migrated_postgres")
    _empty_postgres_tables(url)
    return url


def _empty_postgres_tables(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {', '.join(DIARY_TABLES)} CASCADE"))
    engine.dispose()


FAST_HASHING = AuthSettings(hash_time_cost=1, hash_memory_kib=1024)
"""Cheaper argon2id for in-process tests (every sign-up and login hashes); the servers that
tests start as processes, and production, keep OWASP's minimum."""


@pytest.fixture
def diary(database_url: str, clock: FixedClock) -> Iterator[Diary]:
    opened = open_diary(database_url, clock, FAST_HASHING)
    yield opened
    opened.close()


@pytest.fixture
def patient(diary: Diary) -> uuid.UUID:
    return diary.accounts.local_patient_id()
