"""Grouping infusion days into courses (design.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from diary.domain.infusion import Infusion

MAX_DAYS_BETWEEN_INFUSIONS_IN_A_COURSE = 3
"""A Mon–Fri series with a weekend gap (Fri→Mon is 3 days) stays one course."""


@dataclass(frozen=True)
class Course:
    """A run of infusions whose consecutive dates are at most 3 days apart."""

    infusions: tuple[Infusion, ...]

    @property
    def start(self) -> dt.date:
        return self.infusions[0].date

    @property
    def end(self) -> dt.date:
        return self.infusions[-1].date

    @property
    def infusion_days(self) -> tuple[dt.date, ...]:
        return tuple(sorted({infusion.date for infusion in self.infusions}))

    @property
    def total_dose_mg(self) -> float | None:
        doses = [i.dose_mg for i in self.infusions if i.dose_mg is not None]
        return sum(doses) if doses else None


def group_into_courses(
    infusions: Iterable[Infusion],
    max_gap_days: int = MAX_DAYS_BETWEEN_INFUSIONS_IN_A_COURSE,
) -> list[Course]:
    """Courses in date order; input order does not matter."""
    ordered = sorted(infusions, key=lambda infusion: (infusion.date, str(infusion.id)))
    courses: list[list[Infusion]] = []
    for infusion in ordered:
        if courses and (infusion.date - courses[-1][-1].date).days <= max_gap_days:
            courses[-1].append(infusion)
        else:
            courses.append([infusion])
    return [Course(tuple(run)) for run in courses]
