"""Backing up and restoring a local SQLite diary with SQLite's online backup API."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from diary.domain import DiaryError


class NotADiaryBackup(DiaryError):
    """The file is not a readable, intact diary."""


def backup(diary_file: Path, destination: Path) -> None:
    """Copy the diary to `destination` (private, whole or not at all), even while it is open."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temp_name = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.")
    os.close(descriptor)
    try:
        os.chmod(temp_name, 0o600)
        with (
            closing(sqlite3.connect(diary_file)) as source,
            closing(sqlite3.connect(temp_name)) as copy,
        ):
            source.backup(copy)
        check_backup(Path(temp_name))
        os.replace(temp_name, destination)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def check_backup(path: Path) -> str:
    """The backup's schema revision, after checking that it is an intact diary."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise NotADiaryBackup(f"{path} is damaged (integrity check failed)")
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            connection.execute("SELECT count(*) FROM entries").fetchone()
    except sqlite3.DatabaseError as error:
        raise NotADiaryBackup(f"{path} is not a diary backup ({error})") from None
    if revision is None:
        raise NotADiaryBackup(f"{path} is not a diary backup (no schema version)")
    return str(revision[0])


def restore(backup_file: Path, diary_file: Path) -> Path | None:
    """Replace the diary with the backup; the diary as it was is kept beside it first.

    Returns where the previous diary was kept (None if there was none).
    """
    check_backup(backup_file)
    kept = None
    if diary_file.exists():
        kept = diary_file.with_name(f"{diary_file.name}.before-restore")
        backup(diary_file, kept)
    with (
        closing(sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(diary_file)) as target,
    ):
        source.backup(target)
    os.chmod(diary_file, 0o600)
    return kept
