"""Words for the analysis' numbers, shared by the terminal app, the command line and exports."""

from __future__ import annotations

import datetime as dt
import uuid

from diary.analysis import compute_insights
from diary.domain import DailyEntry, Infusion
from diary.export.counts_words import relief_cell

D = dt.date(2026, 3, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_relief_cell_never_says_at_least_zero_days() -> None:
    entries = [DailyEntry(date=day(n), pain=6) for n in range(7)]
    infusions = [Infusion(id=uuid.UUID(int=1), date=day(7))]
    assert relief_cell(compute_insights(entries, infusions, day(7)).courses[0]) == "ongoing"
    later = [*entries, *(DailyEntry(date=day(n), pain=6) for n in range(13, 20))]
    assert relief_cell(compute_insights(later, infusions, day(19)).courses[0]) == "unknown"
    relieved = [*entries, *(DailyEntry(date=day(n), pain=2) for n in range(8, 20))]
    course = compute_insights(relieved, infusions, day(19)).courses[0]
    assert relief_cell(course) == "at least 12 days"
    assert relief_cell(course, at_least="≥ ") == "≥ 12 days"
