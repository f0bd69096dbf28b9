"""What the appointment summary counts from the entries itself (the analysis does not give it).

Each count says which days it reads. An empty field means "not recorded" and is never read as
zero: a mean is over the days that recorded the field, and says how many days that was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from diary.analysis import CourseInsight
from diary.domain import BLADDER_FIELDS, BloodInUrine, DailyEntry
from diary.domain.settings import AnalysisSettings

MODERATE_SCORE = 4
"""A 0–10 side-effect score counted as a "moderate or worse" day (the review flags' level)."""
VISIBLE_BLOOD = (BloodInUrine.RED, BloodInUrine.CLOTS)


@dataclass(frozen=True)
class Mean:
    """A mean over the days that recorded the value; `days` says how many."""

    total: float
    days: int

    @property
    def value(self) -> float:
        return self.total / self.days

    @staticmethod
    def of(values: Iterable[float | None]) -> Mean | None:
        given = [value for value in values if value is not None]
        return Mean(float(sum(given)), len(given)) if given else None

    @staticmethod
    def pooled(means: Iterable[Mean | None]) -> Mean | None:
        """One mean over all the days of several means (each day counts once)."""
        given = [mean for mean in means if mean is not None]
        if not given:
            return None
        return Mean(sum(mean.total for mean in given), sum(mean.days for mean in given))


@dataclass(frozen=True)
class CourseSideEffects:
    """What was logged around one course.

    Side effects are read over the course's period: from its first infusion day to the day
    before the next course (or the analysis day). Rescue doses are read over the baseline days
    (the 7 days before the course) and the response days (days 1–14 after it, within its period).
    """

    worst_dissociation: int | None
    worst_nausea: int | None
    bladder_average: float | None
    """Mean over the period's days of each day's highest bladder score."""
    bladder_worst: int | None
    rescue_before: Mean | None
    rescue_after: Mean | None


@dataclass(frozen=True)
class Symptom:
    worst: int | None
    moderate_days: int
    """Days scored `MODERATE_SCORE` or more."""


@dataclass(frozen=True)
class SideEffectDays:
    """Side effects over the summary's period."""

    dissociation: Symptom
    nausea: Symptom
    bladder: Symptom
    """Each day's highest of the four bladder scores."""
    hallucination_days: int
    vomiting_days: int
    blood_in_urine_days: int
    visible_blood_days: int
    unable_to_urinate_days: int
    warning_sign_days: int


@dataclass(frozen=True)
class DailyAverages:
    pain: Mean | None
    mood: Mean | None
    sleep_hours: Mean | None
    sleep_quality: Mean | None


@dataclass(frozen=True)
class Completeness:
    """How much of the period the diary covers."""

    days_logged: int
    days_in_period: int
    longest_gap_days: int
    """Longest run of days without an entry (0 when every day is logged)."""
    longest_gap_start: dt.date | None
    longest_gap_end: dt.date | None

    @property
    def share_logged(self) -> float | None:
        return self.days_logged / self.days_in_period if self.days_in_period else None


def worst_bladder(entry: DailyEntry) -> int | None:
    """The day's highest bladder score, or None when none of the four was recorded."""
    given = [getattr(entry, name) for name in BLADDER_FIELDS if getattr(entry, name) is not None]
    return max(given) if given else None


def course_side_effects(
    entries: Sequence[DailyEntry],
    course: CourseInsight,
    period_last: dt.date,
    settings: AnalysisSettings,
) -> CourseSideEffects:
    during = [entry for entry in entries if course.start <= entry.date <= period_last]
    bladder = [worst_bladder(entry) for entry in during]
    before_first = _shift(course.start, -settings.baseline_days)
    after_last = min(period_last, _shift(course.end, settings.response_window_days))
    before = [e.rescue_doses for e in entries if before_first <= e.date < course.start]
    after = [e.rescue_doses for e in entries if course.end < e.date <= after_last]
    bladder_mean = Mean.of(bladder)
    return CourseSideEffects(
        worst_dissociation=_worst(entry.dissociation for entry in during),
        worst_nausea=_worst(entry.nausea for entry in during),
        bladder_average=None if bladder_mean is None else bladder_mean.value,
        bladder_worst=_worst(bladder),
        rescue_before=Mean.of(before),
        rescue_after=Mean.of(after),
    )


def side_effect_days(entries: Sequence[DailyEntry]) -> SideEffectDays:
    return SideEffectDays(
        dissociation=_symptom(entry.dissociation for entry in entries),
        nausea=_symptom(entry.nausea for entry in entries),
        bladder=_symptom(worst_bladder(entry) for entry in entries),
        hallucination_days=sum(1 for entry in entries if entry.hallucinations),
        vomiting_days=sum(1 for entry in entries if entry.vomiting),
        blood_in_urine_days=sum(1 for e in entries if e.blood_in_urine not in (None, "none")),
        visible_blood_days=sum(1 for entry in entries if entry.blood_in_urine in VISIBLE_BLOOD),
        unable_to_urinate_days=sum(1 for entry in entries if entry.unable_to_urinate),
        warning_sign_days=sum(1 for entry in entries if entry.warning_signs),
    )


def daily_averages(entries: Sequence[DailyEntry]) -> DailyAverages:
    return DailyAverages(
        pain=Mean.of(entry.pain for entry in entries),
        mood=Mean.of(entry.mood for entry in entries),
        sleep_hours=Mean.of(entry.sleep_hours for entry in entries),
        sleep_quality=Mean.of(entry.sleep_quality for entry in entries),
    )


def completeness(logged: Sequence[dt.date], start: dt.date, end: dt.date) -> Completeness:
    """Share of the period's days with an entry and its longest run of days without one.

    `logged` are the period's entry dates in order.
    """
    days = max(0, end.toordinal() - start.toordinal() + 1)
    if days == 0:
        return Completeness(0, 0, 0, None, None)
    edges = [start.toordinal() - 1, *(day.toordinal() for day in logged), end.toordinal() + 1]
    gap, after = max((later - earlier - 1, earlier) for earlier, later in pairwise(edges))
    if gap <= 0:
        return Completeness(len(logged), days, 0, None, None)
    first, last = dt.date.fromordinal(after + 1), dt.date.fromordinal(after + gap)
    return Completeness(len(logged), days, gap, first, last)


def _worst(values: Iterable[int | None]) -> int | None:
    given = [value for value in values if value is not None]
    return max(given) if given else None


def _symptom(values: Iterable[int | None]) -> Symptom:
    given = [value for value in values if value is not None]
    moderate = sum(1 for value in given if value >= MODERATE_SCORE)
    return Symptom(max(given) if given else None, moderate)


def _shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held within the calendar (dates near year 1 or 9999)."""
    ordinal = day.toordinal() + days
    return dt.date.fromordinal(min(max(ordinal, 1), dt.date.max.toordinal()))
