"""Response to a course, by the IMMPACT thresholds (Dworkin et al., J Pain 2008;9:105-121)."""

from __future__ import annotations

import math

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
    days = series.logged_between(
        course_end + 1, min(window_last, course_end + settings.response_window_days)
    )
    if len(days) < settings.smoothing_min_entries:
        return None
    xs = [day - course_end for day in days]
    ys = [float(series.by_day[day]) for day in days]
    return flat_then_rising_level(xs, ys, settings.smoothing_min_entries)


def flat_then_rising_level(xs: list[int], ys: list[float], min_flat: int) -> float:
    """Level of the flat part of the best flat-then-rising fit (see `best_underlying_pain`).

    Three shapes compete by BIC: flat throughout; flat, then a straight-line rise (a slow
    fade); flat, then a step up to a second level (a quick fade followed by the baseline).
    Suffix sums make every candidate knot cost a few operations.
    """
    n = len(ys)
    total_y, total_yy = sum(ys), sum(y * y for y in ys)
    mean = total_y / n
    flat_sse = total_yy - total_y * mean
    best_sse, best_level = math.inf, mean
    tail_n = tail_x = tail_xx = tail_y = tail_yy = tail_xy = 0.0
    tails = []
    for x, y in zip(reversed(xs), reversed(ys), strict=True):
        tail_n, tail_x, tail_xx = tail_n + 1, tail_x + x, tail_xx + x * x
        tail_y, tail_yy, tail_xy = tail_y + y, tail_yy + y * y, tail_xy + x * y
        tails.append((tail_n, tail_x, tail_xx, tail_y, tail_yy, tail_xy))
    tails.reverse()
    for index in range(min_flat - 1, n - 1):
        after = tails[index + 1]
        for level, sse in (
            _rise_after(xs[index], after, n, total_y, flat_sse),
            _step_after(after, n, total_y, total_yy),
        ):
            if sse < best_sse:
                best_sse, best_level = sse, level
    return best_level if _bic(best_sse, n, 3) < _bic(flat_sse, n, 1) else mean


Sums = tuple[float, float, float, float, float, float]


def _rise_after(
    knot: int, after: Sums, n: int, total_y: float, flat_sse: float
) -> tuple[float, float]:
    """(flat level, SSE) of flat up to `knot`, then a straight rise; no rise fits as flat."""
    count, sx, sxx, sy, _, sxy = after
    z_sum = sx - knot * count
    z_mean = z_sum / n
    szz = sxx - 2 * knot * sx + knot * knot * count - z_sum * z_mean
    szy = sxy - knot * sy - z_mean * total_y
    slope = max(0.0, szy / szz) if szz > 1e-12 else 0.0
    return total_y / n - slope * z_mean, flat_sse - slope * szy


def _step_after(after: Sums, n: int, total_y: float, total_yy: float) -> tuple[float, float]:
    """(low level, SSE) of one level before the split and a higher one after it."""
    count, _, _, high_y, high_yy, _ = after
    low_n, low_y = n - count, total_y - high_y
    low_mean, high_mean = low_y / low_n, high_y / count
    if high_mean <= low_mean:
        return total_y / n, total_yy - total_y * total_y / n
    low_sse = (total_yy - high_yy) - low_y * low_mean
    return low_mean, low_sse + high_yy - high_y * high_mean


def _bic(sse: float, n: int, parameters: int) -> float:
    return n * math.log(max(sse, 1e-9) / n) + parameters * math.log(n)


def few_entries_level(
    series: PainSeries, course_end: int, window_last: int, settings: AnalysisSettings
) -> tuple[float, int] | None:
    """Mean and count of the 1–2 entries in days 1..14 when there are too few for the fit."""
    days = series.logged_between(
        course_end + 1, min(window_last, course_end + settings.response_window_days)
    )
    if not days or len(days) >= settings.smoothing_min_entries:
        return None
    return sum(series.by_day[day] for day in days) / len(days), len(days)


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
