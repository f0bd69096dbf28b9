"""Building database engines: SQLite for the embedded diary, PostgreSQL for servers.

Engines are built by the CLI or the app factory, never at import time.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

APP_NAME = "ketamine-diary"
DEFAULT_FILE_NAME = "diary.db"
SQLITE_BUSY_TIMEOUT_MS = 10_000
READ_ONLY = "diary_read_only"
"""Execution option marking a transaction that only reads (SQLite then begins it DEFERRED)."""


def default_diary_path() -> Path:
    """Where the local diary lives when nothing else is said: the user's data directory."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DEFAULT_FILE_NAME


def resolve_database_url(db_option: str | None, environ: Mapping[str, str]) -> str:
    """`--db`, then DIARY_DB, then DATABASE_URL, then the default file; a path becomes a URL."""
    chosen = db_option or environ.get("DIARY_DB") or environ.get("DATABASE_URL")
    if not chosen:
        return sqlite_url(default_diary_path())
    if "://" not in chosen:
        return sqlite_url(Path(chosen).expanduser())
    return normalise_url(chosen)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def normalise_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_diary_engine(url: str) -> Engine:
    """An engine with the diary's durability settings for its backend."""
    if is_sqlite(url):
        return _create_sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


def _create_sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    if database and database != ":memory:":
        _create_private_file(Path(database))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _create_private_file(path: Path) -> None:
    """Create the diary file readable by its owner only (its WAL files inherit the mode)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(descriptor)
    os.chmod(path, 0o600)


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN, so every use case is one explicit transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin_sqlite_transaction(connection: Any) -> None:
    # A writer takes the write lock up front (IMMEDIATE): concurrent writers queue on the busy
    # timeout instead of failing with "database is locked" when a read turns into a write.
    # A reader begins DEFERRED and, in WAL mode, reads its snapshot beside the writer.
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")
