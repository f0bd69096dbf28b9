"""Queries and constraints of the stored diary."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy.exc import IntegrityError

from diary.domain import DailyEntry, NotFound
from diary.factory import Diary
from diary.services.unit_of_work import UnitOfWork
from diary.storage.tables import EntryRow

DAY = dt.date(2026, 6, 1)


def test_one_entry_per_patient_and_date(diary: Diary, patient: uuid.UUID) -> None:
    now = diary.clock.now()
    with UnitOfWork(diary.engine) as uow:
        uow.entries.upsert(patient, DailyEntry(date=DAY, pain=3), now)

    def insert_second_row_for_the_same_day() -> None:
        with UnitOfWork(diary.engine) as uow:
            uow.session.add(
                EntryRow(patient_id=patient, date=DAY, pain=5, created_at=now, updated_at=now)
            )

    with pytest.raises(IntegrityError):
        insert_second_row_for_the_same_day()
    assert diary.entries.get_entry(patient, DAY).pain == 3


def test_entries_belong_to_their_patient(diary: Diary, patient: uuid.UUID) -> None:
    with UnitOfWork(diary.engine) as uow:
        other = uow.accounts.add_local_owner(diary.clock.now())
        other.is_local_owner = False
        other_id = other.id
    diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=3))
    diary.entries.save_entry(other_id, DailyEntry(date=DAY, pain=8))
    assert [e.pain for e in diary.entries.list_entries(patient)] == [3]
    assert [e.pain for e in diary.entries.list_entries(other_id)] == [8]


def test_entry_needs_an_existing_patient(diary: Diary) -> None:
    with pytest.raises(NotFound, match="no patient"):
        diary.entries.save_entry(uuid.uuid4(), DailyEntry(date=DAY, pain=3))


def test_range_is_inclusive_and_in_date_order(diary: Diary, patient: uuid.UUID) -> None:
    for offset in (3, 0, 2, 1):
        diary.entries.save_entry(patient, DailyEntry(date=DAY + dt.timedelta(offset), pain=offset))
    listed = diary.entries.list_entries(patient, DAY + dt.timedelta(1), DAY + dt.timedelta(2))
    assert [e.pain for e in listed] == [1, 2]


def test_deleted_day_leaves_an_empty_tombstone(diary: Diary, patient: uuid.UUID) -> None:
    diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=7, notes="private words"))
    diary.entries.delete_entry(patient, DAY)
    with UnitOfWork(diary.engine) as uow:
        tombstone = uow.entries.get_with_tombstone(patient, DAY)
        assert tombstone is not None
        assert (tombstone.deleted, tombstone.version, tombstone.notes, tombstone.pain) == (
            True,
            2,
            None,
            0,
        )
    again = diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=3))
    assert (again.created, again.version) == (True, 3)


def test_every_change_takes_the_next_sequence_number(diary: Diary, patient: uuid.UUID) -> None:
    diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=7))
    diary.entries.import_contents(
        patient, [DailyEntry(date=DAY + dt.timedelta(n), pain=n) for n in range(1, 4)], []
    )
    diary.entries.delete_entry(patient, DAY)
    with UnitOfWork(diary.engine) as uow:
        rows = [uow.entries.get_with_tombstone(patient, DAY + dt.timedelta(n)) for n in range(4)]
        owner = uow.accounts.get(patient)
    assert [row.server_seq for row in rows if row] == [5, 2, 3, 4]
    assert owner is not None
    assert owner.change_seq == 5
