"""Placing the return of pain to the day: a "low – straight rise – high" fit around it.

A 7-day smoother finds *that* pain came back, but blurs *when*: a sudden return is smeared
over a week. Around the day the smoother found, the raw scores are fitted (least squares) by a
low level, a straight rise between two knots, and a high level; a sudden return is the rise of
one day. The return is the first day the fitted line is above the threshold. Prefix sums make
each knot pair cost a handful of arithmetic operations.
"""

from __future__ import annotations

import math

from diary.analysis.series import PainSeries

NEIGHBOURHOOD_DAYS = 6
MAX_SHIFT_DAYS = 4


MAX_RAMP_DAYS = 8


def _prefix_sums(series: PainSeries, first: int, last: int) -> list[list[int]]:
    """Prefix sums of n, x, x², y, xy over days first..last (missing days add nothing)."""
    columns: list[list[int]] = [[0], [0], [0], [0], [0]]
    n = sx = sxx = sy = sxy = 0
    for x, day in enumerate(range(first, last + 1)):
        y = series.by_day.get(day)
        if y is not None:
            n, sx, sxx, sy, sxy = n + 1, sx + x, sxx + x * x, sy + y, sxy + x * y
        for column, value in zip(columns, (n, sx, sxx, sy, sxy), strict=True):
            column.append(value)
    return columns


def _best_ramp(columns: list[list[int]], centre: int) -> tuple[int, int, float, float] | None:
    """Knots (k1, k2) and levels (low, high) of the least-squares low–rise–high fit.

    Minimising the residual sum of squares is maximising cov(w, y)² / var(w) over the knot
    pairs, where w is 0 before k1, rises linearly to 1 at k2 and stays 1; only rising fits
    (positive covariance) count. The rise must reach past `centre` − MAX_SHIFT_DAYS and start
    before `centre` + MAX_SHIFT_DAYS, as the answer may not move further than that.
    """
    pn, px, pxx, py, pxy = columns
    size = len(pn) - 1
    n, sy = pn[size], py[size]
    best_gain, best = 1e-9, None
    for k1 in range(-1, min(size, centre + MAX_SHIFT_DAYS + 1)):
        a = max(k1 + 1, 0)
        an, ax, axx, ay, axy = pn[a], px[a], pxx[a], py[a], pxy[a]
        for k2 in range(max(k1 + 1, centre - MAX_SHIFT_DAYS), min(size, k1 + MAX_RAMP_DAYS) + 1):
            inv = 1 / (k2 - k1)
            rn, rx, ry = pn[k2] - an, px[k2] - ax, py[k2] - ay
            hn = n - pn[k2]
            sw = (rx - k1 * rn) * inv + hn
            cov = (pxy[k2] - axy - k1 * ry) * inv + sy - py[k2] - sw * sy / n
            if cov <= 0:
                continue
            rxx = pxx[k2] - axx
            var_w = (rxx - 2 * k1 * rx + k1 * k1 * rn) * inv * inv + hn - sw * sw / n
            if var_w > 1e-12 and cov * cov > best_gain * var_w:
                best_gain = cov * cov / var_w + 1e-9
                low = (sy - cov / var_w * sw) / n
                best = (k1, k2, low, low + cov / var_w)
    return best


def place_return(series: PainSeries, found: int, first: int, last: int, threshold: float) -> int:
    """The day pain came back above `threshold`, refined around the smoother's day `found`."""
    low_day = max(first, found - NEIGHBOURHOOD_DAYS)
    high_day = min(last, found + NEIGHBOURHOOD_DAYS)
    columns = _prefix_sums(series, low_day, high_day)
    fitted = _best_ramp(columns, found - low_day) if columns[0][-1] >= 4 else None
    if fitted is None:
        return found
    k1, k2, low, high = fitted
    if not low <= threshold < high:
        return found
    crossing = k1 + (k2 - k1) * (threshold - low) / (high - low)
    day = low_day + math.floor(crossing) + 1
    return min(max(day, found - MAX_SHIFT_DAYS, first), found + MAX_SHIFT_DAYS)
