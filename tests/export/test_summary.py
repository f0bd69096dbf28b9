"""The appointment summary: analysis numbers copied from Insights, the rest counted exactly."""

from __future__ import annotations

import datetime as dt
import uuid

from diary.analysis import Insights, Tier, compute_insights
from diary.domain import DailyEntry, Infusion
from diary.export.summary import AppointmentSummary, Period, build_summary
from diary.export.summary_counts import Mean, completeness
from diary.export.wording import current_picture, relief_text, typical_relief
from tests.export.conftest import Demo

D = dt.date(2026, 3, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_courses_carry_the_analysis_unchanged(
    demo_summary: AppointmentSummary, demo_insights: Insights
) -> None:
    assert [row.insight for row in demo_summary.courses] == list(demo_insights.courses)
    assert [row.number for row in demo_summary.courses] == list(
        range(1, len(demo_insights.courses) + 1)
    )
    for row in demo_summary.courses:
        baseline = row.insight.baseline_pain
        assert row.relief_line == (None if baseline is None else baseline * 0.7)


def test_typical_relief_is_the_insights_median_and_its_courses(
    demo_summary: AppointmentSummary, demo_insights: Insights
) -> None:
    median = demo_insights.relief_days_median
    assert median is not None
    spells = [c for c in demo_insights.courses if c.responded and c.relief_days is not None]
    spread = demo_summary.relief_range
    assert spread is not None
    assert spread.courses == len(spells)
    assert spread.shortest.relief_days == min(c.relief_days or 0 for c in spells)
    assert spread.longest.relief_days == max(c.relief_days or 0 for c in spells)
    text = typical_relief(demo_summary)
    assert f"{median:.1f} days (median)" in text
    assert relief_text(spread.shortest) in text
    assert relief_text(spread.longest) in text


def test_current_picture_counts_open_flags_by_tier(demo_summary: AppointmentSummary) -> None:
    counts = demo_summary.open_flags_by_tier
    assert counts == {Tier.EMERGENCY: 0, Tier.SAME_DAY: 1, Tier.REVIEW: 2}
    assert "Open warning flags: 0 emergency, 1 same day, 2 review." in current_picture(demo_summary)


def test_acknowledged_flags_are_listed_but_not_open(demo: Demo, demo_insights: Insights) -> None:
    entries, infusions, as_of = demo
    blood = next(f for f in demo_insights.flags if f.rule == "same_day.blood_in_urine")
    still_open = {f.key for f in demo_insights.flags} - {blood.key}
    summary = build_summary(
        entries, infusions, demo_insights, "A", Period(entries[0].date, as_of), still_open
    )
    assert summary.open_flags_by_tier[Tier.SAME_DAY] == 0
    line = next(line for line in summary.flags if line.flag == blood)
    assert not line.is_open
    assert line.note is not None
    assert "тошнота" in line.note


def test_flags_most_urgent_first_and_only_in_the_period(
    demo: Demo, demo_insights: Insights
) -> None:
    entries, infusions, as_of = demo
    summary = build_summary(
        entries, infusions, demo_insights, "A", Period(dt.date(2025, 11, 1), as_of)
    )
    tiers = [line.flag.tier for line in summary.flags]
    assert tiers == sorted(tiers, key=[Tier.EMERGENCY, Tier.SAME_DAY, Tier.REVIEW].index)
    assert all(line.flag.date >= dt.date(2025, 11, 1) for line in summary.flags)
    assert "review.relief_shrinking" not in {line.flag.rule for line in summary.flags}


def test_period_limits_the_days_and_courses_shown(demo: Demo, demo_insights: Insights) -> None:
    entries, infusions, _as_of = demo
    period = Period(dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    summary = build_summary(entries, infusions, demo_insights, "A", period)
    assert {entry.date.month for entry in summary.entries} == {10}
    assert {infusion.date.month for infusion in summary.infusions} == {10}
    assert all(row.insight.end >= period.start for row in summary.courses)
    assert all(row.insight.start <= period.end for row in summary.courses)
    assert summary.insights == demo_insights  # the analysis always covers the whole diary


def test_completeness_share_and_longest_gap() -> None:
    logged = [day(0), day(1), day(5), day(6), day(9)]
    done = completeness(logged, day(0), day(9))
    assert (done.days_logged, done.days_in_period, done.share_logged) == (5, 10, 0.5)
    assert (done.longest_gap_days, done.longest_gap_start, done.longest_gap_end) == (
        3,
        day(2),
        day(4),
    )
    assert completeness([], day(0), day(2)).longest_gap_days == 3
    every_day = completeness([day(0), day(1)], day(0), day(1))
    assert (every_day.longest_gap_days, every_day.longest_gap_start) == (0, None)


def _entry(n: int, **fields: object) -> DailyEntry:
    return DailyEntry.model_validate({"date": day(n), "pain": 6, **fields})


def test_side_effects_and_rescue_per_course() -> None:
    entries = [_entry(n, rescue_doses=3) for n in range(-7, 0)]
    entries += [_entry(0, dissociation=6, nausea=2, urinary_frequency=3, bladder_pain=5)]
    entries += [_entry(n, rescue_doses=1, urinary_urgency=1) for n in range(1, 15)]
    entries += [_entry(15, rescue_doses=9, nausea=8)]  # after the 14 response days
    infusions = [Infusion(date=day(0), dose_mg=50), Infusion(date=day(0), dose_mg=20)]
    insights = compute_insights(entries, infusions, day(15))
    summary = build_summary(entries, infusions, insights, "A", Period(day(-7), day(15)))
    (row,) = summary.courses
    effects = row.side_effects
    assert row.total_dose_mg == 70
    assert (effects.worst_dissociation, effects.worst_nausea, effects.bladder_worst) == (6, 8, 5)
    assert effects.rescue_before == Mean(21, 7)
    assert effects.rescue_after == Mean(14, 14)
    assert summary.rescue_before is not None
    assert summary.rescue_before.value == 3


def test_not_recorded_is_never_zero() -> None:
    entries = [_entry(n) for n in range(5)] + [_entry(5, mood=4)]
    summary = build_summary(
        entries, [], compute_insights(entries, [], day(5)), "A", Period(day(0), day(5))
    )
    assert summary.averages.mood == Mean(4, 1)
    assert summary.averages.sleep_hours is None
    assert summary.side_effects.nausea.worst is None
    assert summary.rescue_before is None


def test_today_not_logged_yet_is_no_gap() -> None:
    """An export made before today's entry counts the days up to yesterday (a new user saw
    "Longest gap: 1 day" for the day they were exporting on)."""
    entries = [DailyEntry(date=day(n), pain=5) for n in range(9)]
    insights = compute_insights(entries, [], day(9))
    before_logging = build_summary(entries, [], insights, "A", Period(day(0), day(9)), today=day(9))
    assert before_logging.completeness == completeness([e.date for e in entries], day(0), day(8))
    assert before_logging.completeness.longest_gap_days == 0
    gap_before_today = [e for e in entries if e.date != day(8)]
    summary = build_summary(
        gap_before_today, [], insights, "A", Period(day(0), day(9)), today=day(9)
    )
    assert (summary.completeness.days_logged, summary.completeness.days_in_period) == (8, 9)
    assert summary.completeness.longest_gap_start == day(8)
    assert summary.completeness.longest_gap_end == day(8)


def test_a_period_ending_before_today_counts_its_last_day() -> None:
    """An export up to an earlier day (`--to`): its last day, unlogged, was missed (found in
    review: the analysis day is not always today)."""
    entries = [DailyEntry(date=day(n), pain=5) for n in range(9)]
    insights = compute_insights(entries, [], day(9))
    summary = build_summary(entries, [], insights, "A", Period(day(0), day(9)), today=day(20))
    assert (summary.completeness.days_logged, summary.completeness.days_in_period) == (9, 10)
    assert summary.completeness.longest_gap_start == day(9)


def test_an_empty_diary_still_makes_a_summary() -> None:
    insights = compute_insights([], [], D)
    summary = build_summary([], [], insights, "A", Period(D, D))
    assert summary.courses == ()
    assert summary.relief_range is None
    assert summary.completeness.days_logged == 0
    assert "no course has responded yet" in typical_relief(summary)


def test_relief_of_zero_days_is_not_known_rather_than_at_least_zero() -> None:
    """A course censored at 0 days (just ended, or its first days unlogged) shows no number."""
    entries = [DailyEntry(date=day(n), pain=6) for n in range(7)]
    infusions = [Infusion(id=uuid.UUID(int=1), date=day(7))]
    just_ended = compute_insights(entries, infusions, day(7)).courses[0]
    assert relief_text(just_ended) == "not known yet (ongoing)"
    later = [*entries, *(DailyEntry(date=day(n), pain=6) for n in range(13, 20))]
    unlogged_first_days = compute_insights(later, infusions, day(19)).courses[0]
    assert relief_text(unlogged_first_days) == "not known"
