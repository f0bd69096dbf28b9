"""The diary as it stood at the end of `as_of`: the one input every analysis step reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from diary.analysis.entry_facts import EntryFacts, gather_facts
from diary.analysis.outcomes import CourseOutcome, analyse_courses
from diary.analysis.series import PainSeries
from diary.domain.courses import group_into_courses
from diary.domain.entry import DailyEntry
from diary.domain.infusion import Infusion
from diary.domain.settings import AnalysisSettings


@dataclass(frozen=True)
class DiaryView:
    """Entries and infusions up to `as_of`, in date order, with each course's outcome."""

    as_of: dt.date
    entries: tuple[DailyEntry, ...]
    series: PainSeries
    """Pain as logged (baselines and flags read this)."""
    infusion_days: tuple[int, ...]
    """Ordinals of the days with an infusion, ascending, each once."""
    outcomes: tuple[CourseOutcome, ...]
    facts: EntryFacts
    """What the per-entry flag rules need, gathered in one pass."""


def build_view(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    as_of: dt.date,
    settings: AnalysisSettings,
) -> DiaryView:
    """Drop everything after `as_of`, order by date, group courses and analyse each one."""
    kept = sorted((entry for entry in entries if entry.date <= as_of), key=attrgetter("date"))
    given = [infusion for infusion in infusions if infusion.date <= as_of]
    days = [entry.date.toordinal() for entry in kept]
    by_day = dict(zip(days, [entry.pain for entry in kept], strict=True))
    series = (
        PainSeries(by_day, tuple(days))
        if len(by_day) == len(days)
        else PainSeries.from_scores(by_day.items())
    )
    courses = group_into_courses(given, max_gap_days=settings.course_gap_days)
    outcomes = analyse_courses(series, courses, as_of.toordinal(), settings)
    infusion_days = tuple(sorted({infusion.date.toordinal() for infusion in given}))
    facts = gather_facts(kept, days, settings)
    return DiaryView(as_of, tuple(kept), series, infusion_days, tuple(outcomes), facts)
