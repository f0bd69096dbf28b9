"""How the diary opens its database: durable SQLite, private files, the URL it picks."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from diary.storage.engine import (
    create_diary_engine,
    default_diary_path,
    resolve_database_url,
    sqlite_url,
)


class TestResolveDatabaseUrl:
    def test_option_wins_over_environment(self, tmp_path: Path) -> None:
        environ = {"DIARY_DB": "/elsewhere.db", "DATABASE_URL": "postgresql://x/y"}
        chosen = resolve_database_url(str(tmp_path / "mine.db"), environ)
        assert chosen == sqlite_url(tmp_path / "mine.db")

    def test_diary_db_wins_over_database_url(self) -> None:
        environ = {"DIARY_DB": "/a/b.db", "DATABASE_URL": "postgresql://x/y"}
        assert resolve_database_url(None, environ) == "sqlite:////a/b.db"

    def test_postgres_url_uses_psycopg(self) -> None:
        environ = {"DATABASE_URL": "postgres://u:p@h:5432/d"}
        assert resolve_database_url(None, environ) == "postgresql+psycopg://u:p@h:5432/d"

    def test_default_is_the_user_data_directory(self) -> None:
        assert resolve_database_url(None, {}) == sqlite_url(default_diary_path())
        assert default_diary_path().name == "diary.db"


class TestSqliteEngine:
    def test_durability_pragmas(self, tmp_path: Path) -> None:
        engine = create_diary_engine(sqlite_url(tmp_path / "d.db"))
        with engine.connect() as connection:

            def pragma(name: str) -> object:
                return connection.execute(text(f"PRAGMA {name}")).scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
        engine.dispose()

    def test_file_and_folder_private_to_owner(self, tmp_path: Path) -> None:
        path = tmp_path / "new-folder" / "d.db"
        engine = create_diary_engine(sqlite_url(path))
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (x INTEGER)"))
        engine.dispose()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

    def test_existing_world_readable_file_is_made_private(self, tmp_path: Path) -> None:
        path = tmp_path / "d.db"
        path.touch(mode=0o644)
        create_diary_engine(sqlite_url(path)).dispose()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.usefixtures("database_url")
def test_timestamps_read_back_timezone_aware(diary, patient) -> None:  # type: ignore[no-untyped-def]
    from diary.services.unit_of_work import UnitOfWork

    with UnitOfWork(diary.engine) as uow:
        owner = uow.accounts.get(patient)
        assert owner is not None
        assert owner.created_at.utcoffset() is not None
        assert owner.created_at == diary.clock.now()
