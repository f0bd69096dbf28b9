"""`diary backup` and `diary restore`: a copy of the local diary, and putting it back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from diary.cli.state import CliState, SkipConfirmation, state_of
from diary.domain import DiaryError
from diary.storage import backup as backups
from diary.storage.engine import create_diary_engine, is_sqlite


def register(app: typer.Typer) -> None:
    app.command("backup")(back_up)
    app.command("restore")(restore)


def _diary_file(state: CliState) -> Path:
    url = state.database_url
    if not is_sqlite(url):
        raise DiaryError(
            "backup and restore are for a local diary; back up PostgreSQL with pg_dump"
        )
    return Path(make_url(url).database or "")


def back_up(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="Where to write the backup.", dir_okay=False)],
) -> None:
    """Copy the diary to a file (safe while the diary is in use)."""
    state = state_of(ctx)
    with state.reporting_errors():
        diary_file = _diary_file(state)
        if not diary_file.exists():
            raise DiaryError(f"there is no diary at {diary_file}")
        backups.backup(diary_file, out)
    state.out.print(f"Backed up {diary_file} to {out}", highlight=False)


def restore(
    ctx: typer.Context,
    backup_file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    yes: SkipConfirmation = False,
) -> None:
    """Replace the diary with a backup (the current diary is kept beside it first)."""
    state = state_of(ctx)
    with state.reporting_errors():
        diary_file = _diary_file(state)
        backups.check_backup(backup_file)
        if not yes:
            typer.confirm(f"Replace the diary at {diary_file} with {backup_file}?", abort=True)
        kept = backups.restore(backup_file, diary_file)
        from diary.storage.migrate import upgrade

        engine = create_diary_engine(state.database_url)
        upgrade(engine)  # a backup from an older version is brought up to date
        engine.dispose()
    if kept:
        state.out.print(f"Your diary as it was is kept in {kept}", highlight=False)
    state.out.print(f"Restored {backup_file} into {diary_file}", highlight=False)
