"""How long exporting one year of diary takes, PDF against the plain JSON export of the same diary.

Run: .venv/bin/python bench/bench_pdf.py [--repeats N]
The diary is the export tests' demo year (365 days, 8 courses, side effects, notes) stored in
a fresh SQLite file. Every export is timed end to end through ExportService: one read of the
diary, the analysis, the summary and the file. The baseline, measured in the same run, is the
JSON export of the same diary (one read and a JSON dump): the ratio shows what the analysis,
the layout and the fonts cost on top. Target: the PDF in at most 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diary.domain import FixedClock  # noqa: E402
from diary.export.formats import ExportFormat  # noqa: E402
from diary.export.pdf_format import render_pdf  # noqa: E402
from diary.factory import open_diary  # noqa: E402
from diary.services.exports import ExportService  # noqa: E402
from diary.storage.engine import sqlite_url  # noqa: E402
from tests.export.demo import demo_contents  # noqa: E402

TARGET_SECONDS = 1.0
CLOCK = FixedClock(dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC))


def median_seconds(task: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        task()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=7)
    repeats = parser.parse_args().repeats
    entries, infusions, as_of = demo_contents()
    with tempfile.TemporaryDirectory() as folder:
        diary = open_diary(sqlite_url(Path(folder) / "bench.db"), CLOCK)
        patient = diary.accounts.local_patient_id()
        diary.entries.import_contents(patient, entries, infusions)
        exports = ExportService(diary.entries)
        run(exports, patient, as_of, repeats)
        diary.close()


def run(exports: ExportService, patient: uuid.UUID, as_of: dt.date, repeats: int) -> None:
    def export(format_: ExportFormat) -> Callable[[], object]:
        return lambda: exports.export(patient, format_, end=as_of)

    started = time.perf_counter()
    first_pdf = exports.export(patient, ExportFormat.PDF, end=as_of)
    cold = time.perf_counter() - started
    summary = exports.summary(patient, end=as_of)
    baseline = median_seconds(export(ExportFormat.JSON), repeats)
    rows = [
        ("baseline: JSON export (read + dump)", baseline),
        ("Markdown summary", median_seconds(export(ExportFormat.MARKDOWN), repeats)),
        ("PDF summary, end to end", median_seconds(export(ExportFormat.PDF), repeats)),
        ("PDF layout only (summary built)", median_seconds(lambda: render_pdf(summary), repeats)),
        ("FHIR bundle", median_seconds(export(ExportFormat.FHIR), max(1, repeats // 2))),
    ]
    diary_size = f"{len(summary.entries)} days logged, {len(summary.courses)} courses"
    print(f"{diary_size}, median of {repeats} runs")
    print(f"{'first PDF in this process (fonts loaded)':42} {cold * 1000:8.1f} ms")
    for name, seconds in rows:
        print(f"{name:42} {seconds * 1000:8.1f} ms {seconds / baseline:7.1f}x")
    pdf = rows[2][1]
    verdict = "met" if pdf <= TARGET_SECONDS else "NOT met"
    print(f"PDF: {pdf:.3f} s for one year, target {TARGET_SECONDS:.0f} s: {verdict}")
    print(f"PDF size: {len(first_pdf.content) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
