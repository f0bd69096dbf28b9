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
from itertools import accumulate, repeat
from operator import mul, sub

from diary.analysis.series import PainSeries

NEIGHBOURHOOD_DAYS = 6
MAX_SHIFT_DAYS = 4

RAMP_LENGTHS = (2, 4, 8)
"""How many days a fitted rise may last (k2 − k1)."""
MAX_RAMP_DAYS = RAMP_LENGTHS[-1]


Row = tuple[float, float, float, float, float, float]
"""Prefix sums before one day of the neighbourhood: n, Σx, Σx², Σy, Σxy, and n from it on."""


def _prefix_rows(series: PainSeries, first: int, last: int, low: int, high: int) -> list[Row]:
    """Row k: the sums over days first..first+k−1 (missing days add nothing), k = 0..size.

    `low` and `high` are the positions of `first` and `last + 1` in the series. The sums are
    whole numbers, held as floats: float arithmetic on them is exact, and the fit below then
    runs on floats only, which CPython handles faster than mixed int and float.
    """
    size = last - first + 1
    marks, ys = [0.0] * size, [0.0] * size
    for day, score in zip(series.days[low:high], series.scores[low:high], strict=True):
        marks[day - first], ys[day - first] = 1.0, score
    xs, squares = _XS[:size], _SQUARES[:size]
    counts = list(accumulate(marks, initial=0.0))
    return list(
        zip(
            counts,
            accumulate(map(mul, xs, marks), initial=0.0),
            accumulate(map(mul, squares, marks), initial=0.0),
            accumulate(ys, initial=0.0),
            accumulate(map(mul, xs, ys), initial=0.0),
            map(sub, repeat(counts[-1]), counts),
            strict=True,
        )
    )


_XS = [float(x) for x in range(2 * NEIGHBOURHOOD_DAYS + 1)]
_SQUARES = [x * x for x in _XS]

KnotPlan = tuple[int, int, float, float, float, tuple[tuple[int, float], ...]]
"""One first knot k1: k1, its row, k1 as a float, 2·k1, k1², and each (k2, 1 / (k2 − k1))."""


def _knot_plan(size: int, centre: int) -> tuple[KnotPlan, ...]:
    """The knot pairs `_best_ramp` fits, in its order: k1 ascending, then the rise length.

    The rise must reach past `centre` − MAX_SHIFT_DAYS and start before `centre` +
    MAX_SHIFT_DAYS, as the answer may not move further than that; k2 stays within the
    neighbourhood (≤ `size`).
    """
    plan: list[KnotPlan] = []
    for k1 in range(-1, min(size, centre + MAX_SHIFT_DAYS + 1)):
        pairs = tuple(
            (k1 + length, inverse)
            for length, inverse in _LENGTHS
            if centre - MAX_SHIFT_DAYS <= k1 + length <= size
        )
        if pairs:
            plan.append((k1, max(k1 + 1, 0), float(k1), 2.0 * k1, float(k1 * k1), pairs))
    return tuple(plan)


_LENGTHS = tuple((length, 1 / length) for length in RAMP_LENGTHS)
"""Each rise length k2 − k1 with its inverse."""
_NEIGHBOURHOOD_SIZE = 2 * NEIGHBOURHOOD_DAYS + 1
_KNOT_PLANS = [
    [_knot_plan(size, centre) for centre in range(_NEIGHBOURHOOD_SIZE + 1)]
    for size in range(_NEIGHBOURHOOD_SIZE + 1)
]
"""Every plan a neighbourhood can need, worked out once: the fit then only does arithmetic."""


def _best_ramp(rows: list[Row], centre: int) -> tuple[int, int, float, float] | None:
    """Knots (k1, k2) and levels (low, high) of the least-squares low–rise–high fit.

    Minimising the residual sum of squares is maximising cov(w, y)² / var(w) over the knot
    pairs of `_knot_plan`, where w is 0 before k1, rises linearly to 1 at k2 and stays 1;
    only rising fits (positive covariance) count.
    """
    size = len(rows) - 1
    n, sy = rows[size][0], rows[size][3]
    best_gain, best = 1e-9, None
    in_table = 0 <= centre <= _NEIGHBOURHOOD_SIZE and size <= _NEIGHBOURHOOD_SIZE
    plan = _KNOT_PLANS[size][centre] if in_table else _knot_plan(size, centre)
    for k1, a_row, knot, twice, square, pairs in plan:
        an, ax, axx, ay, axy, _ = rows[a_row]
        for k2, inv in pairs:
            bn, bx, bxx, by, bxy, hn = rows[k2]
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


def place_return(series: PainSeries, found: int, first: int, last: int, threshold: float) -> int:
    """The day pain came back above `threshold`, refined around the smoother's day `found`."""
    low_day = max(first, found - NEIGHBOURHOOD_DAYS)
    high_day = min(last, found + NEIGHBOURHOOD_DAYS)
    low, high = series.position(low_day), series.position(high_day + 1)
    if high - low < 4:  # too few entries to fit four parameters
        return found
    fitted = _best_ramp(_prefix_rows(series, low_day, high_day, low, high), found - low_day)
    if fitted is None:
        return found
    k1, k2, low_level, high_level = fitted
    if not low_level <= threshold < high_level:
        return found
    crossing = k1 + (k2 - k1) * (threshold - low_level) / (high_level - low_level)
    day = low_day + math.floor(crossing) + 1
    return min(max(day, found - MAX_SHIFT_DAYS, first), found + MAX_SHIFT_DAYS)
