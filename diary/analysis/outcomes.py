"""Per-course outcome: baseline, response and relief, course by course in date order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diary.analysis.baseline import Baseline, EarlierCourse, course_baseline
from diary.analysis.models import CourseInsight, ResponseClass
from diary.analysis.relief import CensorReason, ReliefFinding, ReliefWindow, find_relief_end
from diary.analysis.response import (
    best_underlying_pain,
    classify_response,
    classify_with_margin,
    few_entries_level,
    relief_pct,
    responded,
)
from diary.analysis.series import PainSeries, noise_sd, without_bad_days
from diary.domain.courses import Course
from diary.domain.settings import AnalysisSettings

NO_RELIEF_MARGIN = 0.3
FEW_ENTRIES_Z = 2.0


@dataclass(frozen=True)
class CourseOutcome:
    """Everything the analysis found about one course, unrounded."""

    course: Course
    end: int
    """The course's last infusion day (an ordinal)."""
    baseline: Baseline | None
    best: float | None
    response: ResponseClass
    relief: ReliefFinding | None
    """None when relief cannot be judged (no baseline)."""
    ongoing: bool

    @property
    def responded(self) -> bool | None:
        return responded(self.response)

    @property
    def relief_days(self) -> int | None:
        return None if self.relief is None else self.relief.relief_days(self.end)

    @property
    def censored(self) -> bool:
        return self.relief is not None and self.relief.censored_by is not None

    @property
    def relief_is_over(self) -> bool:
        """Pain is seen to be back: relief end known, or hidden in a gap but clearly over."""
        return self.relief is not None and (
            self.relief.relief_end is not None or self.relief.returned
        )


def analyse_courses(
    series: PainSeries, courses: list[Course], as_of: int, settings: AnalysisSettings
) -> list[CourseOutcome]:
    """Outcomes in date order; each course's baseline may lean on the one before it.

    Baselines are means of the pain as logged (design.md §3); best pain and relief are
    judged on the series with single bad days toned down (`without_bad_days`).
    """
    diary = _Diary(series, without_bad_days(series), noise_sd(series))
    outcomes: list[CourseOutcome] = []
    for index, course in enumerate(courses):
        following = courses[index + 1] if index + 1 < len(courses) else None
        next_start = following.start.toordinal() if following is not None else None
        earlier = _as_earlier(outcomes[-1]) if outcomes else None
        outcomes.append(_analyse(diary, course, next_start, as_of, earlier, settings))
    return outcomes


@dataclass(frozen=True)
class _Diary:
    """The pain series as logged, with single bad days toned down, and its day-to-day noise."""

    logged: PainSeries
    cleaned: PainSeries
    noise: float


def _as_earlier(outcome: CourseOutcome) -> EarlierCourse:
    relief = outcome.relief
    return EarlierCourse(
        baseline=outcome.baseline,
        responded=outcome.responded,
        relief_over_by=relief.relief_end if relief is not None else None,
        relief_seen_until=relief.seen_until if relief is not None and not relief.returned else None,
    )


def _analyse(
    diary: _Diary,
    course: Course,
    next_start: int | None,
    as_of: int,
    earlier: EarlierCourse | None,
    settings: AnalysisSettings,
) -> CourseOutcome:
    series = diary.logged
    end = course.end.toordinal()
    last = as_of if next_start is None else min(as_of, next_start - 1)
    window = ReliefWindow(course_end=end, last=last, next_course_start=next_start)
    baseline = course_baseline(series, course.start.toordinal(), earlier, settings)
    best, response = _best_and_response(diary, end, last, baseline, settings)
    relief = _relief(diary, window, baseline, best, settings)
    ongoing = next_start is None and (relief is None or relief.censored_by is not None)
    if relief is not None and relief.returned:
        ongoing = False
    return CourseOutcome(course, end, baseline, best, response, relief, ongoing)


def _best_and_response(
    diary: _Diary, end: int, last: int, baseline: Baseline | None, settings: AnalysisSettings
) -> tuple[float | None, ResponseClass]:
    """Best pain and its IMMPACT class; with only 1–2 entries, a class only when it is clear.

    A mean of n noisy scores is uncertain by about σ/√n (σ the patient's own day-to-day
    noise); the course is classed only when 2 such errors either way cannot change whether
    it responded (e.g. a single score of 1 against a baseline of 7 is clearly a response).
    """
    pain = baseline.pain if baseline is not None else None
    best = best_underlying_pain(diary.cleaned, end, last, settings)
    if best is not None:
        return best, classify_response(pain, best, settings)
    few = few_entries_level(diary.cleaned, end, last, settings)
    if few is None:
        return None, ResponseClass.INSUFFICIENT_DATA
    level, count = few
    response = classify_with_margin(pain, level, FEW_ENTRIES_Z * diary.noise / count**0.5, settings)
    return (None, response) if response is ResponseClass.INSUFFICIENT_DATA else (level, response)


def _relief(
    diary: _Diary,
    window: ReliefWindow,
    baseline: Baseline | None,
    best: float | None,
    settings: AnalysisSettings,
) -> ReliefFinding | None:
    if baseline is None:
        return None
    threshold = baseline.pain * settings.relief_fraction
    if best is not None and best > threshold + NO_RELIEF_MARGIN:
        return ReliefFinding(relief_end=window.first)
    return find_relief_end(diary.cleaned, window, threshold, settings, diary.noise)


def to_insight(outcome: CourseOutcome) -> CourseInsight:
    """The §4 JSON view of a course: baseline and best pain to 1 decimal, percent whole."""
    baseline = outcome.baseline.pain if outcome.baseline is not None else None
    best, relief, infusions = outcome.best, outcome.relief, outcome.course.infusions
    pct = relief_pct(baseline, best) if baseline is not None and best is not None else None
    return CourseInsight(
        start=infusions[0].date,
        end=infusions[-1].date,
        infusions=len({infusion.date for infusion in infusions}),
        baseline_pain=None if baseline is None else round(baseline, 1),
        best_pain=None if best is None else round(best, 1),
        best_relief_pct=None if pct is None else round(pct),
        response=outcome.response,
        responded=responded(outcome.response),
        relief_end=None if relief is None else _date(relief.relief_end),
        relief_days=None if relief is None else relief.relief_days(outcome.end),
        censored=relief is not None and relief.censored_by is not None,
        ongoing=outcome.ongoing,
    )


def _date(day: int | None) -> dt.date | None:
    return None if day is None else dt.date.fromordinal(day)


__all__ = ["CensorReason", "CourseOutcome", "analyse_courses", "to_insight"]
