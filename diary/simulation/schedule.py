"""When a simulated patient gets infusions, and how well each course works."""

from __future__ import annotations

import dataclasses
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
RELIEF_LINE_PCT = round((1 - TRUE_RELIEF_FRACTION) * 100)
"""Relief ends when pain is back above 70% of baseline: 30% below it."""
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

    def clear_of_relief_line(self, share: float) -> bool:
        """Is a level `share` below baseline clear of the line relief ends at (30% below)?"""
        return abs(share * 100 - RELIEF_LINE_PCT) >= self.responded_pct


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
    return depth_of_class(rng, rng.choices(classes, weights)[0], profile, margins)


def depth_of_class(
    rng: random.Random, target: ResponseClass, profile: PatientProfile, margins: Margins
) -> float:
    """A depth of class `target` against the patient's usual pain, clear of the cut-offs if
    one is found in 200 draws (else the last draw)."""
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
        plans.append(_clear_of_cutoffs(plan, plans, profile, model, days, margins))
        day = _next_course_day(rng, profile, model, plans)


REDRAW_TRIES = 200
"""Depth redraws within the course's class, then as many of any class the patient has."""


def true_improvement(
    model: PainModel, plans: tuple[CoursePlan, ...], days: int
) -> tuple[float, float] | None:
    """The last course's true improvement (share, baseline) by the simulator's truth.

    Its true baseline against the best noise-free pain of days 1–14 after it (the truth's
    window when no next course comes sooner), the earlier courses' relief included.
    """
    index, plan = len(plans) - 1, plans[-1]
    best = model.lowest_pain(plans, plan.last + 1, min(days - 1, plan.last + 14))
    if best is None:
        return None
    baseline = model.true_baseline(plans, index)
    return (baseline - best) / baseline, baseline


def held_relief(model: PainModel, plans: tuple[CoursePlan, ...], days: int) -> float | None:
    """How far below its true baseline pain is (a share) on the last course's last day of full
    relief, when that day is in the diary: the level its relief end is read from. Pain there
    is the lowest any course gives that day (an earlier course's relief may still be deeper).
    """
    index, plan = len(plans) - 1, plans[-1]
    held_until = plan.last + plan.full_relief_days
    if held_until >= days:
        return None
    baseline = model.true_baseline(plans, index)
    return (baseline - model.pain(held_until, plans)) / baseline


def clear_of_margins(
    model: PainModel, plans: tuple[CoursePlan, ...], days: int, margins: Margins
) -> bool:
    """Are the last course's true improvement and held relief clear of the cut-offs?"""
    improvement, held = true_improvement(model, plans, days), held_relief(model, plans, days)
    return (improvement is None or margins.allows(*improvement)) and (
        held is None or margins.clear_of_relief_line(held)
    )


def _clear_of_cutoffs(
    plan: CoursePlan,
    earlier: list[CoursePlan],
    profile: PatientProfile,
    model: PainModel,
    days: int,
    margins: Margins,
) -> CoursePlan:
    """`plan`, its depth redrawn if its *true* improvement falls inside the margins.

    `draw_depth` keeps the planned depth clear of the cut-offs against the patient's usual
    pain, but the truth measures against the course's own baseline: the seasonal drift, a
    baseline carried over from an earlier course and that course's remaining relief all move
    it. The level on the course's last day of full relief is kept clear of the 30% line too,
    as its relief end is read from there. Redraws keep the course's class when they can (so
    the patient's mix of classes stays as drawn), then try any class the patient has; when
    none is clear the plan is kept as it is. They come from a generator seeded by the plan,
    not from `rng`, so a course already clear leaves every later draw as it was.
    """
    if margins == Margins(0, 0, 0, 0) or clear_of_margins(model, (*earlier, plan), days, margins):
        return plan
    side = random.Random(repr(plan))  # noqa: S311 - reproducible, not a secret
    target = _class_of(plan.depth, profile.baseline_pain)
    for attempt in range(2 * REDRAW_TRIES):
        depth = (
            depth_of_class(side, target, profile, margins)
            if attempt < REDRAW_TRIES
            else draw_depth(side, profile, margins)
        )
        candidate = dataclasses.replace(plan, depth=depth)
        if clear_of_margins(model, (*earlier, candidate), days, margins):
            return candidate
    return plan


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
