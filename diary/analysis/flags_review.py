"""Review flags: patterns over several days or courses, to raise at the next appointment.

Each flag is dated on the day its pattern is first complete and raised once per episode, so
its key stays the same as the diary grows and an acknowledgement keeps applying.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress, pairwise

from diary.analysis.models import Flag, Tier
from diary.analysis.outcomes import CourseOutcome
from diary.analysis.view import DiaryView
from diary.domain.settings import AnalysisSettings

RAISE = "Please raise this at your next appointment."


def review_flags(view: DiaryView, settings: AnalysisSettings) -> Iterator[Flag]:
    """Every review-tier flag in the diary."""
    s = settings
    yield from _symptom_runs(
        view.facts.bladder_hit_days,
        s,
        "bladder_symptoms",
        f"Bladder symptoms of {s.bladder_review_score}/10 or more",
        "Ketamine can irritate the bladder.",
    )
    yield from _symptom_runs(
        view.facts.nausea_hit_days,
        s,
        "nausea",
        f"Nausea of {s.nausea_review_min}–{s.nausea_review_max}/10",
    )
    yield from _poor_sleep(view.facts.poor_sleep_days, settings)
    yield from _pain_above_baseline(view, settings)
    yield from _bladder_rising(view, settings)
    yield from _relief_shrinking(view.outcomes, settings)


def _review(day: dt.date, rule: str, message: str) -> Flag:
    return Flag(date=day, tier=Tier.REVIEW, rule=f"review.{rule}", message=f"{message} {RAISE}")


def run_ends(hit_days: Iterable[int], length: int) -> list[int]:
    """Days on which `length` consecutive calendar days among `hit_days` (ascending) first occur.

    Hit days are logged days, so consecutive hit days are consecutive logged days.
    """
    completed: list[int] = []
    run, previous = 0, None
    for day in hit_days:
        run = run + 1 if run and previous == day - 1 else 1
        if run == length:
            completed.append(day)
        previous = day
    return completed


def _symptom_runs(
    hit_days: Sequence[int], s: AnalysisSettings, rule: str, symptom: str, note: str = ""
) -> Iterator[Flag]:
    """A flag on the day each run of `consecutive_days` hit days in a row is complete."""
    for ordinal in run_ends(hit_days, s.consecutive_days):
        day = dt.date.fromordinal(ordinal)
        text = f"{symptom} on {s.consecutive_days} days in a row up to {day.isoformat()}."
        yield _review(day, rule, f"{text} {note}" if note else text)


def _poor_sleep(poor: Sequence[int], s: AnalysisSettings) -> Iterator[Flag]:
    """Sleep quality ≤ 3 on 5 of 7 days: flagged on the day the fifth poor night is logged."""
    in_episode = False
    for index, day in enumerate(poor):
        count = index + 1 - bisect_left(poor, day - s.poor_sleep_window_days + 1, 0, index + 1)
        if count >= s.poor_sleep_days and not in_episode:
            text = (
                f"Poor sleep quality ({s.poor_sleep_quality}/10 or less) on {count} of the "
                f"{s.poor_sleep_window_days} days up to {dt.date.fromordinal(day).isoformat()}."
            )
            yield _review(dt.date.fromordinal(day), "poor_sleep", text)
        in_episode = count >= s.poor_sleep_days


def _periods(view: DiaryView) -> zip[tuple[CourseOutcome, int]]:
    """Each course with the last day of its period: the day before the next course, or as_of."""
    outcomes = view.outcomes
    lasts = [outcome.start - 1 for outcome in outcomes[1:]]
    if outcomes:
        lasts.append(view.as_of.toordinal())
    return zip(outcomes, lasts, strict=True)


def _pain_above_baseline(view: DiaryView, s: AnalysisSettings) -> Iterator[Flag]:
    series, points = view.series, s.pain_above_baseline_points
    for outcome, last in _periods(view):
        if outcome.baseline is None:
            continue
        limit = outcome.baseline.pain + points
        period = series.scores_between(outcome.end + 1, last)
        if not period or max(period) < limit:
            continue  # no day reaches the limit (the usual case): no run to look for
        days = series.logged_between(outcome.end + 1, last)
        hit_days = compress(days, map(limit.__le__, period))
        for day in run_ends(hit_days, s.consecutive_days):
            text = (
                f"Pain {points:g} or more points above your baseline "
                f"({outcome.baseline.pain:.1f}) on {s.consecutive_days} days in a row up to "
                f"{dt.date.fromordinal(day).isoformat()}, after the course that ended on "
                f"{outcome.course.end.isoformat()}."
            )
            yield _review(dt.date.fromordinal(day), "pain_above_baseline", text)


def _bladder_rising(view: DiaryView, s: AnalysisSettings) -> Iterator[Flag]:
    """Average worst bladder score per course period rising across 3 courses in a row."""
    days, worst = view.facts.bladder_days, view.facts.bladder_worst
    if len(view.outcomes) < 3 or not days:
        return
    averages: list[tuple[CourseOutcome, float]] = []
    for outcome, period_last in _periods(view):
        low, high = bisect_left(days, outcome.start), bisect_right(days, period_last)
        if high > low:
            averages.append((outcome, sum(worst[low:high]) / (high - low)))
    for first, middle, last in zip(averages, averages[1:], averages[2:], strict=False):
        rising = first[1] < middle[1] < last[1]
        if rising and last[1] - first[1] >= s.bladder_rise_points:
            shown = " → ".join(f"{average:.1f}" for _, average in (first, middle, last))
            text = f"Your bladder symptom scores rose over 3 courses in a row ({shown} on average)."
            yield _review(last[0].course.start, "bladder_rising", text)


def _relief_shrinking(outcomes: Sequence[CourseOutcome], s: AnalysisSettings) -> Iterator[Flag]:
    """Relief that ended (not censored) getting shorter over 3 responding courses in a row."""
    spells = [
        (outcome.relief.relief_end, outcome.relief.relief_end - outcome.end)
        for outcome in outcomes
        if outcome.responded and outcome.relief is not None and outcome.relief.relief_end
    ]
    n = s.shrinking_courses
    for start in range(len(spells) - n + 1):
        lengths = [days for _, days in spells[start : start + n]]
        shrinking = all(a > b for a, b in pairwise(lengths))
        if shrinking and lengths[-1] <= lengths[0] * (1 - s.shrinking_min_pct / 100):
            shown = ", ".join(map(str, lengths))
            text = f"Relief got shorter over {n} courses in a row ({shown} days)."
            ended = dt.date.fromordinal(spells[start + n - 1][0])
            yield _review(ended, "relief_shrinking", text)
