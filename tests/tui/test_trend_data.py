"""The Trends series, worked out without the UI: bucketing, relief marks, date ticks."""

from __future__ import annotations

import datetime as dt

from diary.analysis import compute_insights
from diary.domain import DailyEntry, Infusion
from tests.conftest import TODAY
from tui.gateway import DiaryOverview
from tui.trend_data import MAX_POINTS, bucketed, ticks, trend_data


def overview(entries: list[DailyEntry], infusions: list[Infusion]) -> DiaryOverview:
    insights = compute_insights(entries, infusions, TODAY)
    return DiaryOverview(TODAY, tuple(entries), tuple(infusions), insights, ())


def days_back(count: int, pain: int = 6) -> list[DailyEntry]:
    return [DailyEntry(date=TODAY - dt.timedelta(days=n), pain=pain) for n in range(count)][::-1]


def test_scores_are_averaged_and_side_effects_keep_the_worst_day() -> None:
    start = TODAY - dt.timedelta(days=3)
    entries = [
        DailyEntry(date=start, pain=2, nausea=1),
        DailyEntry(date=start + dt.timedelta(days=1), pain=6, nausea=8),
        DailyEntry(date=start + dt.timedelta(days=2), pain=5),
    ]
    assert bucketed(entries, start, 2, lambda e: e.pain, lambda v: sum(v) / len(v)) == [
        (0.5, 4.0),
        (2.5, 5.0),
    ]
    assert bucketed(entries, start, 2, lambda e: e.nausea, max) == [(0.5, 8.0)]


def test_a_long_diary_never_draws_more_than_max_points() -> None:
    data = trend_data(overview(days_back(3 * 365), []), None)
    assert data.bucket_days == 11
    assert len(data.pain) <= MAX_POINTS
    assert data.start == TODAY - dt.timedelta(days=3 * 365 - 1)


def test_short_ranges_show_every_day() -> None:
    data = trend_data(overview(days_back(60), []), 30)
    assert data.bucket_days == 1
    assert len(data.pain) == 30
    assert data.pain[-1] == (29.0, 6.0)


def test_relief_marks_span_each_course_and_sit_at_70_percent() -> None:
    course_day = TODAY - dt.timedelta(days=40)
    entries = [
        DailyEntry(date=day.date, pain=2 if day.date > course_day else 7) for day in days_back(80)
    ]
    infusion = Infusion(date=course_day)
    data = trend_data(overview(entries, [infusion]), 90)
    (mark,) = data.relief_marks
    assert mark.baseline == 7
    assert mark.threshold == 7 * 0.7
    assert mark.first == (course_day - data.start).days
    assert data.infusion_days == [float((course_day - data.start).days)]


def test_ticks_name_days_for_short_ranges_and_months_for_long_ones() -> None:
    assert ticks(dt.date(2026, 6, 1), dt.date(2026, 6, 5))[0] == (0.0, "01 Jun")
    assert ticks(dt.date(2024, 6, 1), dt.date(2026, 6, 1))[-1] == (730.0, "Jun 2026")
    assert len(ticks(dt.date(2026, 6, 1), dt.date(2026, 6, 2))) == 2
