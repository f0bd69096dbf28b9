"""Repositories: every query the diary runs lives here; they never commit."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from diary.domain import DailyEntry, Infusion, InfusionDetails, NotFound, Role
from diary.storage.tables import AccountRow, EntryRow, FlagAcknowledgementRow, InfusionRow

LOCAL_OWNER_NAME = "Me"
ENTRY_BOOKKEEPING = {"patient_id", "version", "created_at", "updated_at", "server_seq", "deleted"}
"""Columns of a diary row that are not part of what the patient recorded."""
OPTIONAL_ENTRY_COLUMNS = tuple(
    name for name in DailyEntry.model_fields if name not in {"date", "pain", "warning_signs"}
)


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, account_id: uuid.UUID) -> AccountRow | None:
        return self.session.get(AccountRow, account_id)

    def many(self, account_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, AccountRow]:
        if not account_ids:
            return {}
        query = select(AccountRow).where(col(AccountRow.id).in_(account_ids))
        return {row.id: row for row in self.session.exec(query)}

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
        """The day's entry, unless it was deleted."""
        row = self.get_with_tombstone(patient_id, day)
        return None if row is None or row.deleted else row

    def get_with_tombstone(self, patient_id: uuid.UUID, day: dt.date) -> EntryRow | None:
        query = select(EntryRow).where(EntryRow.patient_id == patient_id, EntryRow.date == day)
        return self.session.exec(query).first()

    def in_range(
        self, patient_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[EntryRow]:
        """Entries in date order, both ends inclusive; deleted days are left out."""
        query = select(EntryRow).where(
            EntryRow.patient_id == patient_id, col(EntryRow.deleted).is_(False)
        )
        if start is not None:
            query = query.where(EntryRow.date >= start)
        if end is not None:
            query = query.where(EntryRow.date <= end)
        return self.session.exec(query.order_by(col(EntryRow.date))).all()

    def upsert(
        self, patient_id: uuid.UUID, entry: DailyEntry, now: dt.datetime
    ) -> tuple[EntryRow, bool]:
        """Store the entry for its date, replacing every field; True when the day is new.

        A deleted day comes back to life with a higher version.
        """
        row = self.get_with_tombstone(patient_id, entry.date)
        created = row is None or row.deleted
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
        row.deleted = False
        row.updated_at = now
        row.server_seq = reserve_change_seq(self.session, patient_id, 1)
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
        query = select(EntryRow).where(
            EntryRow.patient_id == patient_id,
            EntryRow.date >= min(dates),
            EntryRow.date <= max(dates),
        )
        existing = {row.date: row for row in self.session.exec(query)}
        next_seq = reserve_change_seq(self.session, patient_id, len(entries))
        new_rows = []
        for seq, entry in enumerate(entries, start=next_seq):
            row = existing.get(entry.date)
            if row is None:
                new_rows.append(self._new_row_values(patient_id, entry, now) | {"server_seq": seq})
                continue
            row.sqlmodel_update(entry_columns(entry))
            row.version += 1
            row.deleted = False
            row.server_seq = seq
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

    def delete(self, row: EntryRow, now: dt.datetime) -> None:
        """Leave a tombstone holding only the date, so other devices learn of the deletion."""
        row.sqlmodel_update(dict.fromkeys(OPTIONAL_ENTRY_COLUMNS))
        row.pain = 0
        row.warning_signs = []
        mark_deleted(self.session, row, now)


class InfusionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, patient_id: uuid.UUID, infusion_id: uuid.UUID) -> InfusionRow | None:
        """The patient's infusion, unless it was deleted."""
        row = self.get_with_tombstone(patient_id, infusion_id)
        return None if row is None or row.deleted else row

    def get_with_tombstone(
        self, patient_id: uuid.UUID, infusion_id: uuid.UUID
    ) -> InfusionRow | None:
        row = self.session.get(InfusionRow, infusion_id)
        return row if row is not None and row.patient_id == patient_id else None

    def exists_anywhere(self, infusion_id: uuid.UUID) -> bool:
        return self.session.get(InfusionRow, infusion_id) is not None

    def in_range(
        self, patient_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> Sequence[InfusionRow]:
        """Infusions in date order (ties by id), both ends inclusive; deleted ones left out."""
        query = select(InfusionRow).where(
            InfusionRow.patient_id == patient_id, col(InfusionRow.deleted).is_(False)
        )
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
            server_seq=reserve_change_seq(self.session, patient_id, 1),
        )
        row.sqlmodel_update(infusion_columns(infusion))
        self.session.add(row)
        self.session.flush()
        return row

    def replace(self, row: InfusionRow, details: InfusionDetails, now: dt.datetime) -> InfusionRow:
        """Replace every field (reviving a deleted infusion), with a higher version."""
        row.sqlmodel_update(infusion_columns(details))
        row.version += 1
        row.deleted = False
        row.updated_at = now
        row.server_seq = reserve_change_seq(self.session, row.patient_id, 1)
        self.session.add(row)
        self.session.flush()
        return row

    def delete(self, row: InfusionRow, now: dt.datetime) -> None:
        """Leave a tombstone with the id, so other devices learn of the deletion."""
        row.sqlmodel_update({"dose_mg": None, "duration_min": None, "notes": None})
        mark_deleted(self.session, row, now)


class FlagAcknowledgementRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def acknowledged(self, patient_id: uuid.UUID) -> set[tuple[dt.date, str]]:
        """(flag date, rule) of every flag the patient has acknowledged."""
        query = select(FlagAcknowledgementRow).where(
            FlagAcknowledgementRow.patient_id == patient_id
        )
        return {(row.flag_date, row.rule) for row in self.session.exec(query)}

    def add(self, patient_id: uuid.UUID, flag_date: dt.date, rule: str, now: dt.datetime) -> None:
        """Record the acknowledgement once; acknowledging again changes nothing."""
        if (flag_date, rule) in self.acknowledged(patient_id):
            return
        row = FlagAcknowledgementRow(
            patient_id=patient_id, flag_date=flag_date, rule=rule, acknowledged_at=now
        )
        self.session.add(row)
        self.session.flush()


def reserve_change_seq(session: Session, patient_id: uuid.UUID, count: int) -> int:
    """The first of `count` fresh numbers in the patient's change sequence.

    The UPDATE locks the patient's account row until commit, so one patient's changes get
    their numbers in commit order and a sync cursor never skips a change.
    """
    statement = (
        update(AccountRow)
        .where(col(AccountRow.id) == patient_id)
        .values(change_seq=col(AccountRow.change_seq) + count)
        .returning(col(AccountRow.change_seq))
    )
    last = session.execute(statement).scalar_one_or_none()
    if last is None:
        raise NotFound(f"no patient {patient_id}")
    return int(last) - count + 1


def mark_deleted(session: Session, row: EntryRow | InfusionRow, now: dt.datetime) -> None:
    row.deleted = True
    row.version += 1
    row.updated_at = now
    row.server_seq = reserve_change_seq(session, row.patient_id, 1)
    session.add(row)
    session.flush()


def entry_columns(entry: DailyEntry) -> dict[str, object]:
    columns = entry.model_dump(mode="json", exclude={"date"})
    columns["warning_signs"] = list(columns["warning_signs"])
    return columns


def entry_from_row(row: EntryRow) -> DailyEntry:
    return DailyEntry.model_validate(row.model_dump(exclude=ENTRY_BOOKKEEPING | {"id"}))


def infusion_columns(details: InfusionDetails) -> dict[str, object]:
    return details.model_dump(mode="json", exclude={"id"}) | {"date": details.date}


def infusion_from_row(row: InfusionRow) -> Infusion:
    return Infusion.model_validate(row.model_dump(exclude=ENTRY_BOOKKEEPING))
