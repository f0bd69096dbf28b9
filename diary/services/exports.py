"""Appointment summaries and data exports of one patient's diary, in any of six formats.

The diary is read in one transaction (so entries, infusions and acknowledged flags agree),
analysed exactly as `diary insights` does for the same day, and handed to the writers of
`diary/export`, which import no storage code.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from dataclasses import dataclass

from diary.analysis import Insights, compute_insights
from diary.domain import DailyEntry, FieldProblem, Infusion, InvalidInput, NotFound
from diary.export import csv_format, json_format
from diary.export.fhir_format import fhir_bundle
from diary.export.formats import MEDIA_TYPES, ExportFormat, PageSize
from diary.export.ics_format import maintenance_calendar
from diary.export.markdown_format import render_markdown
from diary.export.pdf_format import render_pdf
from diary.export.summary import AppointmentSummary, Period, build_summary
from diary.services.access import ReadAudit, record_read
from diary.services.diary import DiaryService
from diary.services.unit_of_work import UnitOfWork
from diary.storage.repositories import entry_from_row, infusion_from_row


class NoMaintenanceDate(NotFound):
    """The calendar export needs a day to start discussing maintenance, and there is none yet."""


@dataclass(frozen=True)
class ExportedFile:
    content: bytes
    media_type: str
    filename: str
    """A suggested file name: dates only, never the patient's name."""


@dataclass(frozen=True)
class ExportReader:
    """Someone other than the patient exporting the diary: a clinician with a share."""

    since: dt.date | None
    """First day the share shows; nothing before it is read."""
    audit: ReadAudit | None
    """The read to log in the patient's access log."""


@dataclass(frozen=True)
class DiarySnapshot:
    """One patient's diary up to `as_of`, as read in one transaction."""

    patient_id: uuid.UUID
    patient_name: str
    entries: list[DailyEntry]
    infusions: list[Infusion]
    acknowledged: set[tuple[dt.date, str]]
    as_of: dt.date
    today: dt.date
    """The patient's today, which `as_of` is when no earlier last day was asked for."""


