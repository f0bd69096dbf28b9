"""When a simulated patient gets infusions, and how well each course works."""

from __future__ import annotations

import random
from dataclasses import dataclass

from diary.analysis.models import ResponseClass
from diary.simulation.curves import TRUE_RELIEF_FRACTION, CoursePlan, PainModel
from diary.simulation.profile import PatientKind, PatientProfile

MIN_DAYS_BETWEEN_COURSES = 4
"""More than the 3-day course gap, so simulated courses group exactly as planned."""
CLASS_DEPTHS: dict[ResponseClass, tuple[float, float]] = {
    ResponseClass.SUBSTANTIAL: (0.5, 0.85),
    ResponseClass.RESPONSE: (0.3, 0.5),
    ResponseClass.MINIMAL: (0.1, 0.3),
    ResponseClass.NONE: (0.0, 0.1),
}
CLASS_MIX: dict[PatientKind, tuple[tuple[ResponseClass, float], ...]] = {
    PatientKind.RESPONDER: (
        (ResponseClass.SUBSTANTIAL, 0.55),
        (ResponseClass.RESPONSE, 0.37),
        (ResponseClass.MINIMAL, 0.04),
        (ResponseClass.NONE, 0.04),
    ),
    PatientKind.PARTIAL: ((ResponseClass.MINIMAL, 0.8), (ResponseClass.NONE, 0.2)),
    PatientKind.NON_RESPONDER: ((ResponseClass.NONE, 0.85), (ResponseClass.MINIMAL, 0.15)),
}
PCT_CUTS = (10.0, 30.0, 50.0)
POINT_CUTS = (2.0, 4.0)


@dataclass(frozen=True)
class Margins:
    """How far a course's true improvement stays from the IMMPACT cut-offs (0 = anywhere).

    A week of ±1-point scores pins a baseline down to about ±0.4 points (±6%), so a course
    whose true improvement sits on a cut-off cannot be classed reliably by any method.
    """

    pct: float = 3.0
    """From every percentage cut-off (10, 30, 50)."""
    points: float = 0.3
    """From every point cut-off (2, 4)."""
    responded_pct: float = 12.0
    """From the 30% cut-off that separates responding from not responding."""
    responded_points: float = 0.8
    """Below the 2-point cut-off, for courses that do not respond."""

    def allows(self, depth: float, baseline: float) -> bool:
        pct, points = depth * 100, depth * baseline
        if any(abs(pct - cut) < self.pct for cut in PCT_CUTS):
            return False
        if any(abs(points - cut) < self.points for cut in POINT_CUTS):
            return False
        if abs(pct - 30) < self.responded_pct:
            return False
        return pct >= 30 or points <= 2 - self.responded_points


def _class_of(depth: float, baseline: float) -> ResponseClass:
    pct, points = depth * 100, depth * baseline
    if pct >= 50 or points >= 4:
        return ResponseClass.SUBSTANTIAL
    if pct >= 30 or points >= 2:
        return ResponseClass.RESPONSE
    return ResponseClass.MINIMAL if pct >= 10 else ResponseClass.NONE


def draw_depth(rng: random.Random, profile: PatientProfile, margins: Margins) -> float:
    """A course's true improvement, of a class typical of the patient, clear of the cut-offs."""
    classes, weights = zip(*CLASS_MIX[profile.kind], strict=True)
    target = rng.choices(classes, weights)[0]
    low, high = CLASS_DEPTHS[target]
    depth = rng.uniform(low, high)
    for _ in range(200):
        depth = rng.uniform(low, high)
        baseline = profile.baseline_pain
        if _class_of(depth, baseline) is target and margins.allows(depth, baseline):
            return depth
    return depth


def _weekdays_from(day: int, count: int, first_weekday: int) -> tuple[int, ...]:
    """`count` Monday–Friday days from `day` on (day 0 falls on `first_weekday`, Monday = 0)."""
    days: list[int] = []
    while len(days) < count:
        if (first_weekday + day) % 7 < 5:
            days.append(day)
        day += 1
    return tuple(days)


def _next_monday(day: int, first_weekday: int) -> int:
    return day + (-(first_weekday + day)) % 7


def _infusion_days(
    rng: random.Random, day: int, loading: bool, first_weekday: int
) -> tuple[int, ...]:
    if loading:
        return _weekdays_from(_next_monday(day, first_weekday), rng.choice((5, 10)), first_weekday)
    return tuple(range(day, day + rng.choice((1, 1, 2))))


def plan_courses(
    rng: random.Random,
    profile: PatientProfile,
    model: PainModel,
    days: int,
    first_weekday: int,
    margins: Margins,
) -> list[CoursePlan]:
    """Courses from a few weeks into the diary until its end: a loading series, then boosters."""
    plans: list[CoursePlan] = []
    day = rng.randint(21, 45)
    while True:
        loading = not plans or rng.random() < 0.2
        infusion_days = _infusion_days(rng, day, loading, first_weekday)
        if infusion_days[-1] >= days - 1:
            return plans
        plan = CoursePlan(
            infusion_days=infusion_days,
            depth=draw_depth(rng, profile, margins),
            full_relief_days=max(0, round(profile.typical_relief_days * rng.uniform(0.75, 1.25))),
            fade_days=max(1, round(profile.typical_fade_days * rng.uniform(0.6, 1.4))),
            smooth_fade=rng.random() < 0.5,
        )
        plans.append(plan)
        day = _next_course_day(rng, profile, model, plans)


def _next_course_day(
    rng: random.Random, profile: PatientProfile, model: PainModel, plans: list[CoursePlan]
) -> int:
    """A booster before relief ends, or a wait of days to weeks after it has ended."""
    plan = plans[-1]
    relief_end = model.true_relief_end(tuple(plans), len(plans) - 1, TRUE_RELIEF_FRACTION)
    relief_days = relief_end - plan.last
    if plan.depth >= 0.3 and relief_days > 8 and rng.random() < profile.early_booster_share:
        return plan.last + max(MIN_DAYS_BETWEEN_COURSES, round(relief_days * rng.uniform(0.4, 0.9)))
    if plan.depth < 0.3:
        return plan.last + rng.randint(25, 70)
    return max(relief_end, plan.last + MIN_DAYS_BETWEEN_COURSES) + rng.randint(3, 35)
