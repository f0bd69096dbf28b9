"""Which schema revision a database is at, without loading Alembic (it costs start-up time)."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from diary.storage.engine import READ_ONLY

HEAD_REVISION = "0004"
"""The newest migration in diary/storage/migrations/versions (a test checks they agree)."""


def stored_revision(engine: Engine) -> str | None:
    """The revision recorded in the database, or None for a database with no schema yet."""
    try:
        with engine.connect().execution_options(**{READ_ONLY: True}) as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no alembic_version table: a new, empty database
        return None


def is_current(engine: Engine) -> bool:
    return stored_revision(engine) == HEAD_REVISION
