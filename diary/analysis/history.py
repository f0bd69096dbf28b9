"""The patient's relief history and its censoring-aware median (Kaplan–Meier).

A censored course says "relief lasted at least N days". Dropping it would bias the median
down (the longest reliefs are the ones most often cut short by a booster); counting N as if
relief had ended there would do the same. The Kaplan–Meier estimate keeps such a course in the
"still in relief" group up to day N and then leaves it out, which uses exactly what is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from diary.analysis.outcomes import CourseOutcome

HALF = 0.5
EXACTLY = 1e-12


class ReliefSpell(NamedTuple):
    """How long one course's relief lasted; `ended` False means "at least `days`"."""

    days: int
    ended: bool


def relief_history(outcomes: Iterable[CourseOutcome]) -> list[ReliefSpell]:
    """Relief spells of the courses that responded and whose relief could be judged.

    A return hidden in a gap counts as "at least" the days seen, like any censored course.
    """
    spells: list[ReliefSpell] = []
    for outcome in outcomes:
        days = outcome.relief_days
        if outcome.responded and days is not None:
            spells.append(ReliefSpell(days, ended=not outcome.censored))
    return spells


def median_relief_days(spells: Sequence[ReliefSpell]) -> float | None:
    """Kaplan–Meier median relief in days; None when over half the spells never ended.

    The median is the first day at which the estimated share still in relief is at most a
    half; when it is exactly a half, the midpoint to the next ending (as for an ordinary
    median of an even count). Without censoring this is the ordinary median.
    """
    ended_on = Counter(spell.days for spell in spells if spell.ended)
    endings = sorted(ended_on)
    at_risk = len(spells)
    still_in_relief = 1.0
    ordered = sorted(spells, key=lambda spell: spell.days)
    position = 0
    for index, day in enumerate(endings):
        while position < len(ordered) and ordered[position].days < day:
            position += 1
            at_risk -= 1
        still_in_relief *= 1 - ended_on[day] / at_risk
        if still_in_relief <= HALF + EXACTLY:
            if abs(still_in_relief - HALF) <= EXACTLY and index + 1 < len(endings):
                return (day + endings[index + 1]) / 2
            return float(day)
    return None
