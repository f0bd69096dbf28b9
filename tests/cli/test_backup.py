"""`diary backup` and `diary restore` on real diary files."""

from __future__ import annotations

import json
import stat
from pathlib import Path


def days(run) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    listed = run("entries", "--all", "--json").output.splitlines()
    return [(e["date"], e["pain"]) for e in map(json.loads, listed)]


def test_restore_brings_back_the_diary_as_it_was(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-01", "--pain", "4")
    run("log", "--date", "2026-06-02", "--pain", "6")
    backed_up = run("backup", "--out", str(tmp_path / "safe" / "diary-backup.db"))
    assert backed_up.exit_code == 0, backed_up.output
    assert stat.S_IMODE((tmp_path / "safe" / "diary-backup.db").stat().st_mode) == 0o600
    run("delete", "2026-06-01", "--yes")
    run("log", "--date", "2026-06-03", "--pain", "9")
    restored = run("restore", str(tmp_path / "safe" / "diary-backup.db"), "--yes")
    assert restored.exit_code == 0, restored.output
    assert days(run) == [("2026-06-01", 4), ("2026-06-02", 6)]
    assert "kept in" in restored.output
    assert (tmp_path / "d.db.before-restore").exists()


def test_a_file_that_is_not_a_backup_is_refused(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-01", "--pain", "4")
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a diary")
    refused = run("restore", str(bogus), "--yes")
    assert refused.exit_code == 1
    # The message wraps at the terminal's width, which a long temporary path can reach.
    assert "is not a diary backup" in " ".join(refused.output.split())
    assert days(run) == [("2026-06-01", 4)]


def test_restore_asks_first(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("log", "--date", "2026-06-01", "--pain", "4")
    run("backup", "--out", str(tmp_path / "b.db"))
    run("log", "--date", "2026-06-02", "--pain", "5")
    assert run("restore", str(tmp_path / "b.db"), stdin="n\n").exit_code == 1
    assert len(days(run)) == 2


def test_postgres_diaries_are_pointed_to_pg_dump(run) -> None:  # type: ignore[no-untyped-def]
    answer = run("backup", "--out", "x.db", environ={"DATABASE_URL": "postgresql://h/db"})
    assert answer.exit_code == 1
    assert "pg_dump" in answer.output
