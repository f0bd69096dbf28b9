"""ExportService on real databases: one read, one patient, the numbers of `diary insights`."""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid

import pytest
from pypdf import PdfReader

from diary.domain import DailyEntry, InvalidInput, NotFound, Role
from diary.export.formats import MEDIA_TYPES, ExportFormat
from diary.factory import Diary
from diary.services.access import Access
from diary.services.exports import ExportReader, ExportService, NoMaintenanceDate
from tests.export.demo import demo_contents

AS_OF = dt.date(2026, 1, 5)
BEN_NOTE = "Ben's own private note"
PASSWORD = "correct horse battery"


@pytest.fixture
def ana(diary: Diary) -> uuid.UUID:
    """A patient with the demo year in her diary."""
    account = diary.auth.register("ana@example.org", PASSWORD, "Ana", Role.PATIENT)
    entries, infusions, _ = demo_contents()
    diary.entries.import_contents(account.id, entries, infusions)
    return account.id


@pytest.fixture
def ben(diary: Diary) -> uuid.UUID:
    """Another patient, logging on some of the same days."""
    account = diary.auth.register("ben@example.org", PASSWORD, "Ben", Role.PATIENT)
    for day in (dt.date(2025, 12, 1), dt.date(2025, 12, 2)):
        diary.entries.save_entry(account.id, DailyEntry(date=day, pain=9, notes=BEN_NOTE))
    return account.id


@pytest.fixture
def exports(diary: Diary) -> ExportService:
    return ExportService(diary.entries)


def test_summary_numbers_are_the_insights_of_the_same_day(
    diary: Diary, exports: ExportService, ana: uuid.UUID
) -> None:
    summary = exports.summary(ana, end=AS_OF)
    assert summary.insights == diary.insights.insights(ana, AS_OF)
    assert summary.patient_name == "Ana"
    assert summary.period.end == AS_OF


@pytest.mark.parametrize("format_", list(ExportFormat))
def test_an_export_holds_one_patient_only(
    exports: ExportService, ana: uuid.UUID, ben: uuid.UUID, format_: ExportFormat
) -> None:
    exported = exports.export(ana, format_, dt.date(2025, 11, 1), AS_OF)
    content = exported.content
    if format_ is ExportFormat.PDF:
        reader = PdfReader(io.BytesIO(content))
        content = "\n".join(page.extract_text() for page in reader.pages).encode()
    assert BEN_NOTE.encode() not in content
    assert str(ben).encode() not in content
    assert b"Ben" not in content
    assert exported.media_type == MEDIA_TYPES[format_]
    assert "Ana" not in exported.filename


def test_fhir_subjects_are_all_the_patient(exports: ExportService, ana: uuid.UUID) -> None:
    bundle = json.loads(exports.export(ana, ExportFormat.FHIR, end=AS_OF).content)
    subjects = {
        entry["resource"]["subject"]["reference"]
        for entry in bundle["entry"]
        if "subject" in entry["resource"]
    }
    assert subjects == {f"urn:uuid:{ana}"}


def test_file_names_carry_the_dates(exports: ExportService, ana: uuid.UUID) -> None:
    start = dt.date(2025, 6, 1)
    assert exports.export(ana, ExportFormat.PDF, start, AS_OF).filename == (
        "diary-summary-2025-06-01-to-2026-01-05.pdf"
    )
    assert exports.export(ana, ExportFormat.CSV).filename == "diary-entries-to-2026-06-15.csv"
    assert exports.export(ana, ExportFormat.CALENDAR, end=AS_OF).filename == (
        "maintenance-reminder-2025-12-31.ics"
    )


def test_csv_holds_the_entries_of_the_range(exports: ExportService, ana: uuid.UUID) -> None:
    text = exports.export(ana, ExportFormat.CSV, dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    rows = text.content.decode().splitlines()
    assert rows[0].startswith("date,pain,")
    assert {row[:7] for row in rows[1:]} == {"2025-12"}


def test_acknowledged_flags_show_as_seen(
    diary: Diary, exports: ExportService, ana: uuid.UUID
) -> None:
    blood = next(f for f in diary.insights.insights(ana, AS_OF).flags if f.tier == "same_day")
    diary.insights.acknowledge(ana, blood.date, blood.rule)
    summary = exports.summary(ana, end=AS_OF)
    assert not next(line for line in summary.flags if line.flag == blood).is_open
    assert summary.open_flags_by_tier["same_day"] == 0
    fhir = json.loads(exports.export(ana, ExportFormat.FHIR, end=AS_OF).content)
    flags = [e["resource"] for e in fhir["entry"] if e["resource"]["resourceType"] == "Flag"]
    assert blood.rule not in [flag["code"]["coding"][0]["code"] for flag in flags]


def test_clinician_export_stays_in_the_share_window_and_is_logged(
    diary: Diary, exports: ExportService, ana: uuid.UUID
) -> None:
    doctor = diary.auth.register("dr@clinic.example", PASSWORD, "Dr Lee", Role.CLINICIAN)
    window = (dt.date(2025, 9, 1), dt.date(2025, 12, 31))
    invite = diary.sharing.invite(ana, visible_from=window[0], visible_to=window[1])
    diary.sharing.accept(doctor, invite.code)
    grant = diary.access.require(doctor, ana, Access.READ)
    first, last = grant.window(None, None)
    reader = ExportReader(grant.visible_from, grant.audit("export_md"))
    markdown = exports.export(ana, ExportFormat.MARKDOWN, first, last, reader=reader)
    text = markdown.content.decode()
    assert "**Period:** 2025-09-01 to 2025-12-31" in text
    assert "2025-08-31" not in text.split("## Day by day")[1]
    assert "**Analysis as of:** 2025-12-31" in text
    assert diary.sharing.access_log(ana)[-1].action == "export_md"


def test_from_after_to_is_refused(exports: ExportService, ana: uuid.UUID) -> None:
    with pytest.raises(InvalidInput, match="from: must be on or before"):
        exports.export(ana, ExportFormat.PDF, dt.date(2025, 6, 2), dt.date(2025, 6, 1))


def test_unknown_patient(exports: ExportService) -> None:
    with pytest.raises(NotFound):
        exports.export(uuid.uuid4(), ExportFormat.MARKDOWN)


def test_no_calendar_without_a_day(exports: ExportService, ben: uuid.UUID) -> None:
    with pytest.raises(NoMaintenanceDate):
        exports.export(ben, ExportFormat.CALENDAR)
