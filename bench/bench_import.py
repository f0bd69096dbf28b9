"""How long importing a 5-year diary (1,800 daily rows) takes, against plain sqlite3.

Run: .venv/bin/python bench/bench_import.py
Baseline, measured in the same run: the stdlib csv reader plus one sqlite3 `executemany` into a
table of the same shape with the same durability settings (WAL, synchronous=FULL), i.e. the
least any importer could do. The ratios show what validation, the ORM and the CLI cost on top.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diary.domain import FixedClock  # noqa: E402
from diary.export import csv_format  # noqa: E402
from diary.factory import open_diary  # noqa: E402
from diary.storage.engine import sqlite_url  # noqa: E402
from tests.factories import daily_entries  # noqa: E402

ROWS = 1800
REPEATS = 7
TODAY = dt.date(2026, 6, 15)


def five_year_csv() -> str:
    out = io.StringIO()
    csv_format.write_entries(daily_entries(ROWS, TODAY, seed=11), out)
    return out.getvalue()


def plain_sqlite_import(text: str, folder: Path) -> None:
    rows = list(csv.reader(io.StringIO(text)))
    header, data = rows[0], rows[1:]
    connection = sqlite3.connect(folder / "plain.db")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    columns = ", ".join(header)
    connection.execute(f"CREATE TABLE entries ({columns})")
    marks = ", ".join("?" for _ in header)
    with connection:
        connection.executemany(f"INSERT INTO entries VALUES ({marks})", data)  # noqa: S608
    connection.close()


def diary_import(text: str, folder: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC))
    diary = open_diary(sqlite_url(folder / "diary.db"), clock)
    diary.transfer.import_csv(diary.accounts.local_patient_id(), io.StringIO(text))
    diary.close()


def cli_import(text: str, folder: Path) -> None:
    path = folder / "in.csv"
    path.write_text(text, newline="")
    command = [
        str(ROOT / ".venv/bin/diary"),
        "--db",
        str(folder / "cli.db"),
        "import",
        "--entries",
        str(path),
    ]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603


def median_seconds(task: Callable[[str, Path], None], text: str) -> float:
    times = []
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            task(text, Path(folder))
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    text = five_year_csv()
    baseline = median_seconds(plain_sqlite_import, text)
    print(f"{ROWS} rows, median of {REPEATS} runs")
    print(f"{'baseline: csv + sqlite3 executemany':45} {baseline * 1000:8.1f} ms   1.0x")
    for name, task in (
        ("diary import (in-process, new diary)", diary_import),
        ("diary import (CLI process, cold start)", cli_import),
    ):
        seconds = median_seconds(task, text)
        print(f"{name:45} {seconds * 1000:8.1f} ms {seconds / baseline:6.1f}x")


if __name__ == "__main__":
    main()
