"""`simulate_patient`: a realistic diary with known truth about every course.

Used to test the analysis against the truth (docs/analysis.md) and to fill a demo diary.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass

from diary.analysis.models import ResponseClass
from diary.analysis.response import classify_response
from diary.domain.entry import DailyEntry
from diary.domain.infusion import Infusion
from diary.domain.settings import AnalysisSettings
from diary.simulation.curves import TRUE_RELIEF_FRACTION, CoursePlan, PainModel
from diary.simulation.habits import logged_days, make_entry
from diary.simulation.profile import PatientProfile, Strain, random_profile
from diary.simulation.schedule import Margins, plan_courses

HIDING_GAP_DAYS = 5
"""A return inside (or right after) this many unlogged days in a row cannot be placed."""
DEFAULT_START = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class CourseTruth:
    """What really happened after one simulated course (from the noise-free pain)."""

    start: dt.date
    end: dt.date
    baseline_pain: float
    best_pain: float | None
    response: ResponseClass
    relief_end: dt.date
    """First day the noise-free pain exceeds 70% of baseline (may lie after the diary ends)."""
    relief_days: int
    censored_by: str | None
    """`next_course`, `end_of_data`, `gap` (the return is hidden by unlogged days) or None."""

    @property
    def censored(self) -> bool:
        return self.censored_by is not None

    @property
    def responded(self) -> bool:
        return self.response in (ResponseClass.RESPONSE, ResponseClass.SUBSTANTIAL)


@dataclass(frozen=True)
class SimulatedDiary:
    """A simulated patient's diary, and the truth to check the analysis against."""

    profile: PatientProfile
    entries: tuple[DailyEntry, ...]
    infusions: tuple[Infusion, ...]
    as_of: dt.date
    courses: tuple[CourseTruth, ...]
    underlying_pain: tuple[float, ...]
    """Noise-free pain of each diary day, from the first day."""


def simulate_patient(
    seed: int,
    days: int = 365,
    start: dt.date = DEFAULT_START,
    profile: PatientProfile | None = None,
    margins: Margins | None = None,
    strain: Strain | None = None,
) -> SimulatedDiary:
    """A diary of `days` days from `start`, reproducible from `seed`.

    Courses are drawn clear of the IMMPACT cut-offs by `margins` (by default 3 percentage
    points from each, 12 from the 30% line, and 0.3 NRS points); pass `Margins(0, 0, 0, 0)`
    for improvements anywhere on the scale.
    `strain` makes the diary noisier or sparser than the patient drawn (a robustness check).
    """
    rng = random.Random(seed)  # noqa: S311 - a reproducible simulation, not a secret
    profile = (strain or Strain()).applied(profile or random_profile(rng))
    model = PainModel(profile.baseline_pain, profile.drift_points, rng.uniform(0, 6.28))
    plans = plan_courses(rng, profile, model, days, start.weekday(), margins or Margins())
    underlying = tuple(model.pain(day, plans) for day in range(days))
    logged = logged_days(rng, profile, days)
    infusion_days = {day for plan in plans for day in plan.infusion_days}
    entries = tuple(
        make_entry(
            rng, profile, start + dt.timedelta(days=day), underlying[day], day in infusion_days
        )
        for day in range(days)
        if logged[day]
    )
    infusions = tuple(
        _infusion(rng, start + dt.timedelta(days=day)) for day in sorted(infusion_days)
    )
    planned = tuple(plans)
    truths = tuple(_truth(model, planned, index, logged, start) for index in range(len(plans)))
    as_of = start + dt.timedelta(days=days - 1)
    return SimulatedDiary(profile, entries, infusions, as_of, truths, underlying)


def _infusion(rng: random.Random, day: dt.date) -> Infusion:
    return Infusion(
        id=uuid.UUID(int=rng.getrandbits(128), version=4),
        date=day,
        dose_mg=float(rng.choice((35, 50, 70, 100))),
        duration_min=240,
    )


def _truth(
    model: PainModel,
    plans: tuple[CoursePlan, ...],
    index: int,
    logged: list[bool],
    start: dt.date,
) -> CourseTruth:
    plan = plans[index]
    own = plans[: index + 1]
    as_of = len(logged) - 1
    next_first = plans[index + 1].first if index + 1 < len(plans) else None
    relief_end = model.true_relief_end(plans, index, TRUE_RELIEF_FRACTION)
    baseline = model.true_baseline(plans, index)
    seen_last = min(as_of, plan.last + 14, (next_first or as_of + 1) - 1)
    best = model.lowest_pain(own, plan.last + 1, seen_last)
    return CourseTruth(
        start=start + dt.timedelta(days=plan.first),
        end=start + dt.timedelta(days=plan.last),
        baseline_pain=baseline,
        best_pain=best,
        response=classify_response(baseline, best, AnalysisSettings()),
        relief_end=start + dt.timedelta(days=relief_end),
        relief_days=relief_end - plan.last,
        censored_by=_censored_by(relief_end, plan.last, next_first, logged),
    )


def _censored_by(
    relief_end: int, course_end: int, next_first: int | None, logged: list[bool]
) -> str | None:
    """Why the diary cannot show this relief end, if it cannot.

    A gap hides a return when the return falls in, or right after, 5 or more unlogged days
    after the course (a course with no relief at all has nothing to hide).
    """
    if next_first is not None and relief_end >= next_first:
        return "next_course"
    if relief_end > len(logged) - 1:
        return "end_of_data"
    unlogged_run = 0
    day = relief_end - 1
    while day > course_end and not logged[day]:
        unlogged_run, day = unlogged_run + 1, day - 1
    day = relief_end
    while day < len(logged) and not logged[day]:
        unlogged_run, day = unlogged_run + 1, day + 1
    hidden = unlogged_run >= HIDING_GAP_DAYS and relief_end > course_end + 1
    return "gap" if hidden else None
