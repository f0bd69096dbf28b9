"""The pain scores of a diary as a day-indexed series, and its underlying (smoothed) level.

Days are proleptic ordinals (`date.toordinal()`), so arithmetic on them is plain integers.
The series is built once per analysis with prefix sums (count, Σy, Σx, Σx², Σxy), so a mean,
a count or a local straight-line fit over any run of days costs a few integer operations
however long the diary is. The sums are exact integers, so every result is the same, to the
last bit, as summing the days one by one.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import floordiv, le, mul, sub

TRIMMED_CHI2_MEAN = 0.623
"""Mean of a χ²(1) variable below its 90th percentile: corrects the trimmed noise estimate."""
BAD_DAY_POINTS = 2
"""A single bad day stands at least this many points above both neighbouring entries..."""
BAD_DAY_NOISE_MULTIPLE = 2.5
"""...and at least this many times the patient's own day-to-day scatter (`bad_day_spike`)."""


@dataclass(frozen=True)
class PrefixSums:
    """Running sums over the logged days in order; entry i covers the first i logged days.

    x is the day minus the series' `origin`, so the numbers stay small. Σx, Σx² and Σxy are
    only kept for a series that local fits read (empty otherwise).
    """

    y: list[int]
    x: list[int]
    xx: list[int]
    xy: list[int]

    @classmethod
    def of(
        cls, xs: Sequence[int] | None, ys: Sequence[int], y: list[int] | None = None
    ) -> PrefixSums:
        """The sums of `xs` and `ys`; `y`, when given, is Σy already summed (not redone)."""
        if y is None:
            y = list(accumulate(ys, initial=0))
        if xs is None:
            return cls(y, [], [], [])
        return cls(
            y,
            list(accumulate(xs, initial=0)),
            list(accumulate(map(mul, xs, xs), initial=0)),
            list(accumulate(map(mul, xs, ys), initial=0)),
        )


