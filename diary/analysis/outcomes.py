"""Per-course outcome: baseline, response and relief, course by course in date order."""

from __future__ import annotations

import datetime as dt
import math
from operator import attrgetter
from typing import NamedTuple

from diary.analysis.baseline import Baseline, EarlierCourse, course_baseline
from diary.analysis.models import CourseInsight, ResponseClass, trusted
from diary.analysis.relief import CensorReason, ReliefFinding, ReliefWindow, find_relief_end
from diary.analysis.response import (
    best_underlying_pain,
    classify_response,
    classify_with_margin,
    few_entries_level,
    relief_pct,
    responded,
)
from diary.analysis.series import PainSeries, bad_day_spike, noise_sd, without_bad_days
from diary.domain.courses import Course
from diary.domain.settings import AnalysisSettings

NO_RELIEF_MARGIN = 0.3
SETTLED_POINTS = 1.5
"""A response read from the days before a next course stands when its best level is this
many points below the threshold (`_clearly_below`)."""
FEW_ENTRIES_Z = 2.0
_DATE = attrgetter("date")


class CourseOutcome(NamedTuple):
    """Everything the analysis found about one course, unrounded.

    `responded`, `relief_days` and `censored` follow from the other fields; they are worked
    out once, here, as the relief history, the maintenance suggestion, the flags and the
    JSON view all read them.
    """

    course: Course
    start: int
    """The course's first infusion day (an ordinal)."""
    end: int
    """The course's last infusion day (an ordinal)."""
    baseline: Baseline | None
    best: float | None
    response: ResponseClass
    relief: ReliefFinding | None
    """None when relief cannot be judged (no baseline)."""
    ongoing: bool
    responded: bool | None
    """`responded(response)`."""
    relief_days: int | None
    """relief_end − end, or the days relief was seen to last when censored; None unjudged."""
    censored: bool
    """The relief end is not known, only a lower bound."""

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
    judged on the series with single bad days toned down (`without_bad_days`), a bad day
    being a score that stands out from the patient's own scatter (`bad_day_spike`).
    """
    if not courses:
        return []
    noise = noise_sd(series)
    diary = _Diary(series, without_bad_days(series, bad_day_spike(noise)), noise)
    starts = [course.infusions[0].date.toordinal() for course in courses]
    next_starts: list[int | None] = [*starts[1:], None]
    outcomes: list[CourseOutcome] = []
    earlier: EarlierCourse | None = None
    for course, start, next_start in zip(courses, starts, next_starts, strict=True):
        outcome = _analyse(diary, course, start, next_start, as_of, earlier, settings)
        outcomes.append(outcome)
        earlier = _as_earlier(outcome)
    return outcomes


class _Diary(NamedTuple):
    """The pain series as logged, with single bad days toned down, and its day-to-day noise."""

    logged: PainSeries
    cleaned: PainSeries
    noise: float


def _as_earlier(outcome: CourseOutcome) -> EarlierCourse:
    relief = outcome.relief
    if relief is None:
        return EarlierCourse(outcome.baseline, outcome.responded, None, None)
    seen_until = None if relief.returned else relief.seen_until
    return EarlierCourse(outcome.baseline, outcome.responded, relief.relief_end, seen_until)


def _analyse(
    diary: _Diary,
    course: Course,
    start: int,
    next_start: int | None,
    as_of: int,
    earlier: EarlierCourse | None,
    settings: AnalysisSettings,
) -> CourseOutcome:
    end = course.infusions[-1].date.toordinal()
    last = as_of if next_start is None else min(as_of, next_start - 1)
    baseline = course_baseline(diary.logged, start, earlier, settings)
    best, response = _best_and_response(diary, end, last, baseline, settings)
    window = ReliefWindow(end, last, next_start)
    ruled_out = _shows_no_relief(baseline, best, settings)
    relief = _not_judged_yet(diary, window, ruled_out, response, settings)
    if relief is not None:
        best, response = None, ResponseClass.INSUFFICIENT_DATA
    else:
        relief = _relief(diary, window, baseline, best, ruled_out, settings)
    censored = relief is not None and relief.censored_by is not None
    returned = relief is not None and relief.returned
    return CourseOutcome(
        course=course,
        start=start,
        end=end,
        baseline=baseline,
        best=best,
        response=response,
        relief=relief,
        ongoing=next_start is None and (relief is None or censored) and not returned,
        responded=responded(response),
        relief_days=None if relief is None else relief.relief_days(end),
        censored=censored,
    )


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


def _not_judged_yet(
    diary: _Diary,
    window: ReliefWindow,
    ruled_out: bool,
    response: ResponseClass,
    settings: AnalysisSettings,
) -> ReliefFinding | None:
    """Relief censored at the course end when the diary cannot judge the course (yet), else None.

    Two cases, both `insufficient_data`: the first days after the course went unlogged and
    pain is back by the first entry (any relief fell in the unlogged days); or, at the end of
    the data within the 14 days a response is judged on, a single entry suggests no response.
    `ruled_out`: the best level shows no relief (`_shows_no_relief`).
    """
    end, last = window.course_end, window.last
    if ruled_out and _opening_unlogged(diary, end, last, settings):
        return _hidden_from_start(end)
    if _non_response_too_early(diary, window, response, settings):
        return ReliefFinding(None, CensorReason.END_OF_DATA, seen_until=end)
    return None


def _non_response_too_early(
    diary: _Diary, window: ReliefWindow, response: ResponseClass, settings: AnalysisSettings
) -> bool:
    """Is a non-response read from a single entry, with more entries still to come?

    A single score may be a bad day, lifted by points (two in a row are taken as real, as
    under `without_bad_days`); nothing lowers one by as much, so a clear response may still be
    read from one entry (`classify_with_margin`). While the 14-day response window is open at
    the end of the data, a non-response waits for the next entry. Once a next course has
    begun or the window is over, no more entries can come, and the one is judged as it is.
    """
    if window.next_course_start is not None or responded(response) is not False:
        return False
    if window.last >= window.course_end + settings.response_window_days:
        return False
    return diary.logged.count_between(window.first, window.last) == 1  # held back or not


def _shows_no_relief(
    baseline: Baseline | None, best: float | None, settings: AnalysisSettings
) -> bool:
    """Is the best level clearly above the relief threshold (no relief to look for)?"""
    if baseline is None or best is None:
        return False
    return best > baseline.pain * settings.relief_fraction + NO_RELIEF_MARGIN


def _next_course_within_response_window(window: ReliefWindow, settings: AnalysisSettings) -> bool:
    """Did the next course start within the days a response is judged on (days 1–14)?

    The days before it then cannot settle whether there was relief at all: without that
    course, the days after it would be read too, and could rule relief out or show it. So
    the best level alone does not end relief, and a return the relief scan places after the
    first day does not either (`_cut_short_before_judged`): a later course may only censor an
    earlier one, never move its end (design.md §3, a property test checks it).
    """
    start = window.next_course_start
    return start is not None and start <= window.course_end + settings.response_window_days


def _opening_unlogged(diary: _Diary, end: int, last: int, settings: AnalysisSettings) -> bool:
    """Were the first days after the course left unlogged, longer than a gap is bridged?

    That is more than `max_bridged_gap_days` days in a row from the day after the course,
    all within the window (a window that ends sooner is judged as usual).
    """
    hidden_through = end + settings.max_bridged_gap_days + 1
    return hidden_through <= last and diary.logged.count_between(end + 1, hidden_through) == 0


def _hidden_from_start(end: int) -> ReliefFinding:
    """Relief, if any, fell in the unlogged days after the course: censored at the course end.

    Pain is back by the first entry, so the course is not ongoing; how much it helped, and for
    how long, the diary cannot say ("at least 0 days", response `insufficient_data`).
    """
    return ReliefFinding(None, CensorReason.GAP, seen_until=end, returned=True)


def _relief(
    diary: _Diary,
    window: ReliefWindow,
    baseline: Baseline | None,
    best: float | None,
    ruled_out: bool,
    settings: AnalysisSettings,
) -> ReliefFinding | None:
    """Relief end from the relief scan, or the day after the course when there was none
    (`ruled_out`: the best level shows no relief). A next course within the 14 days a
    response is judged on may leave the course censored instead (`_cut_short_before_judged`)."""
    if baseline is None:
        return None
    cut_short = _next_course_within_response_window(window, settings)
    threshold = baseline.pain * settings.relief_fraction
    if ruled_out and not cut_short:
        no_relief = ReliefFinding(relief_end=window.first)
        return _unless_pain_below_later(diary, window, threshold, settings, no_relief)
    relief_seen = best is not None and best < threshold
    found = find_relief_end(diary.cleaned, window, threshold, settings, diary.noise, relief_seen)
    if not relief_seen and found.relief_end is not None:
        found = _unless_pain_below_later(diary, window, threshold, settings, found)
    returned_later = found.relief_end is not None and found.relief_end > window.first
    if cut_short and returned_later and not _clearly_below(best, threshold):
        return _cut_short_before_judged(window)
    return found


def _unless_pain_below_later(
    diary: _Diary,
    window: ReliefWindow,
    threshold: float,
    settings: AnalysisSettings,
    found: ReliefFinding,
) -> ReliefFinding:
    """`found`, the relief end of a course whose relief was not seen, unless the days after
    the response window contradict it: then censored at the course end, "at least 0 days".

    The best level of days 1–14 can hide a relief that is there: a flare early in those
    days, or a relief just below the threshold read through noise. If the window ends (the
    next course, or as_of) before the `later_relief_days` that follow are over, and their
    pain is clearly below the threshold (`_pain_below_later`), the diary cannot say the
    relief ended on the day after the course, nor how long it lasted. The reason is what
    ended the window. The response class is left as the best level gave it.
    """
    if not _pain_below_later(diary, window, threshold, settings):
        return found
    next_start = window.next_course_start
    reason = CensorReason.END_OF_DATA if next_start is None else CensorReason.NEXT_COURSE
    return ReliefFinding(None, reason, seen_until=window.course_end)


def _pain_below_later(
    diary: _Diary, window: ReliefWindow, threshold: float, settings: AnalysisSettings
) -> bool:
    """Does the window end before the last of the `later_relief_days` after the response
    window, and is their mean score below the threshold by `later_relief_z` standard errors
    (noise / √entries)?

    Those days are read through any next course, up to as_of: so the answer does not depend on
    when a next course started, only on whether one did before those days were over, and a
    later course can only ever censor an earlier one, never move its end
    (design.md §3; a property test checks it).
    """
    first = window.course_end + settings.response_window_days + 1
    last = first + settings.later_relief_days - 1
    if settings.later_relief_z == 0 or window.last >= last:
        return False
    mean, count = diary.cleaned.mean_between(first, last)
    if mean is None or count < settings.later_relief_min_entries:
        return False
    return mean < threshold - settings.later_relief_z * diary.noise / math.sqrt(count)


def _clearly_below(best: float | None, threshold: float) -> bool:
    """Is the best level so far below the threshold that more scores could not lift it over?

    The rest of the 14 days were seen to raise a best level read from the days before a next
    course by up to 1.3 points (random diaries, docs/analysis.md), never by `SETTLED_POINTS`.
    """
    return best is not None and best <= threshold - SETTLED_POINTS


def _cut_short_before_judged(window: ReliefWindow) -> ReliefFinding:
    """Censored by the next course at 0 days: the days it cut off decide the relief end.

    The next course started within the 14 days a response is judged on, and the scan places
    a return after the first day, but the days before the next course do not settle whether
    there was relief: their best level is above the threshold, or too close below it
    (`_clearly_below`). Without the next course, the full 14 days might have ruled relief
    out (relief ending the day after the course) or shown the same return; the diary cannot
    say which, so relief is said to have lasted at least 0 days, and a later course only
    ever censors an earlier one, never moves its end.
    """
    return ReliefFinding(None, CensorReason.NEXT_COURSE, seen_until=window.course_end)


def to_insight(outcome: CourseOutcome) -> CourseInsight:
    """The §4 JSON view of a course: baseline and best pain to 1 decimal, percent whole.

    Every value is already of its field's type (`float()` makes sure of the two that
    validation would otherwise turn into floats), so the model is built without validating.
    """
    baseline = outcome.baseline.pain if outcome.baseline is not None else None
    best, relief, infusions = outcome.best, outcome.relief, outcome.course.infusions
    pct = relief_pct(baseline, best) if baseline is not None and best is not None else None
    return trusted(
        CourseInsight,
        start=infusions[0].date,
        end=infusions[-1].date,
        infusions=len(set(map(_DATE, infusions))),
        baseline_pain=None if baseline is None else float(round(baseline, 1)),
        best_pain=None if best is None else float(round(best, 1)),
        best_relief_pct=None if pct is None else round(pct),
        response=outcome.response,
        responded=outcome.responded,
        relief_end=None if relief is None else _date(relief.relief_end),
        relief_days=outcome.relief_days,
        censored=outcome.censored,
        ongoing=outcome.ongoing,
    )


def _date(day: int | None) -> dt.date | None:
    return None if day is None else dt.date.fromordinal(day)


__all__ = ["CensorReason", "CourseOutcome", "analyse_courses", "to_insight"]
