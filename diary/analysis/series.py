"""The pain scores of a diary as a day-indexed series, and its underlying (smoothed) level.

Days are proleptic ordinals (`date.toordinal()`), so arithmetic on them is plain integers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


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
    by_day = series.by_day
    n = sum_x = sum_y = sum_xx = sum_xy = 0
    lowest, highest = 10, 0
    first_x = last_x = 0
    for other in range(low, high + 1):
        pain = by_day.get(other)
        if pain is None:
            continue
        x = other - day
        if not n:
            first_x = x
        last_x = x
        n += 1
        sum_x += x
        sum_y += pain
        sum_xx += x * x
        sum_xy += x * pain
        if pain < lowest:
            lowest = pain
        if pain > highest:
            highest = pain
    if n < min_entries:
        return None
    mean = sum_y / n
    if first_x >= 0 or last_x <= 0:
        return mean
    spread = sum_xx - sum_x * sum_x / n
    slope = (sum_xy - sum_x * sum_y / n) / spread
    level = mean - slope * sum_x / n
    return min(max(level, lowest), highest)
