"""Repositories: every query the diary runs lives here; they never commit."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import insert
from sqlmodel import Session, col, select

from diary.domain import DailyEntry, Infusion, InfusionDetails, Role
from diary.storage.tables import AccountRow, EntryRow, InfusionRow

LOCAL_OWNER_NAME = "Me"


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, account_id: uuid.UUID) -> AccountRow | None:
        return self.session.get(AccountRow, account_id)

    def local_owner(self) -> AccountRow | None:
        query = select(AccountRow).where(col(AccountRow.is_local_owner).is_(True))
        return self.session.exec(query).first()

    def add_local_owner(self, now: dt.datetime) -> AccountRow:
        owner = AccountRow(
            name=LOCAL_OWNER_NAME,
            role=Role.PATIENT.value,
            is_local_owner=True,
            created_at=now,
            updated_at=now,
        )
        self.session.add(owner)
        self.session.flush()
        return owner


class EntryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, patient_id: uuid.UUID, day: dt.date) -> EntryRow | None:
        query = select(EntryRow).where(EntryRow.patient_id == patient_id, EntryRow.date == day)
        return self.session.exec(query).first()

    def in_range(
        self, patient_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[EntryRow]:
        """Entries in date order, both ends inclusive."""
        query = select(EntryRow).where(EntryRow.patient_id == patient_id)
        if start is not None:
            query = query.where(EntryRow.date >= start)
        if end is not None:
            query = query.where(EntryRow.date <= end)
        return self.session.exec(query.order_by(col(EntryRow.date))).all()

    def upsert(
        self, patient_id: uuid.UUID, entry: DailyEntry, now: dt.datetime
    ) -> tuple[EntryRow, bool]:
        """Store the entry for its date, replacing every field; True when the row is new."""
        row = self.get(patient_id, entry.date)
        created = row is None
        if row is None:
            row = EntryRow(
                patient_id=patient_id,
                date=entry.date,
                pain=entry.pain,
                created_at=now,
                updated_at=now,
            )
        else:
            row.version += 1
        row.sqlmodel_update(entry_columns(entry))
        row.updated_at = now
        self.session.add(row)
        self.session.flush()
        return row, created

    def upsert_many(
        self, patient_id: uuid.UUID, entries: Sequence[DailyEntry], now: dt.datetime
    ) -> None:
        """Store many entries at once (one query for existing days, one bulk insert for new)."""
        if not entries:
            return
        dates = [entry.date for entry in entries]
        existing = {row.date: row for row in self.in_range(patient_id, min(dates), max(dates))}
        new_rows = []
        for entry in entries:
            row = existing.get(entry.date)
            if row is None:
                new_rows.append(self._new_row_values(patient_id, entry, now))
                continue
            row.sqlmodel_update(entry_columns(entry))
            row.version += 1
            row.updated_at = now
        if new_rows:
            # render_nulls keeps one statement for all rows instead of one per set of filled fields
            self.session.execute(insert(EntryRow).execution_options(render_nulls=True), new_rows)
        self.session.flush()

    @staticmethod
    def _new_row_values(
        patient_id: uuid.UUID, entry: DailyEntry, now: dt.datetime
    ) -> dict[str, object]:
        return entry_columns(entry) | {
            "patient_id": patient_id,
            "date": entry.date,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }

    def delete(self, row: EntryRow) -> None:
        self.session.delete(row)
        self.session.flush()


class InfusionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, patient_id: uuid.UUID, infusion_id: uuid.UUID) -> InfusionRow | None:
        row = self.session.get(InfusionRow, infusion_id)
        return row if row is not None and row.patient_id == patient_id else None

    def exists_anywhere(self, infusion_id: uuid.UUID) -> bool:
        return self.session.get(InfusionRow, infusion_id) is not None

    def in_range(
        self, patient_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[InfusionRow]:
        """Infusions in date order (ties by id), both ends inclusive."""
        query = select(InfusionRow).where(InfusionRow.patient_id == patient_id)
        if start is not None:
            query = query.where(InfusionRow.date >= start)
        if end is not None:
            query = query.where(InfusionRow.date <= end)
        return self.session.exec(query.order_by(col(InfusionRow.date), col(InfusionRow.id))).all()

    def add(self, patient_id: uuid.UUID, infusion: Infusion, now: dt.datetime) -> InfusionRow:
        row = InfusionRow(
            id=infusion.id,
            patient_id=patient_id,
            date=infusion.date,
            route=infusion.route.value,
            created_at=now,
            updated_at=now,
        )
        row.sqlmodel_update(infusion_columns(infusion))
        self.session.add(row)
        self.session.flush()
        return row

    def replace(self, row: InfusionRow, details: InfusionDetails, now: dt.datetime) -> InfusionRow:
        row.sqlmodel_update(infusion_columns(details))
        row.version += 1
        row.updated_at = now
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: InfusionRow) -> None:
        self.session.delete(row)
        self.session.flush()


def entry_columns(entry: DailyEntry) -> dict[str, object]:
    columns = entry.model_dump(mode="json", exclude={"date"})
    columns["warning_signs"] = list(columns["warning_signs"])
    return columns


def entry_from_row(row: EntryRow) -> DailyEntry:
    columns = row.model_dump(exclude={"id", "patient_id", "version", "created_at", "updated_at"})
    return DailyEntry.model_validate(columns)


def infusion_columns(details: InfusionDetails) -> dict[str, object]:
    return details.model_dump(mode="json", exclude={"id"}) | {"date": details.date}


def infusion_from_row(row: InfusionRow) -> Infusion:
    columns = row.model_dump(exclude={"patient_id", "version", "created_at", "updated_at"})
    return Infusion.model_validate(columns)
