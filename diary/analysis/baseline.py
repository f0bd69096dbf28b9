"""Baseline pain of a course (design.md §3): the level relief is measured against."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from diary.analysis.series import PainSeries
from diary.domain.settings import AnalysisSettings

RETURN_DAY_SLACK = 2
"""Days a relief end may be placed too early: the ±2 days the relief end is measured to
(docs/analysis.md, "Accuracy on simulated diaries")."""


class BaselineSource(StrEnum):
    """Where a course's baseline came from, so every number can be traced to its days."""

    DAYS_BEFORE = "days_before"
    """Mean of the 7 days before the course (≥ 4 entries)."""
    WIDENED = "widened"
    """Mean of the 14 days before the course (≥ 4 entries)."""
    CARRIED_FORWARD = "carried_forward"
    """The previous course's baseline: the days before were still in its relief."""
    PREVIOUS_COURSE = "previous_course"
    """The previous course's baseline: too few entries before this course."""


class Baseline(NamedTuple):
    """A course's baseline pain and how it was found."""

    pain: float
    source: BaselineSource


class EarlierCourse(NamedTuple):
    """What the baseline of a course needs to know about the course before it."""

    baseline: Baseline | None
    responded: bool | None
    relief_over_by: int | None
    """Day relief was seen to be over (relief end); None when not seen to end."""
    relief_seen_until: int | None
    """Last day relief was seen while censored; None when it ended or was never seen."""


def course_baseline(
    series: PainSeries, start: int, earlier: EarlierCourse | None, settings: AnalysisSettings
) -> Baseline | None:
    """Mean pain over the 7 (else 14) days before `start`, or the previous course's baseline."""
    measured = _measured(series, start, settings)
    previous = earlier.baseline if earlier is not None else None
    if previous is None or earlier is None:
        return measured
    if measured is None:
        return Baseline(previous.pain, BaselineSource.PREVIOUS_COURSE)
    if _still_in_earlier_relief(measured, start, earlier, previous, settings):
        return Baseline(previous.pain, BaselineSource.CARRIED_FORWARD)
    return measured


def _measured(series: PainSeries, start: int, settings: AnalysisSettings) -> Baseline | None:
    for days, source in (
        (settings.baseline_days, BaselineSource.DAYS_BEFORE),
        (settings.baseline_wide_days, BaselineSource.WIDENED),
    ):
        mean, count = series.mean_between(start - days, start - 1)
        if mean is not None and count >= settings.baseline_min_entries:
            return Baseline(mean, source)
    return None


def _still_in_earlier_relief(
    measured: Baseline,
    start: int,
    earlier: EarlierCourse,
    previous: Baseline,
    settings: AnalysisSettings,
) -> bool:
    """Were the baseline days inside the previous course's relief (a booster given early)?

    Yes when the baseline days' own mean is still at relief level (at or below 70% of the
    previous baseline), or when the previous course responded and its relief was seen to last
    into the baseline days, or to within `RETURN_DAY_SLACK` days before them: the day a return
    is placed on may be that many days early, and a week that begins in the fade back to the
    usual pain reads the baseline low (so the threshold falls to the relief level).
    """
    if measured.pain <= previous.pain * settings.relief_fraction:
        return True
    if earlier.responded is False:
        return False
    window_days = (
        settings.baseline_days
        if measured.source is BaselineSource.DAYS_BEFORE
        else settings.baseline_wide_days
    )
    first_day_judged = start - window_days - RETURN_DAY_SLACK
    if earlier.relief_over_by is not None and earlier.relief_over_by > first_day_judged:
        return True
    seen_until = earlier.relief_seen_until
    return seen_until is not None and seen_until >= first_day_judged
