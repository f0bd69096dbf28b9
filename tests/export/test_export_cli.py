"""`diary export --format pdf|md|fhir|ics`, run in-process on a real diary file."""

from __future__ import annotations

import datetime as dt
import io
import json
import stat
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader
from typer.testing import CliRunner, Result

from diary.cli import app
from diary.cli.state import CliState
from diary.domain import FixedClock
from diary.export.json_format import dump_diary
from tests.export.conftest import Demo

Run = Callable[..., Result]
AS_OF = "2026-01-05"


@pytest.fixture
def run(tmp_path: Path, clock: FixedClock) -> Run:
    def invoke(*args: str) -> Result:
        state = CliState(clock=clock, environ={"DIARY_DB": str(tmp_path / "d.db")})
        return CliRunner().invoke(app, list(args), obj=state)

    return invoke


@pytest.fixture
def demo_diary(run: Run, tmp_path: Path, demo: Demo, clock: FixedClock) -> Run:
    entries, infusions, _ = demo
    document = tmp_path / "demo.json"
    document.write_text(dump_diary(entries, infusions, clock.now()), encoding="utf-8")
    assert run("import", "--json", str(document)).exit_code == 0
    return run


def test_pdf_numbers_match_insights_json(demo_diary: Run, tmp_path: Path) -> None:
    out = tmp_path / "out" / "summary.pdf"
    done = demo_diary("export", "--format", "pdf", "--to", AS_OF, "--out", str(out))
    assert done.exit_code == 0, done.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    insights = json.loads(demo_diary("insights", "--json", "--as-of", AS_OF).output)
    text = PdfReader(out).pages[0].extract_text()
    assert f"{insights['relief_days_median']:.1f} days (median)" in text
    assert f"Analysis as of: {AS_OF}" in text
    for course in insights["courses"]:
        assert f"{course['baseline_pain']:.1f}" in text
        assert f"{course['best_pain']:.1f} ({course['best_relief_pct']}%)" in text
        assert f"{course['relief_days']} days" in text


def test_letter_paper_and_a_chosen_name(demo_diary: Run, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    args = ("--page-size", "letter", "--name", "Ana López", "--to", AS_OF)
    assert demo_diary("export", "--format", "pdf", *args, "--out", str(out)).exit_code == 0
    page = PdfReader(out).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    assert "Patient: Ana López" in page.extract_text()


def test_markdown_for_a_date_range(demo_diary: Run, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    args = ("--from", "2025-11-01", "--to", "2025-11-30", "--out", str(out))
    assert demo_diary("export", "--format", "md", *args).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "**Period:** 2025-11-01 to 2025-11-30 (30 days)" in text
    day_rows = text.split("## Day by day")[1]
    assert "2025-11-01" in day_rows
    assert "2025-10-31" not in day_rows
    assert "2025-12-01" not in day_rows


def test_fhir_bundle_validates(demo_diary: Run, tmp_path: Path) -> None:
    out = tmp_path / "diary.fhir.json"
    args = ("--from", "2025-12-01", "--to", AS_OF, "--out", str(out))
    assert demo_diary("export", "--format", "fhir", *args).exit_code == 0
    bundle = Bundle.model_validate_json(out.read_bytes())
    dates = {
        str(entry.resource.effectiveDateTime)
        for entry in bundle.entry or []
        if entry.resource.get_resource_type() == "Observation"
    }
    assert min(dates) >= "2025-12-01"
    assert max(dates) <= AS_OF


def test_calendar_reminder(demo_diary: Run, tmp_path: Path) -> None:
    out = tmp_path / "reminder.ics"
    assert demo_diary("export", "--format", "ics", "--to", AS_OF, "--out", str(out)).exit_code == 0
    insights = json.loads(demo_diary("insights", "--json", "--as-of", AS_OF).output)
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == insights["maintenance"]["discuss_from"]


def test_no_calendar_without_a_day_to_discuss(run: Run, tmp_path: Path) -> None:
    run("log", "--pain", "5")
    out = tmp_path / "reminder.ics"
    refused = run("export", "--format", "ics", "--out", str(out))
    assert refused.exit_code == 1
    assert "no day to raise maintenance yet" in refused.output
    assert not out.exists()
    assert list(tmp_path.glob(".reminder.ics.*")) == []


def test_from_after_to_is_refused(run: Run, tmp_path: Path) -> None:
    run("log", "--pain", "5")
    out = tmp_path / "s.pdf"
    refused = run(
        "export", "--format", "pdf", "--from", "2026-06-10", "--to", "2026-06-01", "--out", str(out)
    )
    assert refused.exit_code == 1
    assert "from: must be on or before" in refused.output
    assert not out.exists()


def test_empty_diary_still_exports_a_summary(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert run("export", "--format", "pdf", "--out", str(out)).exit_code == 0
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "No infusion course in this period." in text
    assert dt.date(2026, 6, 15).isoformat() in text
