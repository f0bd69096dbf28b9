"""The rules of a daily entry (design.md §2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from diary.domain import SCORE_FIELDS, DailyEntry, InvalidInput, WarningSign, parse_entry

TODAY = dt.date(2026, 6, 15)


def problems_for(**values: Any) -> list[tuple[str, str]]:
    with pytest.raises(InvalidInput) as refused:
        parse_entry({"date": "2026-06-01", "pain": 4, **values}, TODAY)
    return [(problem.field, problem.rule) for problem in refused.value.problems]


class TestValidEntries:
    def test_only_date_and_pain_are_required(self) -> None:
        entry = parse_entry({"date": "2026-06-01", "pain": "4"}, TODAY)
        assert entry == DailyEntry(date=dt.date(2026, 6, 1), pain=4)

    def test_every_field_accepted_at_its_limits(self) -> None:
        values = dict.fromkeys(SCORE_FIELDS, 10) | {
            "sleep_hours": 23.75,
            "hallucinations": True,
            "vomiting": 12,
            "blood_in_urine": "clots",
            "unable_to_urinate": False,
            "warning_signs": ["chest_pain"],
            "rescue_doses": 0,
            "notes": "x" * 2000,
        }
        entry = parse_entry({"date": TODAY, **values}, TODAY)
        assert entry.sleep_hours == 23.75
        assert entry.notes is not None
        assert len(entry.notes) == 2000

    def test_warning_signs_kept_once_in_vocabulary_order(self) -> None:
        entry = parse_entry(
            {"date": TODAY, "pain": 1, "warning_signs": ["seizure", "dark_urine", "seizure"]}, TODAY
        )
        assert entry.warning_signs == (WarningSign.DARK_URINE, WarningSign.SEIZURE)

    def test_blank_notes_mean_no_notes(self) -> None:
        assert parse_entry({"date": TODAY, "pain": 1, "notes": "   "}, TODAY).notes is None


class TestRefusedEntries:
    @pytest.mark.parametrize("field", SCORE_FIELDS)
    @pytest.mark.parametrize("value", [-1, 11, 4.5, "high"])
    def test_scores_are_whole_numbers_0_to_10(self, field: str, value: object) -> None:
        assert (field, "must be a whole number from 0 to 10") in problems_for(**{field: value})

    @pytest.mark.parametrize("hours", [-0.25, 24.25, 7.1])
    def test_sleep_hours_in_quarter_hours_up_to_24(self, hours: float) -> None:
        assert problems_for(sleep_hours=hours)[0][0] == "sleep_hours"

    def test_unknown_warning_sign_named(self) -> None:
        field, rule = problems_for(warning_signs=["chest_pain", "headache"])[0]
        assert field == "warning_signs.1"
        assert rule.startswith("each sign must be one of: yellow_skin_or_eyes")

    def test_blood_in_urine_vocabulary(self) -> None:
        assert problems_for(blood_in_urine="brown") == [
            ("blood_in_urine", "must be one of: none, pink, red, clots")
        ]

    @pytest.mark.parametrize("field", ["vomiting", "rescue_doses"])
    def test_counts_are_not_negative(self, field: str) -> None:
        assert problems_for(**{field: -1})[0][0] == field

    def test_notes_at_most_2000_characters(self) -> None:
        assert problems_for(notes="x" * 2001) == [("notes", "must be at most 2000 characters")]

    @pytest.mark.parametrize("day", ["0", 0, 1_700_000_000, "2026-06-01T00:00:00", "2026-6-1"])
    def test_only_days_written_yyyy_mm_dd(self, day: object) -> None:
        """Pydantic alone would read 0 as 1970-01-01 and a timestamp as its day."""
        with pytest.raises(InvalidInput) as refused:
            parse_entry({"date": day, "pain": 3}, TODAY)
        assert [(p.field, p.rule) for p in refused.value.problems] == [
            ("date", "must be a date written YYYY-MM-DD")
        ]

    def test_future_date_refused(self) -> None:
        with pytest.raises(InvalidInput, match="must not be in the future"):
            parse_entry({"date": TODAY + dt.timedelta(days=1), "pain": 3}, TODAY)

    def test_missing_pain_and_unknown_field_both_reported(self) -> None:
        with pytest.raises(InvalidInput) as refused:
            parse_entry({"date": "2026-06-01", "pian": 3}, TODAY)
        found = {(p.field, p.rule) for p in refused.value.problems}
        assert found == {("pain", "is required"), ("pian", "is not a field of the diary")}

    def test_problem_names_row_field_value_and_rule(self) -> None:
        with pytest.raises(InvalidInput) as refused:
            parse_entry({"date": "2026-06-01", "pain": "11"}, TODAY, row=40)
        assert str(refused.value) == "row 40, pain: must be a whole number from 0 to 10 (got '11')"
