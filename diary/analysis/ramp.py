"""Placing the return of pain to the day: a "low – straight rise – high" fit around it.

A 7-day smoother finds *that* pain came back, but blurs *when*: a sudden return is smeared
over a week. Around the day the smoother found, the raw scores are fitted (least squares) by a
low level, a straight rise between two knots, and a high level. The return is the first day the
fitted line is above the threshold. Prefix sums make each knot pair cost a handful of
arithmetic operations.

The rise lasts 2, 4 or 8 days (`RAMP_LENGTHS`, a doubling grid), not every length from 1 to 8:
with scores scattered by about ±1 point, neighbouring lengths fit a dozen days almost equally
well, and the crossing is interpolated along the rise whichever is chosen. Leaving out the
one-day rise was measured, not derived: on simulated cohorts the grid places returns as
accurately as every length did (within 0.3 points) or better, better on average
(docs/analysis.md), while fitting about 30 knot pairs instead of 78. Its cost: a perfectly
sudden, noise-free return is fitted as a two-day rise and may be placed a day off (early after
a shallow relief, late after a deep one).
"""

from __future__ import annotations

import math
from itertools import accumulate
from operator import mul

from diary.analysis.series import PainSeries

NEIGHBOURHOOD_DAYS = 6
MAX_SHIFT_DAYS = 4

RAMP_LENGTHS = (2, 4, 8)
"""How many days a fitted rise may last (k2 − k1)."""
MAX_RAMP_DAYS = RAMP_LENGTHS[-1]


def _prefix_sums(series: PainSeries, first: int, last: int) -> list[list[float]]:
    """Prefix sums of n, x, x², y, xy over days first..last (missing days add nothing).

    They are whole numbers, held as floats: float arithmetic on them is exact, and the fit
    below then runs on floats only, which CPython handles faster than mixed int and float.
    """
    low, high = series.position(first), series.position(last + 1)
    size = last - first + 1
    marks, ys = [0.0] * size, [0.0] * size
    for day, score in zip(series.days[low:high], series.scores[low:high], strict=True):
        marks[day - first], ys[day - first] = 1.0, score
    xs, squares = _XS[:size], _SQUARES[:size]
    return [
        list(accumulate(marks, initial=0.0)),
        list(accumulate(map(mul, xs, marks), initial=0.0)),
        list(accumulate(map(mul, squares, marks), initial=0.0)),
        list(accumulate(ys, initial=0.0)),
        list(accumulate(map(mul, xs, ys), initial=0.0)),
    ]


_XS = [float(x) for x in range(2 * NEIGHBOURHOOD_DAYS + 1)]
_SQUARES = [x * x for x in _XS]


def _best_ramp(columns: list[list[float]], centre: int) -> tuple[int, int, float, float] | None:
    """Knots (k1, k2) and levels (low, high) of the least-squares low–rise–high fit.

    Minimising the residual sum of squares is maximising cov(w, y)² / var(w) over the knot
    pairs, where w is 0 before k1, rises linearly to 1 at k2 and stays 1 (k2 − k1 one of
    `RAMP_LENGTHS`, k2 within the neighbourhood); only rising fits
    (positive covariance) count. The rise must reach past `centre` − MAX_SHIFT_DAYS and start
    before `centre` + MAX_SHIFT_DAYS, as the answer may not move further than that.
    """
    pn, px, pxx, py, pxy = columns
    size = len(pn) - 1
    n, sy = pn[size], py[size]
    best_gain, best = 1e-9, None
    at_k2 = list(zip(pn, px, pxx, py, pxy, [n - count for count in pn], strict=True))
    k2_floor = centre - MAX_SHIFT_DAYS
    for k1 in range(-1, min(size, centre + MAX_SHIFT_DAYS + 1)):
        an, ax, axx, ay, axy, _ = at_k2[k1 + 1 if k1 >= 0 else 0]
        knot, twice, square = float(k1), 2.0 * k1, float(k1 * k1)
        for length, inv in _LENGTHS:
            k2 = k1 + length
            if k2 < k2_floor:
                continue
            if k2 > size:
                break
            bn, bx, bxx, by, bxy, hn = at_k2[k2]
            rn, rx = bn - an, bx - ax
            sw = (rx - knot * rn) * inv + hn
            cov = (bxy - axy - knot * (by - ay)) * inv + sy - by - sw * sy / n
            if cov <= 0:
                continue
            var_w = (bxx - axx - twice * rx + square * rn) * inv * inv + hn - sw * sw / n
            if var_w > 1e-12 and cov * cov > best_gain * var_w:
                best_gain = cov * cov / var_w + 1e-9
                low = (sy - cov / var_w * sw) / n
                best = (k1, k2, low, low + cov / var_w)
    return best


_LENGTHS = tuple((length, 1 / length) for length in RAMP_LENGTHS)
"""Each rise length k2 − k1 with its inverse."""


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
