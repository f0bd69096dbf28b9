"""The pain scores of a diary as a day-indexed series, and its underlying (smoothed) level.

Days are proleptic ordinals (`date.toordinal()`), so arithmetic on them is plain integers.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

TRIMMED_CHI2_MEAN = 0.623
"""Mean of a χ²(1) variable below its 90th percentile: corrects the trimmed noise estimate."""


@dataclass(frozen=True)
class PainSeries:
    """Logged `pain` by day; days with no entry are simply absent."""

    by_day: dict[int, int]
    days: tuple[int, ...]
    """The logged days in ascending order."""

    @classmethod
    def from_scores(cls, scores: Iterable[tuple[int, int]]) -> PainSeries:
        by_day = dict(scores)
        return cls(by_day, tuple(sorted(by_day)))

    def logged_between(self, first: int, last: int) -> tuple[int, ...]:
        """Logged days in [first, last]."""
        return self.days[bisect_left(self.days, first) : bisect_right(self.days, last)]

    def count_between(self, first: int, last: int) -> int:
        return bisect_right(self.days, last) - bisect_left(self.days, first)

    def mean_between(self, first: int, last: int) -> tuple[float | None, int]:
        """Mean pain over the logged days in [first, last], and how many there were."""
        days = self.logged_between(first, last)
        if not days:
            return None, 0
        by_day = self.by_day
        return sum(by_day[day] for day in days) / len(days), len(days)

    def last_logged_at_or_before(self, day: int, not_before: int) -> int | None:
        index = bisect_right(self.days, day) - 1
        if index >= 0 and self.days[index] >= not_before:
            return self.days[index]
        return None


def noise_sd(series: PainSeries, floor: float = 0.3) -> float:
    """Day-to-day scatter of the scores around the underlying level (a standard deviation).

    From the differences between scores of consecutive days: var(y[d+1] − y[d]) ≈ 2σ² when
    the level changes slowly. The largest tenth of the differences (returns, flares) is left
    out, so one return of pain does not count as noise; `floor` keeps the estimate sensible
    for a diary of identical scores.
    """
    days, by_day = series.days, series.by_day
    squares = sorted(
        (by_day[after] - by_day[before]) ** 2
        for before, after in itertools.pairwise(days)
        if after == before + 1
    )
    kept = squares[: max(1, len(squares) * 9 // 10)] if squares else []
    if not kept:
        return 1.0
    return max(floor, math.sqrt(sum(kept) / len(kept) / 2 / TRIMMED_CHI2_MEAN))


def without_bad_days(series: PainSeries, spike: int = 2, reach: int = 2) -> PainSeries:
    """The series with single bad days toned down, for judging relief.

    A score at least `spike` points above both neighbouring entries (each within `reach`
    days) is replaced by the higher neighbour: one flare day says nothing about the
    underlying level. Two bad days in a row are kept, and so is the first day of a real
    return, because the day after it is high too.
    """
    days, by_day = series.days, series.by_day
    cleaned = dict(by_day)
    for index in range(1, len(days) - 1):
        before, day, after = days[index - 1], days[index], days[index + 1]
        if day - before > reach or after - day > reach:
            continue
        neighbours = max(by_day[before], by_day[after])
        if by_day[day] - neighbours >= spike:
            cleaned[day] = neighbours
    return PainSeries(cleaned, days)


def underlying_level(
    series: PainSeries, day: int, first: int, last: int, half_width: int, min_entries: int
) -> float | None:
    """Estimated noise-free pain on `day` from the entries of day ± half_width within [first, last].

    A straight line is fitted through those entries (local linear regression) and read at
    `day`, so a missing day on one side does not drag the estimate towards the other side of a
    rising or falling stretch. With entries on one side only, their plain mean is used. The
    result stays within the range of the entries used, so it never extrapolates. None when
    fewer than `min_entries` entries are available: that day is hidden by a gap.
    """
    low, high = max(first, day - half_width), min(last, day + half_width)
    days = series.days
    logged = days[bisect_left(days, low) : bisect_right(days, high)]
    n = len(logged)
    if n < min_entries:
        return None
    by_day = series.by_day
    pains = [by_day[other] for other in logged]
    mean = sum(pains) / n
    if logged[0] >= day or logged[-1] <= day:
        return mean
    xs = [other - day for other in logged]
    sum_x = sum(xs)
    spread = sum(x * x for x in xs) - sum_x * sum_x / n
    slope = (sum(x * y for x, y in zip(xs, pains, strict=True)) - sum_x * mean) / spread
    level = mean - slope * sum_x / n
    return min(max(level, min(pains)), max(pains))
