"""Grouping infusion days into courses (design.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter, eq

from diary.domain.infusion import Infusion

_DATE = attrgetter("date")
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
    """Courses in date order; input order does not matter.

    Infusions on the same day are ordered by id, so the result does not depend on the input
    order; that second sort key is only built when two infusions share a day, as turning
    every id into a string is most of the cost of grouping a long diary. Gaps are measured
    on day ordinals (no `timedelta` per infusion).
    """
    ordered = sorted(infusions, key=_DATE)
    days = list(map(dt.date.toordinal, map(_DATE, ordered)))
    if any(map(eq, days, days[1:])):
        ordered.sort(key=lambda infusion: (infusion.date, str(infusion.id)))
    runs: list[list[Infusion]] = []
    previous = 0
    for infusion, day in zip(ordered, days, strict=True):
        if runs and day - previous <= max_gap_days:
            runs[-1].append(infusion)
        else:
            runs.append([infusion])
        previous = day
    return [Course(tuple(run)) for run in runs]
