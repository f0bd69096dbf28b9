"""Response to a course, by the IMMPACT thresholds (Dworkin et al., J Pain 2008;9:105-121)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import mul

from diary.analysis.models import ResponseClass
from diary.analysis.series import PainSeries
from diary.domain.settings import AnalysisSettings

TOLERANCE = 1e-9
"""Keeps 49.999999% from missing a 50% threshold through float rounding."""


def best_underlying_pain(
    series: PainSeries, course_end: int, window_last: int, settings: AnalysisSettings
) -> float | None:
    """Best (lowest) underlying pain in days 1..14 after the course end, before any next course.

    Taking the lowest of 14 noisy daily levels would favour lucky days and overstate the
    improvement, so the level is read from one fit to all of those days instead: flat (the
    relief) up to some day, then rising in a straight line (the fade), or flat throughout,
    whichever the Bayesian information criterion prefers. The flat part's level is the answer.
    """
    first, last = course_end + 1, min(window_last, course_end + settings.response_window_days)
    days = series.logged_between(first, last)
    if len(days) < settings.smoothing_min_entries:
        return None
    xs = [float(day - course_end) for day in days]
    ys = list(map(float, series.scores_between(first, last)))
    return flat_then_rising_level(xs, ys, settings.smoothing_min_entries)


def flat_then_rising_level(xs: Sequence[float], ys: Sequence[float], min_flat: int) -> float:
    """Level of the flat part of the best flat-then-rising fit (see `best_underlying_pain`).

    Three shapes compete by BIC: flat throughout; flat, then a straight-line rise (a slow
    fade); flat, then a step up to a second level (a quick fade followed by the baseline).
    Each candidate knot needs the sums over the entries after it, kept as running sums while
    the knots are visited from the last one back, so each costs a few operations. Days and
    scores are whole numbers held as floats, so every sum is exact whatever the order of
    adding (and the arithmetic is float-only, faster in CPython than mixed int and float).
    Visiting backwards, a candidate replaces an equally good one found later in the forward
    order (`<=`), so ties go to the earliest knot, and at one knot the rise beats the step.
    """
    entries = len(ys)
    n = float(entries)
    total_y, total_yy = sum(ys), sum(map(mul, ys, ys))
    mean = total_y / n
    flat_sse = total_yy - total_y * mean
    no_step_sse = total_yy - total_y * total_y / n
    best_sse, best_level = math.inf, mean
    count = sx = sxx = high_y = high_yy = sxy = 0.0  # sums over the entries after the knot
    for index in range(entries - 1, min_flat - 1, -1):
        x, y = xs[index], ys[index]
        count += 1.0
        sx += x
        sxx += x * x
        high_y += y
        high_yy += y * y
        sxy += x * y
        knot = xs[index - 1]
        # One level up to `knot`, a higher one after it (no step up fits as flat).
        low_y = total_y - high_y
        low_mean, high_mean = low_y / (n - count), high_y / count
        if high_mean <= low_mean:
            if no_step_sse <= best_sse:
                best_sse, best_level = no_step_sse, mean
        else:
            sse = (total_yy - high_yy) - low_y * low_mean + high_yy - high_y * high_mean
            if sse <= best_sse:
                best_sse, best_level = sse, low_mean
        # Flat up to `knot`, then a straight rise (no rise fits as flat).
        z_sum = sx - knot * count
        z_mean = z_sum / n
        szz = sxx - 2.0 * knot * sx + knot * knot * count - z_sum * z_mean
        szy = sxy - knot * high_y - z_mean * total_y
        slope = szy / szz if szz > 1e-12 else 0.0
        slope = slope if slope > 0.0 else 0.0  # no falling fade
        sse = flat_sse - slope * szy
        if sse <= best_sse:
            best_sse, best_level = sse, mean - slope * z_mean
    return best_level if _bic(best_sse, n, 3) < _bic(flat_sse, n, 1) else mean


def _bic(sse: float, n: float, parameters: int) -> float:
    return n * math.log(max(sse, 1e-9) / n) + parameters * math.log(n)


def few_entries_level(
    series: PainSeries, course_end: int, window_last: int, settings: AnalysisSettings
) -> tuple[float, int] | None:
    """Mean and count of the 1–2 entries in days 1..14 when there are too few for the fit."""
    scores = series.scores_between(
        course_end + 1, min(window_last, course_end + settings.response_window_days)
    )
    if not scores or len(scores) >= settings.smoothing_min_entries:
        return None
    return sum(scores) / len(scores), len(scores)


def classify_with_margin(
    baseline: float | None, best: float, margin: float, settings: AnalysisSettings
) -> ResponseClass:
    """The class of `best` when `best ± margin` (its noise) cannot change whether the course
    responded; `insufficient_data` when it could."""
    if baseline is None:
        return ResponseClass.INSUFFICIENT_DATA
    hopeful = classify_response(baseline, best - margin, settings)
    doubtful = classify_response(baseline, best + margin, settings)
    if responded(hopeful) != responded(doubtful):
        return ResponseClass.INSUFFICIENT_DATA
    return classify_response(baseline, best, settings)


def relief_pct(baseline: float, best: float) -> float | None:
    """How much lower than baseline `best` is, in percent; None for a baseline of 0."""
    return (baseline - best) / baseline * 100 if baseline > 0 else None


def classify_response(
    baseline: float | None, best: float | None, settings: AnalysisSettings
) -> ResponseClass:
    """`substantial` ≥50% or ≥4 points lower, `response` ≥30% or ≥2, `minimal` ≥10%, else `none`."""
    if baseline is None or best is None:
        return ResponseClass.INSUFFICIENT_DATA
    points = baseline - best + TOLERANCE
    pct = relief_pct(baseline, best)
    pct = -1.0 if pct is None else pct + TOLERANCE
    if pct >= settings.substantial_pct or points >= settings.substantial_points:
        return ResponseClass.SUBSTANTIAL
    if pct >= settings.response_pct or points >= settings.response_points:
        return ResponseClass.RESPONSE
    if pct >= settings.minimal_pct:
        return ResponseClass.MINIMAL
    return ResponseClass.NONE


def responded(response: ResponseClass) -> bool | None:
    """True for a (substantial) response, False for minimal or none, None when unknown."""
    if response is ResponseClass.INSUFFICIENT_DATA:
        return None
    return response in (ResponseClass.RESPONSE, ResponseClass.SUBSTANTIAL)
