"""The noise-free pain of a simulated patient, and the truth about each course's relief.

Day numbers are indices from the first diary day (0). A course lowers pain by `depth` (a share
of the untreated level), building up over its infusion days; full relief holds for
`full_relief_days` after the last infusion, then fades back over `fade_days`. When courses
overlap (a booster given before relief ended), the stronger relief of the day wins.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass

DRIFT_PERIOD_DAYS = 240
TRUE_RELIEF_FRACTION = 0.7


@dataclass(frozen=True)
class CoursePlan:
    """One simulated course and the relief it truly brings."""

    infusion_days: tuple[int, ...]
    depth: float
    full_relief_days: int
    fade_days: int
    smooth_fade: bool
    """Fade along a half cosine (slow–fast–slow) instead of a straight line."""

    @property
    def first(self) -> int:
        return self.infusion_days[0]

    @property
    def last(self) -> int:
        return self.infusion_days[-1]

    def relief_share(self, day: int) -> float:
        """Share by which this course lowers pain on `day` (0 = none)."""
        if day < self.first:
            return 0.0
        if day <= self.last:
            return self.depth * (day - self.first + 1) / (self.last - self.first + 1)
        into_fade = day - self.last - self.full_relief_days
        if into_fade <= 0:
            return self.depth
        x = into_fade / self.fade_days
        if x >= 1:
            return 0.0
        remaining = (1 + math.cos(math.pi * x)) / 2 if self.smooth_fade else 1 - x
        return self.depth * remaining


@dataclass(frozen=True)
class PainModel:
    """Untreated pain with a slow drift, lowered by the courses given so far."""

    baseline_pain: float
    drift_points: float
    drift_phase: float

    def untreated(self, day: int) -> float:
        angle = 2 * math.pi * day / DRIFT_PERIOD_DAYS + self.drift_phase
        return self.baseline_pain + self.drift_points * math.sin(angle)

    def pain(self, day: int, plans: Sequence[CoursePlan]) -> float:
        """Noise-free pain on `day` given `plans` (only those started by then matter)."""
        relief = max((plan.relief_share(day) for plan in plans), default=0.0)
        return self.untreated(day) * (1 - relief)

    def lowest_pain(self, plans: Sequence[CoursePlan], first: int, last: int) -> float | None:
        """The lowest noise-free pain of days first..last given `plans`; None if no such day."""
        return min((self.pain(day, plans) for day in range(first, last + 1)), default=None)

    @functools.cache  # noqa: B019 - a few models live for one simulation; keys are tuples
    def true_baseline(
        self, plans: tuple[CoursePlan, ...], index: int, window_days: int = 7
    ) -> float:
        """Baseline by the rule of design.md §3, on noise-free pain.

        The mean noise-free pain of the 7 days before the course; if those days still fall
        inside the previous course's relief (a booster given early), that course's baseline.
        """
        first = plans[index].first
        earlier_end = self.true_relief_end(plans, index - 1, TRUE_RELIEF_FRACTION) if index else 0
        if index > 0 and earlier_end > first - window_days:
            return self.true_baseline(plans, index - 1, window_days)
        days = range(first - window_days, first)
        return sum(self.pain(day, plans[:index]) for day in days) / window_days

    @functools.cache  # noqa: B019
    def true_relief_end(self, plans: tuple[CoursePlan, ...], index: int, fraction: float) -> int:
        """First day after course `index` whose noise-free pain, from that course and the ones
        before it, exceeds `fraction` of its true baseline."""
        own = plans[: index + 1]
        threshold = fraction * self.true_baseline(plans, index)
        day = plans[index].last + 1
        while self.pain(day, own) <= threshold:
            day += 1
        return day
