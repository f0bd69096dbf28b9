"""Use cases of one patient's diary: log days, record infusions, list courses."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from diary.analysis import (
    AnalysisSettings,
    Flag,
    flags_for_saved_days,
    flags_for_saved_infusion,
)
from diary.domain import (
    Clock,
    Course,
    DailyEntry,
    FieldProblem,
    Infusion,
    InfusionDetails,
    InvalidInput,
    NotFound,
    StaleVersion,
    check_not_in_future,
    group_into_courses,
    parse_entry,
)
from diary.services.access import ReadAudit, record_read
from diary.services.unit_of_work import UnitOfWork
from diary.storage.repositories import entry_from_row, infusion_from_row
from diary.storage.tables import EntryRow, InfusionRow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedEntry:
    """An entry as stored, its row version, whether the save created it, and the flags it raised.

    `flags` is None only when the flags could not be worked out; the entry is stored regardless.
    """

    entry: DailyEntry
    version: int
    created: bool
    flags: tuple[Flag, ...] | None = ()


@dataclass(frozen=True)
class DiaryContents:
    """Everything in a diary (or a date range of it), in date order."""

    entries: list[DailyEntry]
    infusions: list[Infusion]


class DiaryService:
    """One patient's diary; each method is one transaction."""

    def __init__(
        self, engine: Engine, clock: Clock, settings: AnalysisSettings | None = None
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.settings = settings or AnalysisSettings()
        self.change_listeners: list[Callable[[uuid.UUID], None]] = []
        """Called with the patient's id after each committed change to their diary."""

    def today_for(self, patient_id: uuid.UUID) -> dt.date:
        """The patient's local date: in their time zone, or this machine's for a local diary."""
        with UnitOfWork(self.engine, read_only=True) as uow:
            account = uow.accounts.get(patient_id)
            zone = account.timezone if account is not None else None
        if zone is None:
            return self.clock.today()
        return self.clock.now().astimezone(ZoneInfo(zone)).date()

    def save_entry(
        self, patient_id: uuid.UUID, entry: DailyEntry, expected_version: int | None = None
    ) -> SavedEntry:
        """Create the day or replace every field of it.

        With `expected_version` (the version the caller loaded, 0 for a day it saw as empty),
        the save is refused with Conflict if the day changed elsewhere since.
        """
        check_not_in_future(entry.date, self.today_for(patient_id))
        with UnitOfWork(self.engine) as uow:
            if expected_version is not None:
                _check_unchanged(uow.entries.get(patient_id, entry.date), expected_version)
            row, created = uow.entries.upsert(patient_id, entry, self.clock.now())
            stored = entry_from_row(row)
        self.notify_changed(patient_id)
        flags = self.flags_raised(patient_id, (entry.date,))
        return SavedEntry(stored, row.version, created, flags)

    def update_entry_fields(
        self, patient_id: uuid.UUID, day: dt.date, changes: Mapping[str, Any]
    ) -> SavedEntry:
        """Change only the given fields of a day (creating it if new), all rules checked."""
        today = self.today_for(patient_id)
        with UnitOfWork(self.engine) as uow:
            row = uow.entries.get(patient_id, day)
            current = entry_from_row(row).model_dump() if row is not None else {}
            entry = parse_entry({**current, **changes, "date": day}, today)
            saved, created = uow.entries.upsert(patient_id, entry, self.clock.now())
            stored = entry_from_row(saved)
        self.notify_changed(patient_id)
        return SavedEntry(stored, saved.version, created, self.flags_raised(patient_id, (day,)))

    def notify_changed(self, patient_id: uuid.UUID) -> None:
        """Tell listeners (e.g. the clinician-list summaries) that the diary changed.

        Runs after the commit; a failing listener is logged and never undoes the change.
        """
        for listener in self.change_listeners:
            try:
                listener(patient_id)
            except Exception:
                logger.exception("a listener failed after a diary change")

    def flags_raised(
        self, patient_id: uuid.UUID, days: Collection[dt.date]
    ) -> tuple[Flag, ...] | None:
        """Flags the saved entries of `days` raise, as the diary stands now; None if they fail.

        Call it after the commit: a fault here is logged and never loses what was saved.
        """
        if not days:
            return ()
        return self._flags_after_save(
            patient_id,
            lambda entries, infusions: flags_for_saved_days(
                entries, infusions, days, self.settings
            ),
        )

    def flags_raised_by_infusion(
        self, patient_id: uuid.UUID, infusion: Infusion
    ) -> tuple[Flag, ...] | None:
        """Flags the saved `infusion` raises (`flags_for_saved_infusion`); None if they fail.

        Call it after the commit, as `flags_raised`.
        """
        return self._flags_after_save(
            patient_id,
            lambda entries, infusions: flags_for_saved_infusion(
                entries, infusions, infusion, self.settings
            ),
        )

    def _flags_after_save(
        self,
        patient_id: uuid.UUID,
        raised: Callable[[Sequence[DailyEntry], Sequence[Infusion]], list[Flag]],
    ) -> tuple[Flag, ...] | None:
        try:
            contents = self.contents(patient_id)
            found = raised(contents.entries, contents.infusions)
        except Exception:
            logger.exception("warning flags could not be evaluated after a save")
            return None
        return tuple(found)

    def get_entry(
        self, patient_id: uuid.UUID, day: dt.date, audit: ReadAudit | None = None
    ) -> DailyEntry:
        return self.get_entry_and_version(patient_id, day, audit)[0]

    def get_entry_and_version(
        self, patient_id: uuid.UUID, day: dt.date, audit: ReadAudit | None = None
    ) -> tuple[DailyEntry, int]:
        """The day and its stored version, read together (the version is the day's ETag)."""
        with UnitOfWork(self.engine, read_only=audit is None) as uow:
            record_read(uow, patient_id, audit, self.clock.now(), f"entry {day}")
            row = _stored_entry(uow, patient_id, day)
            return entry_from_row(row), row.version

    def versions(
        self, patient_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> dict[dt.date, int]:
        """The stored version of each day in the range, for saves that must not overwrite."""
        with UnitOfWork(self.engine, read_only=True) as uow:
            return {row.date: row.version for row in uow.entries.in_range(patient_id, start, end)}

    def delete_entry(self, patient_id: uuid.UUID, day: dt.date) -> None:
        with UnitOfWork(self.engine) as uow:
            row = _stored_entry(uow, patient_id, day)
            uow.entries.delete(row, self.clock.now())
        self.notify_changed(patient_id)

    def list_entries(
        self,
        patient_id: uuid.UUID,
        start: dt.date | None = None,
        end: dt.date | None = None,
        audit: ReadAudit | None = None,
    ) -> list[DailyEntry]:
        with UnitOfWork(self.engine, read_only=audit is None) as uow:
            record_read(uow, patient_id, audit, self.clock.now(), _span(start, end))
            return [entry_from_row(row) for row in uow.entries.in_range(patient_id, start, end)]

    def add_infusion(self, patient_id: uuid.UUID, details: InfusionDetails) -> Infusion:
        """Record an infusion day; a fresh UUID is given unless `details` is a stored Infusion."""
        infusion = details if isinstance(details, Infusion) else Infusion(**details.model_dump())
        check_not_in_future(infusion.date, self.today_for(patient_id))
        with UnitOfWork(self.engine) as uow:
            added = infusion_from_row(uow.infusions.add(patient_id, infusion, self.clock.now()))
        self.notify_changed(patient_id)
        return added

    def update_infusion(
        self, patient_id: uuid.UUID, infusion_id: uuid.UUID, details: InfusionDetails
    ) -> Infusion:
        check_not_in_future(details.date, self.today_for(patient_id))
        with UnitOfWork(self.engine) as uow:
            row = _stored_infusion(uow, patient_id, infusion_id)
            changed = infusion_from_row(uow.infusions.replace(row, details, self.clock.now()))
        self.notify_changed(patient_id)
        return changed

    def get_infusion(
        self, patient_id: uuid.UUID, infusion_id: uuid.UUID, audit: ReadAudit | None = None
    ) -> Infusion:
        with UnitOfWork(self.engine, read_only=audit is None) as uow:
            record_read(uow, patient_id, audit, self.clock.now(), f"infusion {infusion_id}")
            row = _stored_infusion(uow, patient_id, infusion_id)
            return infusion_from_row(row)

    def delete_infusion(self, patient_id: uuid.UUID, infusion_id: uuid.UUID) -> None:
        with UnitOfWork(self.engine) as uow:
            row = _stored_infusion(uow, patient_id, infusion_id)
            uow.infusions.delete(row, self.clock.now())
        self.notify_changed(patient_id)

    def list_infusions(
        self,
        patient_id: uuid.UUID,
        start: dt.date | None = None,
        end: dt.date | None = None,
        audit: ReadAudit | None = None,
    ) -> list[Infusion]:
        with UnitOfWork(self.engine, read_only=audit is None) as uow:
            record_read(uow, patient_id, audit, self.clock.now(), _span(start, end))
            rows = uow.infusions.in_range(patient_id, start, end)
            return [infusion_from_row(row) for row in rows]

    def list_courses(self, patient_id: uuid.UUID) -> list[Course]:
        return group_into_courses(self.list_infusions(patient_id))

    def contents(
        self,
        patient_id: uuid.UUID,
        start: dt.date | None = None,
        end: dt.date | None = None,
        audit: ReadAudit | None = None,
    ) -> DiaryContents:
        """Entries and infusions read in one transaction, so they agree with each other."""
        with UnitOfWork(self.engine, read_only=audit is None) as uow:
            record_read(uow, patient_id, audit, self.clock.now(), _span(start, end))
            entries = [entry_from_row(r) for r in uow.entries.in_range(patient_id, start, end)]
            rows = uow.infusions.in_range(patient_id, start, end)
            return DiaryContents(entries, [infusion_from_row(r) for r in rows])

    def import_contents(
        self, patient_id: uuid.UUID, entries: Sequence[DailyEntry], infusions: Sequence[Infusion]
    ) -> None:
        """Store everything in one transaction: all of it lands, or none of it does.

        Entries replace the same date; infusions replace the same id.
        """
        today, now = self.today_for(patient_id), self.clock.now()
        for day in [entry.date for entry in entries] + [i.date for i in infusions]:
            check_not_in_future(day, today)
        with UnitOfWork(self.engine) as uow:
            uow.entries.upsert_many(patient_id, entries, now)
            for infusion in infusions:
                existing = uow.infusions.get_with_tombstone(patient_id, infusion.id)
                if existing is None and uow.infusions.exists_anywhere(infusion.id):
                    raise InvalidInput([FieldProblem("id", "is already used", str(infusion.id))])
                if existing is None:
                    uow.infusions.add(patient_id, infusion, now)
                else:
                    uow.infusions.replace(existing, infusion, now)
        self.notify_changed(patient_id)


def _stored_entry(uow: UnitOfWork, patient_id: uuid.UUID, day: dt.date) -> EntryRow:
    row = uow.entries.get(patient_id, day)
    if row is None:
        raise NotFound(f"no entry for {day.isoformat()}")
    return row


def _stored_infusion(uow: UnitOfWork, patient_id: uuid.UUID, infusion_id: uuid.UUID) -> InfusionRow:
    row = uow.infusions.get(patient_id, infusion_id)
    if row is None:
        raise NotFound(f"no infusion {infusion_id}")
    return row


def _span(start: dt.date | None, end: dt.date | None) -> str:
    return f"{start or 'first day'} to {end or 'last day'}"


def _check_unchanged(row: EntryRow | None, expected_version: int) -> None:
    current = row.version if row is not None else 0
    if current != expected_version:
        raise StaleVersion(
            "this day was changed elsewhere since it was opened (on another device or in "
            "another window); open it again to see the change"
        )
