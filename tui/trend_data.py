"""What the Trends charts draw, worked out without any UI: series over a range of days.

Long ranges are cut into equal buckets of days, so a chart never draws more than
`MAX_POINTS` points however long the diary is: a three-year diary draws as fast as a month.
Scores are averaged within a bucket; side effects keep the bucket's worst day, so a spike
is never averaged away.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from diary.analysis import CourseInsight
from diary.domain import BLADDER_FIELDS, DailyEntry
from tui.gateway import DiaryOverview

MAX_POINTS = 100
TICKS = 5
Point = tuple[float, float]
"""(days since the start of the range, value)."""


@dataclass(frozen=True)
class ReliefMark:
    """A course's baseline and relief threshold, drawn from its start to its relief end."""

    first: float
    last: float
    baseline: float
    threshold: float


@dataclass(frozen=True)
class TrendData:
    start: dt.date
    end: dt.date
    bucket_days: int
    pain: list[Point]
    mood: list[Point]
    sleep_hours: list[Point]
    sleep_quality: list[Point]
    dissociation: list[Point]
    nausea: list[Point]
    bladder: list[Point]
    infusion_days: list[float]
    relief_marks: list[ReliefMark]
    ticks: list[tuple[float, str]]

    @property
    def width(self) -> float:
        return float((self.end - self.start).days)


def trend_data(overview: DiaryOverview, days: int | None) -> TrendData:
    """The series of the last `days` days up to today (None: since the first entry)."""
    end = overview.today
    first_logged = overview.entries[0].date if overview.entries else end
    start = end - dt.timedelta(days=days - 1) if days else min(first_logged, end)
    bucket = max(1, math.ceil(((end - start).days + 1) / MAX_POINTS))
    entries = overview.entries_between(start, end)

    def series(value: Callable[[DailyEntry], float | None], worst: bool = False) -> list[Point]:
        return bucketed(entries, start, bucket, value, max if worst else _mean)

    return TrendData(
        start=start,
        end=end,
        bucket_days=bucket,
        pain=series(lambda e: e.pain),
        mood=series(lambda e: e.mood),
        sleep_hours=series(lambda e: e.sleep_hours),
        sleep_quality=series(lambda e: e.sleep_quality),
        dissociation=series(lambda e: e.dissociation, worst=True),
        nausea=series(lambda e: e.nausea, worst=True),
        bladder=series(_worst_bladder, worst=True),
        infusion_days=[_x(i.date, start) for i in overview.infusions_between(start, end)],
        relief_marks=relief_marks(overview, start, end),
        ticks=ticks(start, end),
    )


def bucketed(
    entries: Sequence[DailyEntry],
    start: dt.date,
    bucket_days: int,
    value: Callable[[DailyEntry], float | None],
    combine: Callable[[list[float]], float],
) -> list[Point]:
    """One point per bucket of `bucket_days` days that has a recorded value, at its middle."""
    buckets: dict[int, list[float]] = {}
    for entry in entries:
        recorded = value(entry)
        if recorded is not None:
            buckets.setdefault((entry.date - start).days // bucket_days, []).append(recorded)
    middle = (bucket_days - 1) / 2
    return [(index * bucket_days + middle, combine(v)) for index, v in sorted(buckets.items())]


def relief_marks(overview: DiaryOverview, start: dt.date, end: dt.date) -> list[ReliefMark]:
    """Each course's baseline and threshold, clipped to the range."""
    courses = overview.insights.courses
    marks = []
    for index, course in enumerate(courses):
        if course.baseline_pain is None:
            continue
        later = courses[index + 1].start if index + 1 < len(courses) else None
        last = min(day for day in (_relief_last_day(course, later), end) if day is not None)
        if last < start or course.start > end:
            continue
        first = max(course.start, start)
        threshold = course.baseline_pain * overview.relief_fraction
        marks.append(ReliefMark(_x(first, start), _x(last, start), course.baseline_pain, threshold))
    return marks


def _relief_last_day(course: CourseInsight, next_start: dt.date | None) -> dt.date | None:
    if course.relief_end is not None and not course.censored:
        return course.relief_end
    return next_start - dt.timedelta(days=1) if next_start else None


def ticks(start: dt.date, end: dt.date, count: int = TICKS) -> list[tuple[float, str]]:
    """Evenly spread date labels; day and month for short ranges, month and year for long."""
    span = (end - start).days
    fmt = "%d %b" if span <= 180 else "%b %Y"
    steps = min(count - 1, span) or 1
    days = sorted({round(span * step / steps) for step in range(steps + 1)})
    return [(float(day), f"{start + dt.timedelta(days=day):{fmt}}") for day in days]


def _x(day: dt.date, start: dt.date) -> float:
    return float((day - start).days)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _worst_bladder(entry: DailyEntry) -> float | None:
    scores = [getattr(entry, name) for name in BLADDER_FIELDS]
    return max((score for score in scores if score is not None), default=None)