@dataclass(frozen=True)
class PainSeries:
    """Logged `pain` by day; days with no entry are simply absent."""

    days: tuple[int, ...]
    """The logged days in ascending order."""
    scores: tuple[int, ...]
    """The score of each logged day, in the same order."""
    origin: int
    before: list[int]
    """before[i]: how many logged days come before day `origin` + i, up to the day after the
    last logged day (later days: all of them; earlier days: none)."""
    sums: PrefixSums

    @classmethod
    def build(cls, days: Sequence[int], scores: Sequence[int]) -> PainSeries:
        """The series of `scores` on `days` (ascending, each once), for means and counts."""
        origin = days[0] if days else 0
        marks = [0] * (days[-1] - origin + 1 if days else 0)
        for day in days:
            marks[day - origin] = 1
        before = list(accumulate(marks, initial=0))
        return cls(tuple(days), tuple(scores), origin, before, PrefixSums.of(None, scores))

    def for_fits(self, scores: Sequence[int]) -> PainSeries:
        """The same days with `scores`, with the sums local straight-line fits read.

        When `scores` are this series' own, their Σy is reused rather than summed again.
        """
        xs = list(map(sub, self.days, repeat(self.origin)))
        same = scores is self.scores
        sums = PrefixSums.of(xs, scores, self.sums.y if same else None)
        return PainSeries(self.days, tuple(scores), self.origin, self.before, sums)

    def position(self, day: int) -> int:
        """How many logged days come before `day`."""
        index = day - self.origin
        if index <= 0:
            return 0
        before = self.before
        return before[index] if index < len(before) else len(self.days)

    def logged_between(self, first: int, last: int) -> tuple[int, ...]:
        """Logged days in [first, last]."""
        return self.days[self.position(first) : self.position(last + 1)]

    def scores_between(self, first: int, last: int) -> tuple[int, ...]:
        """Scores of the logged days in [first, last]."""
        return self.scores[self.position(first) : self.position(last + 1)]

    def count_between(self, first: int, last: int) -> int:
        return max(0, self.position(last + 1) - self.position(first))

    def mean_between(self, first: int, last: int) -> tuple[float | None, int]:
        """Mean pain over the logged days in [first, last], and how many there were."""
        low, high = self.position(first), self.position(last + 1)
        if high <= low:
            return None, 0
        y = self.sums.y
        return (y[high] - y[low]) / (high - low), high - low

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

    Scores are 0–10, so each step's size fits in a byte: the kept squares are summed from
    how many steps there are of each size (C-level `bytes.count`) instead of sorting them.
    The sum is the same whole number either way, so the result is too.
    """
    days, scores = series.days, series.scores
    # 1 // (gap in days) is 1 for consecutive days and 0 otherwise.
    next_day = map(floordiv, repeat(1), map(sub, days[1:], days))
    sizes = bytes(map(abs, compress(map(sub, scores[1:], scores), next_day)))
    if not sizes:
        return 1.0
    kept = max(1, len(sizes) * 9 // 10)
    total, left = 0, kept
    for size in range(max(sizes) + 1):  # smallest steps first
        taken = min(sizes.count(size), left)
        total += size * size * taken
        left -= taken
    return max(floor, math.sqrt(total / kept / 2 / TRIMMED_CHI2_MEAN))


def bad_day_spike(noise: float) -> int:
    """How many points above both neighbouring entries make a single score a bad day.

    2 points, or 2.5 times the patient's day-to-day scatter `noise` (σ, rounded up to a whole
    score) when that is more. For a patient whose scores wander by about a point from day to
    day, a score 2 points above its neighbours is ordinary scatter, not a flare; toning such
    scores down, while the equally common low ones stay, would pull the level down and make
    returns read late.
    """
    return max(BAD_DAY_POINTS, math.ceil(BAD_DAY_NOISE_MULTIPLE * noise))


def without_bad_days(series: PainSeries, spike: int = BAD_DAY_POINTS) -> PainSeries:
    """The series with single bad days toned down, for judging relief.

    A score at least `spike` points above both neighbouring entries is replaced by the higher
    neighbour: one flare day says nothing about the underlying level. That holds however far
    the neighbours are: a high score between low ones with unlogged days around it is not a
    return either (relief does not come back without a course), and read as one it confirmed
    returns the weeks after contradicted. Two bad days in a row are kept, and so is the first
    day of a real return, because the day after it is high too. The diary's last entry has no
    day after it yet: when it is `spike` above the entry before it, it is held back (left out)
    until the next entry shows whether it was a bad day or the return, which is then seen one
    entry later. Only entries `spike` above the entry before them are looked at closely (found
    in one C-level pass). The result carries the sums that local straight-line fits read
    (`level_reader`).
    """
    days, scores = series.days, series.scores
    rises = map(sub, scores[1:-1], scores)
    candidates = compress(range(1, len(scores) - 1), map(le, repeat(spike), rises))
    cleaned: list[int] | None = None
    for index in candidates:
        low, high = scores[index - 1], scores[index + 1]
        higher = low if low > high else high
        if scores[index] - higher >= spike:
            cleaned = cleaned or list(scores)
            cleaned[index] = higher
    kept = scores if cleaned is None else cleaned
    if len(scores) >= 2 and scores[-1] - scores[-2] >= spike:
        held_back = PainSeries.build(days[:-1], kept[:-1])
        return held_back.for_fits(held_back.scores)  # its Σy is reused, not summed again
    return series.for_fits(kept)


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
    return level_reader(series, first, last, half_width, min_entries)(day)


def level_reader(
    series: PainSeries, first: int, last: int, half_width: int, min_entries: int
) -> Callable[[int], float | None]:
    """`underlying_level` within [first, last] as a function of the day, each day fitted once.

    With x = logged day − day, the sums Σx, Σx², Σxy are exact integers shifted from the
    prefix sums (whose x counts from the origin), so this equals summing the entries one by
    one. Everything it reads is bound once, as this is the innermost loop of the analysis.
    """
    days, scores, origin, before = series.days, series.scores, series.origin, series.before
    ys, xs, xxs, xys = series.sums.y, series.sums.x, series.sums.xx, series.sums.xy
    span, logged = len(before), len(days)
    known: dict[int, float | None] = {}

    def level(day: int) -> float | None:
        if day in known:
            return known[day]
        index = (day - half_width if day - half_width > first else first) - origin
        low = 0 if index <= 0 else (before[index] if index < span else logged)
        index = (day + half_width if day + half_width < last else last) + 1 - origin
        high = 0 if index <= 0 else (before[index] if index < span else logged)
        n = high - low
        if n < min_entries:
            known[day] = None
            return None
        raw_y = ys[high] - ys[low]
        fitted = raw_y / n  # the mean: the answer when all entries lie on one side
        if days[low] < day < days[high - 1]:
            shift = day - origin
            raw_x = xs[high] - xs[low]
            sum_x = raw_x - n * shift
            sum_xx = xxs[high] - xxs[low] - 2 * shift * raw_x + n * shift * shift
            sum_xy = xys[high] - xys[low] - shift * raw_y
            slope = (sum_xy - sum_x * fitted) / (sum_xx - sum_x * sum_x / n)
            fitted -= slope * sum_x / n
            # Kept within the scores used: never extrapolates. A fit between the first and
            # the last of those scores is within them all, and is found without a pass.
            edge, other_edge = scores[low], scores[high - 1]
            if not (edge <= fitted <= other_edge or other_edge <= fitted <= edge):
                pains = scores[low:high]
                lowest, highest = min(pains), max(pains)
                if fitted < lowest:
                    fitted = lowest
                elif fitted > highest:
                    fitted = highest
        known[day] = fitted
        return fitted

    return level
