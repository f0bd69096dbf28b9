"""The naive method the engine is compared with: raw 3-day means, no smoothing, no carry-forward.

Baseline: mean of the 7 (else 14) days before the course with ≥ 4 entries, else the previous
course's. Best pain: lowest 3-day mean in days 1–14. Relief end: the first of 3 consecutive
days whose trailing 3-day mean is above 70% of baseline; censored if that never happens before
the next course or the end of the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from diary.analysis.models import ResponseClass
from diary.analysis.response import classify_response
from diary.domain.courses import Course, group_into_courses
from diary.domain.entry import DailyEntry
from diary.domain.infusion import Infusion
from diary.domain.settings import AnalysisSettings


@dataclass(frozen=True)
class NaiveCourse:
    start: dt.date
    response: ResponseClass
    relief_days: int | None
    censored: bool


def _mean3(pain: dict[int, int], day: int) -> float | None:
    values = [pain[d] for d in (day - 2, day - 1, day) if d in pain]
    return sum(values) / len(values) if values else None


def _baseline(pain: dict[int, int], start: int, s: AnalysisSettings) -> float | None:
    for days in (s.baseline_days, s.baseline_wide_days):
        values = [pain[d] for d in range(start - days, start) if d in pain]
        if len(values) >= s.baseline_min_entries:
            return sum(values) / len(values)
    return None


def naive_courses(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    as_of: dt.date,
    settings: AnalysisSettings,
) -> list[NaiveCourse]:
    """The naive method's view of each course."""
    pain = {e.date.toordinal(): e.pain for e in entries if e.date <= as_of}
    courses = group_into_courses(i for i in infusions if i.date <= as_of)
    found: list[NaiveCourse] = []
    previous: float | None = None
    for index, course in enumerate(courses):
        nxt = courses[index + 1] if index + 1 < len(courses) else None
        last = min(as_of.toordinal(), nxt.start.toordinal() - 1 if nxt else as_of.toordinal())
        baseline = _baseline(pain, course.start.toordinal(), settings) or previous
        found.append(_one(pain, course, last, baseline, settings))
        previous = baseline
    return found


def _one(
    pain: dict[int, int], course: Course, last: int, baseline: float | None, s: AnalysisSettings
) -> NaiveCourse:
    end = course.end.toordinal()
    means = {day: _mean3(pain, day) for day in range(end + 1, last + 1)}
    early = [m for d, m in means.items() if m is not None and d <= end + s.response_window_days]
    response = classify_response(baseline, min(early) if early else None, s)
    if baseline is None:
        return NaiveCourse(course.start, response, None, False)
    threshold = baseline * s.relief_fraction
    above = {day for day, mean in means.items() if mean is not None and mean > threshold}
    for day in sorted(above):
        if day + 1 in above and day + 2 in above:
            return NaiveCourse(course.start, response, day - end, False)
    return NaiveCourse(course.start, response, last - end, True)