class ExportService:
    """Each method reads the diary once; an export holds this patient's data only."""

    def __init__(self, diary: DiaryService) -> None:
        self.diary = diary

    def export(
        self,
        patient_id: uuid.UUID,
        format_: ExportFormat,
        start: dt.date | None = None,
        end: dt.date | None = None,
        page_size: PageSize = PageSize.A4,
        patient_name: str | None = None,
        reader: ExportReader | None = None,
    ) -> ExportedFile:
        """The diary from `start` to `end` (both optional, inclusive) in `format_`.

        For a clinician, `reader` narrows what is read to the share's window (nothing before
        `since` is read, so the analysis matches what the clinician's insights show) and logs
        the export in the patient's access log, in the same transaction as the read.
        """
        snapshot = self.read(patient_id, start, end, reader, f"export {format_.value}")
        if format_ in (ExportFormat.CSV, ExportFormat.JSON):
            return self._data_file(snapshot, format_, start, end)
        summary = self._summary(snapshot, start, patient_name)
        if format_ is ExportFormat.CALENDAR:
            return self._calendar(summary.insights, patient_id)
        return self._summary_file(summary, format_, page_size, patient_id)

    def summary(
        self,
        patient_id: uuid.UUID,
        start: dt.date | None = None,
        end: dt.date | None = None,
        patient_name: str | None = None,
    ) -> AppointmentSummary:
        """The appointment summary itself, e.g. for a screen that shows it."""
        return self._summary(self.read(patient_id, start, end), start, patient_name)

    def read(
        self,
        patient_id: uuid.UUID,
        start: dt.date | None,
        end: dt.date | None,
        reader: ExportReader | None = None,
        action: str = "export",
    ) -> DiarySnapshot:
        """Everything up to `end` (or today): the analysis needs the days before `start` too
        (from `reader.since` on, for a clinician)."""
        if start is not None and end is not None and start > end:
            rule = f"must be on or before the last day asked for ({end.isoformat()})"
            raise InvalidInput([FieldProblem("from", rule, start.isoformat())])
        today = self.diary.today_for(patient_id)
        as_of = min(end, today) if end is not None else today
        since, audit = (reader.since, reader.audit) if reader else (None, None)
        with UnitOfWork(self.diary.engine, read_only=audit is None) as uow:
            account = uow.accounts.get(patient_id)
            if account is None:
                raise NotFound("no such patient")
            detail = f"{action}: {start or 'first day'} to {as_of}"
            record_read(uow, patient_id, audit, self.diary.clock.now(), detail)
            rows = uow.entries.in_range(patient_id, since, as_of)
            entries = [entry_from_row(row) for row in rows]
            infusions = [
                infusion_from_row(r) for r in uow.infusions.in_range(patient_id, since, as_of)
            ]
            seen = uow.acknowledgements.acknowledged(patient_id)
            return DiarySnapshot(patient_id, account.name, entries, infusions, seen, as_of, today)

    def _summary(
        self, snapshot: DiarySnapshot, start: dt.date | None, name: str | None
    ) -> AppointmentSummary:
        settings = self.diary.settings
        insights = compute_insights(snapshot.entries, snapshot.infusions, snapshot.as_of, settings)
        open_keys = {
            flag.key
            for flag in insights.flags
            if (flag.date, flag.rule) not in snapshot.acknowledged
        }
        return build_summary(
            snapshot.entries,
            snapshot.infusions,
            insights,
            name or snapshot.patient_name,
            _period(snapshot, start),
            open_keys,
            settings,
            today=snapshot.today,
        )

    def _summary_file(
        self,
        summary: AppointmentSummary,
        format_: ExportFormat,
        page_size: PageSize,
        patient_id: uuid.UUID,
    ) -> ExportedFile:
        period = f"{summary.period.start.isoformat()}-to-{summary.period.end.isoformat()}"
        now = self.diary.clock.now()
        if format_ is ExportFormat.PDF:
            content = render_pdf(summary, page_size, now.date())
            name = f"diary-summary-{period}.pdf"
        elif format_ is ExportFormat.MARKDOWN:
            content, name = render_markdown(summary).encode(), f"diary-summary-{period}.md"
        else:
            content, name = (
                fhir_bundle(summary, patient_id, now).encode(),
                f"diary-fhir-{period}.json",
            )
        return ExportedFile(content, MEDIA_TYPES[format_], name)

    def _data_file(
        self,
        snapshot: DiarySnapshot,
        format_: ExportFormat,
        start: dt.date | None,
        end: dt.date | None,
    ) -> ExportedFile:
        """The diary's own formats: the entries CSV (infusions need a second file) or JSON."""
        first, last = start or dt.date.min, end or dt.date.max
        entries = [entry for entry in snapshot.entries if first <= entry.date <= last]
        infusions = [i for i in snapshot.infusions if first <= i.date <= last]
        dates = _range_name(start, end, snapshot.as_of)
        if format_ is ExportFormat.JSON:
            text = json_format.dump_diary(entries, infusions, self.diary.clock.now())
            return ExportedFile(text.encode(), MEDIA_TYPES[format_], f"diary-{dates}.json")
        rows = io.StringIO(newline="")
        csv_format.write_entries(entries, rows)
        content = rows.getvalue().encode()
        return ExportedFile(content, MEDIA_TYPES[format_], f"diary-entries-{dates}.csv")

    def _calendar(self, insights: Insights, patient_id: uuid.UUID) -> ExportedFile:
        now = self.diary.clock.now()
        content = maintenance_calendar(insights.maintenance, patient_id, now)
        if content is None:
            raise NoMaintenanceDate(
                "no day to raise maintenance yet: the diary suggests one while relief from the "
                "latest course lasts, once at least two earlier courses have brought relief"
            )
        day = insights.maintenance.discuss_from
        filename = f"maintenance-reminder-{day.isoformat() if day else 'none'}.ics"
        return ExportedFile(content, MEDIA_TYPES[ExportFormat.CALENDAR], filename)


def _period(snapshot: DiarySnapshot, start: dt.date | None) -> Period:
    """From `start` (or the diary's first day, if later) to the analysis day."""
    dates = [entry.date for entry in snapshot.entries] + [i.date for i in snapshot.infusions]
    first = min(dates, default=snapshot.as_of)
    return Period(max(start or first, first), snapshot.as_of)


def _range_name(start: dt.date | None, end: dt.date | None, as_of: dt.date) -> str:
    """`2025-01-01-to-2025-06-30`, or `to-2025-06-30` without a first day."""
    last = (end or as_of).isoformat()
    return f"{start.isoformat()}-to-{last}" if start is not None else f"to-{last}"
