"""The schema changes only through migrations, and upgrading keeps every row."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, text
from sqlmodel import SQLModel

# Importing the table modules registers their tables on SQLModel.metadata.
import diary.storage.sharing_tables
import diary.storage.tables  # noqa: F401
from diary.storage.engine import create_diary_engine, sqlite_url
from diary.storage.migrate import alembic_config, current_revision, head_revision, upgrade
from diary.storage.schema import HEAD_REVISION
from tests.conftest import postgres_url

FIRST_REVISION = "0001"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database with no schema at all, on each backend."""
    if request.param == "sqlite":
        engine = create_diary_engine(sqlite_url(tmp_path / "fresh.db"))
        yield engine
        engine.dispose()
        return
    yield from _fresh_postgres_database()


def _fresh_postgres_database() -> Iterator[Engine]:
    url = postgres_url()
    if url is None:
        pytest.skip("no PostgreSQL server")
    name = f"migration_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(url.rsplit("/", 1)[0] + "/" + name)
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}"'))
    admin.dispose()


def test_revisions_form_one_line() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert script.get_base() == FIRST_REVISION


def test_the_code_knows_the_newest_revision() -> None:
    """open_diary compares against this constant to skip loading Alembic when nothing is due."""
    assert head_revision() == HEAD_REVISION


def test_rows_written_at_the_first_migration_survive_upgrade(empty_engine: Engine) -> None:
    upgrade(empty_engine, FIRST_REVISION)
    patient = uuid.uuid4()
    with empty_engine.begin() as connection:
        _insert_first_schema_rows(connection, patient)
    upgrade(empty_engine)
    assert current_revision(empty_engine) == head_revision()
    with empty_engine.connect() as connection:
        pains = connection.execute(text("SELECT pain FROM entries ORDER BY date")).scalars().all()
        doses = connection.execute(text("SELECT dose_mg FROM infusions")).scalars().all()
        owner = connection.execute(text("SELECT name FROM accounts")).scalar_one()
    assert pains == [4, 6]
    assert doses == [35.5]
    assert owner == "Me"


def _insert_first_schema_rows(connection, patient: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
    stamp = "2026-01-01 00:00:00+00:00"
    patient_key = patient.hex if connection.dialect.name == "sqlite" else str(patient)
    connection.execute(
        text(
            "INSERT INTO accounts (id, name, role, is_local_owner, created_at, updated_at)"
            " VALUES (:id, 'Me', 'patient', true, :t, :t)"
        ),
        {"id": patient_key, "t": stamp},
    )
    for day, pain in (("2026-01-01", 4), ("2026-01-02", 6)):
        connection.execute(
            text(
                "INSERT INTO entries (patient_id, date, pain, warning_signs, version,"
                " created_at, updated_at) VALUES (:p, :d, :pain, '[]', 1, :t, :t)"
            ),
            {"p": patient_key, "d": day, "pain": pain, "t": stamp},
        )
    infusion_key = uuid.uuid4().hex if connection.dialect.name == "sqlite" else str(uuid.uuid4())
    connection.execute(
        text(
            "INSERT INTO infusions (id, patient_id, date, route, dose_mg, version, created_at,"
            " updated_at) VALUES (:i, :p, '2025-12-20', 'iv', 35.5, 1, :t, :t)"
        ),
        {"i": infusion_key, "p": patient_key, "t": stamp},
    )


def test_migrations_build_exactly_the_tables_the_code_declares(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    with empty_engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []
