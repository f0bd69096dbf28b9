"""Who a simulated patient is: how much pain, how noisy, how diligent, how they respond."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, replace
from enum import StrEnum


class PatientKind(StrEnum):
    """How a simulated patient's courses tend to work."""

    RESPONDER = "responder"
    PARTIAL = "partial"
    """Courses bring a minimal (10–29%) improvement only."""
    NON_RESPONDER = "non_responder"


@dataclass(frozen=True)
class PatientProfile:
    """The settings of one simulated patient; every random draw comes from these."""

    baseline_pain: float
    """Untreated pain level, NRS 0–10."""
    noise_sd: float
    """Day-to-day scatter of the logged score around the underlying level (before rounding)."""
    missing_share: float
    """Share of single days left unlogged at random (5–25%)."""
    gaps_per_year: float
    """Multi-day gaps (3–10 days unlogged: holidays, illness)."""
    bad_day_share: float
    """Share of days with a flare of 2–4 points above the underlying level."""
    kind: PatientKind
    typical_relief_days: float
    """Days a course's full relief usually lasts before it starts to fade."""
    typical_fade_days: float
    """Days the fade from full relief back to baseline usually takes."""
    early_booster_share: float
    """Share of courses followed by a booster before relief has ended."""
    drift_points: float
    """Slow seasonal wander of the untreated pain level, in points."""


def random_profile(rng: random.Random) -> PatientProfile:
    """A plausible patient: mostly responders, relief lasting from days to months."""
    roll = rng.random()
    kind = (
        PatientKind.RESPONDER
        if roll < 0.75
        else PatientKind.NON_RESPONDER
        if roll < 0.9
        else PatientKind.PARTIAL
    )
    return PatientProfile(
        baseline_pain=rng.uniform(4.5, 8.5),
        noise_sd=rng.uniform(0.4, 0.8),
        missing_share=rng.uniform(0.05, 0.25),
        gaps_per_year=rng.uniform(0, 4),
        bad_day_share=rng.uniform(0, 0.04),
        kind=kind,
        typical_relief_days=min(120.0, max(2.0, math.exp(rng.gauss(math.log(20), 0.8)))),
        typical_fade_days=rng.uniform(1, 10),
        early_booster_share=rng.uniform(0.1, 0.4),
        drift_points=rng.uniform(0, 0.4),
    )


MAX_MISSING_SHARE = 0.6
"""A strained diary still has more than a third of its days logged."""


@dataclass(frozen=True)
class Strain:
    """Diaries harder to read than the drawn patients': a robustness check (docs/analysis.md).

    `noise` multiplies the day-to-day scatter and `missing` the share of single days left
    unlogged. The courses and the noise-free pain stay those of the plain patient. With
    `noise` alone every random draw stays the same too; with `missing`, the scores are drawn
    afresh (a day's score is drawn only when it is logged, so the later draws shift).
    """

    noise: float = 1.0
    missing: float = 1.0

    def applied(self, profile: PatientProfile) -> PatientProfile:
        """`profile` with its scatter and its missing days scaled."""
        if self.noise == 1.0 and self.missing == 1.0:
            return profile
        return replace(
            profile,
            noise_sd=profile.noise_sd * self.noise,
            missing_share=min(MAX_MISSING_SHARE, profile.missing_share * self.missing),
        )
