"""Flags raised on save, acknowledgements, and insights as of a day."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from diary.analysis import Tier
from diary.domain import DailyEntry, InfusionDetails, NotFound, WarningSign
from diary.factory import Diary
from tests.conftest import TODAY

DAY = dt.date(2026, 6, 1)


def test_save_returns_the_flags_it_raises(diary: Diary, patient: uuid.UUID) -> None:
    saved = diary.entries.save_entry(
        patient,
        DailyEntry(date=DAY, pain=5, blood_in_urine="clots", warning_signs=(WarningSign.FAINTING,)),
    )
    assert saved.flags is not None
    assert [(f.tier, f.date) for f in saved.flags] == [
        (Tier.EMERGENCY, DAY),
        (Tier.SAME_DAY, DAY),
    ]
    assert "emergency services" in saved.flags[0].message


def test_quiet_day_raises_nothing(diary: Diary, patient: uuid.UUID) -> None:
    assert diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=5)).flags == ()


def test_partial_update_reports_flags_too(diary: Diary, patient: uuid.UUID) -> None:
    diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=5))
    saved = diary.entries.update_entry_fields(patient, DAY, {"unable_to_urinate": True})
    assert saved.flags is not None
    assert [f.tier for f in saved.flags] == [Tier.SAME_DAY]


def test_entry_is_kept_when_flags_cannot_be_worked_out(
    diary: Diary, patient: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: the analysis fails after the save; the entry must survive."""

    def broken(*_args: object) -> list[object]:
        raise RuntimeError("analysis fault")

    monkeypatch.setattr("diary.services.diary.flags_for_saved_days", broken)
    saved = diary.entries.save_entry(patient, DailyEntry(date=DAY, pain=5))
    assert saved.flags is None
    assert diary.entries.get_entry(patient, DAY).pain == 5


class TestAcknowledgement:
    def test_acknowledged_flag_is_no_longer_open(self, diary: Diary, patient: uuid.UUID) -> None:
        diary.entries.save_entry(
            patient, DailyEntry(date=DAY, pain=5, unable_to_urinate=True, blood_in_urine="red")
        )
        first, second = diary.insights.open_flags(patient)
        diary.insights.acknowledge(patient, first.date, first.rule)
        diary.insights.acknowledge(patient, first.date, first.rule)  # twice changes nothing
        assert diary.insights.open_flags(patient) == [second]
        assert len(diary.insights.insights(patient).flags) == 2  # insights keep every flag

    def test_unknown_flag_cannot_be_acknowledged(self, diary: Diary, patient: uuid.UUID) -> None:
        with pytest.raises(NotFound, match="no warning flag"):
            diary.insights.acknowledge(patient, DAY, "emergency.chest_pain")


def test_insights_as_of_ignores_later_days(diary: Diary, patient: uuid.UUID) -> None:
    for offset in range(40):
        day = dt.date(2026, 4, 1) + dt.timedelta(days=offset)
        diary.entries.save_entry(patient, DailyEntry(date=day, pain=7 if offset < 20 else 3))
    for offset in range(20, 23):
        diary.entries.add_infusion(
            patient, InfusionDetails(date=dt.date(2026, 4, 1) + dt.timedelta(days=offset))
        )
    diary.entries.save_entry(patient, DailyEntry(date=TODAY, pain=9, warning_signs=("seizure",)))
    as_of = dt.date(2026, 5, 10)
    insights = diary.insights.insights(patient, as_of)
    assert insights.as_of == as_of
    assert insights.flags == ()
    assert len(insights.courses) == 1
    assert insights.courses[0].baseline_pain == 7
    assert diary.insights.insights(patient).flags[0].date == TODAY
