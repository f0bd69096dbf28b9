"""Import and export: all-or-nothing imports, exports that import back exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

import pytest

from diary.domain import InvalidInput
from diary.export import csv_format
from diary.factory import Diary, open_diary
from diary.services.unit_of_work import UnitOfWork
from tests.conftest import TODAY
from tests.factories import daily_entries, infusions_every

FIVE_YEARS = 1800


def csv_files(entries: list, infusions: list) -> tuple[str, str]:  # type: ignore[type-arg]
    entry_rows, infusion_rows = io.StringIO(), io.StringIO()
    csv_format.write_entries(entries, entry_rows)
    csv_format.write_infusions(infusions, infusion_rows)
    return entry_rows.getvalue(), infusion_rows.getvalue()


def export_csv(diary: Diary, patient: uuid.UUID) -> tuple[str, str]:
    entry_rows, infusion_rows = io.StringIO(), io.StringIO()
    diary.transfer.export_csv(patient, entry_rows, infusion_rows)
    return entry_rows.getvalue(), infusion_rows.getvalue()


@pytest.fixture
def five_year_diary() -> tuple[str, str]:
    entries = daily_entries(FIVE_YEARS, TODAY, seed=7)
    infusions = infusions_every(weeks=8, first_day=entries[0].date, count=30, seed=7)
    return csv_files(entries, infusions)


class TestCsvRoundTrip:
    def test_export_imports_back_identically(
        self,
        diary: Diary,
        patient: uuid.UUID,
        five_year_diary: tuple[str, str],
        database_url: str,
    ) -> None:
        entries_csv, infusions_csv = five_year_diary
        summary = diary.transfer.import_csv(
            patient, io.StringIO(entries_csv), io.StringIO(infusions_csv)
        )
        assert (summary.entries, summary.infusions) == (FIVE_YEARS, 150)
        exported = export_csv(diary, patient)
        assert exported == five_year_diary

        again = self._empty_second_diary(diary, database_url)
        again_patient = again.accounts.local_patient_id()
        again.transfer.import_csv(again_patient, io.StringIO(exported[0]), io.StringIO(exported[1]))
        assert export_csv(again, again_patient) == exported
        assert again.entries.contents(again_patient) == diary.entries.contents(patient)

    @staticmethod
    def _empty_second_diary(diary: Diary, database_url: str) -> Diary:
        """The same database with the first patient's infusions moved out of the way."""
        patient = diary.accounts.local_patient_id()
        with UnitOfWork(diary.engine) as uow:
            for row in uow.infusions.in_range(patient):
                uow.session.delete(row)
            uow.session.flush()
            for row in uow.entries.in_range(patient):
                uow.session.delete(row)
        return open_diary(database_url, diary.clock)


class TestAllOrNothing:
    def test_bad_row_40_refused_and_nothing_written(self, diary: Diary, patient: uuid.UUID) -> None:
        entries_csv, _ = csv_files(daily_entries(60, TODAY, seed=3), [])
        rows = list(csv.reader(io.StringIO(entries_csv)))
        rows[40][1] = "11"  # rows[0] is the header, so this is data row 40
        edited = io.StringIO()
        csv.writer(edited).writerows(rows)
        with pytest.raises(InvalidInput) as refused:
            diary.transfer.import_csv(patient, io.StringIO(edited.getvalue()))
        assert [p.describe() for p in refused.value.problems] == [
            "row 40, pain: must be a whole number from 0 to 10 (got '11')"
        ]
        assert diary.entries.list_entries(patient) == []

    def test_bad_infusion_file_keeps_good_entry_file_out_too(
        self, diary: Diary, patient: uuid.UUID
    ) -> None:
        entries_csv, _ = csv_files(daily_entries(5, TODAY), [])
        bad_infusions = "date,route,dose_mg\n2026-06-01,iv,-5\n"
        with pytest.raises(InvalidInput, match="row 1, dose_mg"):
            diary.transfer.import_csv(patient, io.StringIO(entries_csv), io.StringIO(bad_infusions))
        assert diary.entries.contents(patient).entries == []

    def test_failure_while_storing_rolls_everything_back(
        self, diary: Diary, patient: uuid.UUID
    ) -> None:
        """An infusion id that belongs to another patient fails at the very end of the import."""
        infusion = infusions_every(weeks=4, first_day=dt.date(2026, 1, 5), count=1)[0]
        with UnitOfWork(diary.engine) as uow:
            other = uow.accounts.add_local_owner(diary.clock.now())
            other.is_local_owner = False
            other_id = other.id
        diary.entries.add_infusion(other_id, infusion)
        entries = daily_entries(30, TODAY)
        with pytest.raises(InvalidInput, match="id: is already used"):
            diary.entries.import_contents(patient, entries, [infusion])
        assert diary.entries.list_entries(patient) == []

    def test_reimport_updates_days_instead_of_duplicating(
        self, diary: Diary, patient: uuid.UUID
    ) -> None:
        entries_csv, infusions_csv = csv_files(
            daily_entries(10, TODAY), infusions_every(4, dt.date(2026, 5, 1), 1)
        )
        for _ in range(2):
            diary.transfer.import_csv(patient, io.StringIO(entries_csv), io.StringIO(infusions_csv))
        contents = diary.entries.contents(patient)
        assert (len(contents.entries), len(contents.infusions)) == (10, 5)


class TestJson:
    def test_json_export_imports_back_identically(self, diary: Diary, patient: uuid.UUID) -> None:
        entries = daily_entries(100, TODAY, seed=5)
        infusions = infusions_every(6, entries[0].date, 2, seed=5)
        diary.entries.import_contents(patient, entries, infusions)
        document = diary.transfer.export_json(patient)
        before = diary.entries.contents(patient)
        with UnitOfWork(diary.engine) as uow:
            for row in [*uow.entries.in_range(patient), *uow.infusions.in_range(patient)]:
                uow.session.delete(row)
        diary.transfer.import_json(patient, document)
        assert diary.entries.contents(patient) == before
        assert diary.transfer.export_json(patient) == document

    def test_broken_json_named(self, diary: Diary, patient: uuid.UUID) -> None:
        with pytest.raises(InvalidInput, match="document: is not valid JSON"):
            diary.transfer.import_json(patient, "{not json")

    def test_bad_field_named_by_path(self, diary: Diary, patient: uuid.UUID) -> None:
        text = (
            '{"format": "ketamine-diary", "version": 1, "exported_at": "2026-06-01T00:00:00Z",'
            ' "entries": [{"date": "2026-06-01", "pain": 3}, {"date": "2026-06-02", "pain": -2}],'
            ' "infusions": []}'
        )
        with pytest.raises(InvalidInput, match=r"entries\.1\.pain: must be a whole number"):
            diary.transfer.import_json(patient, text)
        assert diary.entries.list_entries(patient) == []
