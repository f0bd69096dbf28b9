"""Grouping infusions into courses: consecutive days at most 3 apart."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from diary.domain import Course, Infusion, group_into_courses


def infusions_on(*days: str) -> list[Infusion]:
    return [Infusion(date=dt.date.fromisoformat(day), dose_mg=35) for day in days]


def spans(infusions: list[Infusion]) -> list[tuple[str, str, int]]:
    return [
        (c.start.isoformat(), c.end.isoformat(), len(c.infusions))
        for c in group_into_courses(infusions)
    ]


def test_weekday_series_over_a_weekend_is_one_course() -> None:
    days = (
        "2026-03-02",
        "2026-03-03",
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-09",
        "2026-03-10",
    )
    assert spans(infusions_on(*days)) == [("2026-03-02", "2026-03-10", 7)]


def test_four_days_apart_starts_a_new_course() -> None:
    assert spans(infusions_on("2026-03-02", "2026-03-06")) == [
        ("2026-03-02", "2026-03-02", 1),
        ("2026-03-06", "2026-03-06", 1),
    ]


def test_input_order_does_not_matter() -> None:
    days = ["2026-05-01", "2026-03-02", "2026-03-03", "2026-04-20"]
    assert spans(infusions_on(*days)) == spans(infusions_on(*reversed(days)))
    assert len(spans(infusions_on(*days))) == 3


def test_course_totals_dose_and_counts_infusion_days() -> None:
    course = group_into_courses(infusions_on("2026-03-02", "2026-03-02", "2026-03-03"))[0]
    assert course.total_dose_mg == 105
    assert course.infusion_days == (dt.date(2026, 3, 2), dt.date(2026, 3, 3))


def test_no_infusions_no_courses() -> None:
    assert group_into_courses([]) == []


def plain_grouping(infusions: list[Infusion], max_gap_days: int) -> list[Course]:
    """The definition, written plainly: by date then id, a new course after a longer gap."""
    runs: list[list[Infusion]] = []
    for infusion in sorted(infusions, key=lambda i: (i.date, str(i.id))):
        if runs and (infusion.date - runs[-1][-1].date).days <= max_gap_days:
            runs[-1].append(infusion)
        else:
            runs.append([infusion])
    return [Course(tuple(run)) for run in runs]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 3)), max_size=15),
    st.randoms(use_true_random=False),
)
def test_grouping_is_the_plain_definition(
    given_days: list[tuple[int, int]], rnd: random.Random
) -> None:
    """Same courses, same order within a course (ids break same-day ties), any input order."""
    start = dt.date(2026, 1, 1)
    infusions = [
        Infusion(id=uuid.UUID(int=1000 * offset + tie + 1), date=start + dt.timedelta(days=offset))
        for offset, tie in given_days
    ]
    rnd.shuffle(infusions)
    assert group_into_courses(infusions, max_gap_days=3) == plain_grouping(infusions, 3)
