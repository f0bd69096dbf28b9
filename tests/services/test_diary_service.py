"""Logging days and infusions through the diary service."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from diary.domain import Conflict, DailyEntry, InfusionDetails, InvalidInput, NotFound, Route
from diary.factory import Diary
from tests.conftest import TODAY

DAY = dt.date(2026, 6, 1)


class TestSaveEntry:
    def test_first_save_creates_then_replaces(self, diary: Diary, patient: uuid.UUID) -> None:
        first = diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6, mood=4))
        second = diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=3))
        assert (first.created, first.version) == (True, 1)
        assert (second.created, second.version) == (False, 2)
        assert diary.entries.get_entry(patient, DAY) == DailyEntry(date=DAY, pain=3)

    def test_future_day_refused_and_nothing_written(self, diary: Diary, patient: uuid.UUID) -> None:
        tomorrow = TODAY + dt.timedelta(days=1)
        with pytest.raises(InvalidInput, match="date: must not be in the future"):
            diary.entries.save_entry(patient, DailyEntry(date=tomorrow, pain=3))
        assert diary.entries.list_entries(patient) == []

    def test_today_is_allowed(self, diary: Diary, patient: uuid.UUID) -> None:
        assert diary.entries.save_entry(patient, DailyEntry(date=TODAY, pain=2)).created


class TestUpdateEntryFields:
    def test_only_given_fields_change(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6, mood=4, nausea=2))
        saved = diary.entries.update_entry_fields(patient, DAY, {"mood": 7, "nausea": None})
        assert saved.entry == DailyEntry(date=DAY, pain=6, mood=7)
        assert saved.version == 2

    def test_new_day_needs_pain(self, diary: Diary, patient: uuid.UUID) -> None:
        with pytest.raises(InvalidInput, match="pain: is required"):
            diary.entries.update_entry_fields(patient, DAY, {"mood": 7})

    def test_bad_value_leaves_the_day_as_it_was(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6))
        with pytest.raises(InvalidInput, match="mood"):
            diary.entries.update_entry_fields(patient, DAY, {"pain": 2, "mood": 12})
        assert diary.entries.get_entry(patient, DAY) == DailyEntry(date=DAY, pain=6)


class TestDeleteEntry:
    def test_deleted_day_is_gone(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6))
        diary.entries.delete_entry(patient, DAY)
        with pytest.raises(NotFound):
            diary.entries.get_entry(patient, DAY)

    def test_deleting_a_missing_day_says_so(self, diary: Diary, patient: uuid.UUID) -> None:
        with pytest.raises(NotFound, match="no entry for 2026-06-01"):
            diary.entries.delete_entry(patient, DAY)


class TestInfusions:
    def test_add_edit_delete(self, diary: Diary, patient: uuid.UUID) -> None:
        added = diary.entries.add_infusion(patient, InfusionDetails(date=DAY, dose_mg=35))
        assert added.route is Route.IV
        changed = diary.entries.update_infusion(
            patient, added.id, InfusionDetails(date=DAY, route=Route.IM, dose_mg=50)
        )
        assert (changed.id, changed.route, changed.dose_mg) == (added.id, Route.IM, 50)
        assert diary.entries.get_infusion(patient, added.id) == changed
        diary.entries.delete_infusion(patient, added.id)
        assert diary.entries.list_infusions(patient) == []

    def test_unknown_infusion_not_found(self, diary: Diary, patient: uuid.UUID) -> None:
        with pytest.raises(NotFound):
            diary.entries.delete_infusion(patient, uuid.uuid4())

    def test_future_infusion_refused(self, diary: Diary, patient: uuid.UUID) -> None:
        with pytest.raises(InvalidInput, match="future"):
            diary.entries.add_infusion(patient, InfusionDetails(date=TODAY + dt.timedelta(1)))

    def test_courses_from_stored_infusions(self, diary: Diary, patient: uuid.UUID) -> None:
        for day in (1, 2, 5, 20):
            diary.entries.add_infusion(patient, InfusionDetails(date=dt.date(2026, 5, day)))
        courses = diary.entries.list_courses(patient)
        assert [(c.start.day, c.end.day) for c in courses] == [(1, 5), (20, 20)]


class TestSaveWithExpectedVersion:
    """A window that loaded a day must not overwrite a change made elsewhere since."""

    def test_save_from_the_version_seen(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6), expected_version=0)
        assert diary.entries.versions(patient) == {DAY: 1}
        saved = diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=4), expected_version=1)
        assert saved.version == 2

    def test_changed_elsewhere_is_refused(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6))
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=7))  # another device
        with pytest.raises(Conflict, match="changed elsewhere"):
            diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=2), expected_version=1)
        assert diary.entries.get_entry(patient, DAY).pain == 7

    def test_a_day_created_elsewhere_is_refused(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=6))
        with pytest.raises(Conflict):
            diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=2), expected_version=0)
