"""The terminal app's words for the analysis' numbers."""

from __future__ import annotations

import datetime as dt
import uuid

from diary.analysis import compute_insights
from diary.domain import DailyEntry, Infusion
from tui.wording import relief_words

D = dt.date(2026, 3, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_relief_words_never_say_at_least_zero_days() -> None:
    entries = [DailyEntry(date=day(n), pain=6) for n in range(7)]
    infusions = [Infusion(id=uuid.UUID(int=1), date=day(7))]
    assert relief_words(compute_insights(entries, infusions, day(7)).courses[0]) == "ongoing"
    later = [*entries, *(DailyEntry(date=day(n), pain=6) for n in range(13, 20))]
    assert relief_words(compute_insights(later, infusions, day(19)).courses[0]) == "unknown"
    relieved = [*entries, *(DailyEntry(date=day(n), pain=2) for n in range(8, 20))]
    course = compute_insights(relieved, infusions, day(19)).courses[0]
    assert relief_words(course) == "at least 12 days"
