"""How a simulated patient fills in the diary: which days, and what they write."""

from __future__ import annotations

import datetime as dt
import random

from diary.domain.entry import DailyEntry
from diary.simulation.profile import PatientProfile


def logged_days(rng: random.Random, profile: PatientProfile, days: int) -> list[bool]:
    """Which days have an entry: random single misses plus a few multi-day gaps."""
    logged = [rng.random() >= profile.missing_share for _ in range(days)]
    gaps = _poisson(rng, profile.gaps_per_year * days / 365)
    for _ in range(gaps):
        first = rng.randrange(days)
        for day in range(first, min(days, first + rng.randint(3, 10))):
            logged[day] = False
    logged[-1] = True
    return logged


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; means here are small."""
    limit, count, product = pow(2.718281828459045, -mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _score(value: float) -> int:
    return min(10, max(0, round(value)))


def make_entry(
    rng: random.Random,
    profile: PatientProfile,
    day: dt.date,
    underlying_pain: float,
    infusion_day: bool,
) -> DailyEntry:
    """The entry a patient writes on a day whose noise-free pain is `underlying_pain`.

    The logged pain scatters about ±1 point around it (rounded to a whole score), with an
    occasional bad day. Side effects stay mild, so a simulated diary raises no urgent flags.
    """
    flare = rng.uniform(2, 4) if rng.random() < profile.bad_day_share else 0.0
    pain = _score(underlying_pain + rng.gauss(0, profile.noise_sd) + flare)
    return DailyEntry(
        date=day,
        pain=pain,
        pain_worst=min(10, pain + rng.randint(0, 2)),
        mood=_score(8.5 - 0.6 * underlying_pain + rng.gauss(0, 1)),
        sleep_hours=round(rng.uniform(5, 8.5) * 4) / 4,
        sleep_quality=_score(9 - 0.5 * underlying_pain + rng.gauss(0, 1)),
        dissociation=rng.randint(2, 6) if infusion_day else 0,
        nausea=rng.randint(0, 3) if infusion_day else 0,
        urinary_frequency=rng.randint(0, 2),
        bladder_pain=0,
    )
