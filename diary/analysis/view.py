"""The diary as it stood at the end of `as_of`: the one input every analysis step reads.

This is the boundary: entries are read once into plain columns (`entry_facts.read_entries`)
and the pain scores into a prefix-summed `PainSeries`; nothing after this reads a pydantic
entry field again, except the few entries that may raise an urgent flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from diary.analysis.entry_facts import EntryFacts, gather_facts, read_entries
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
    as_of_day = as_of.toordinal()
    kept, days, columns = read_entries(entries, as_of_day)
    series = _pain_series(days, columns[0])  # type: ignore[arg-type]
    given = [infusion for infusion in infusions if infusion.date <= as_of]
    courses = group_into_courses(given, max_gap_days=settings.course_gap_days)
    outcomes = analyse_courses(series, courses, as_of_day, settings)
    infusion_days = tuple(sorted({infusion.date.toordinal() for infusion in given}))
    facts = gather_facts(kept, days, columns, settings)
    return DiaryView(as_of, series, infusion_days, tuple(outcomes), facts)


def _pain_series(days: list[int], pains: Sequence[int]) -> PainSeries:
    """The logged pain series; when a day has several entries, the last one counts."""
    if len(set(days)) == len(days):
        return PainSeries.build(days, pains)
    by_day = dict(zip(days, pains, strict=True))
    ordered = sorted(by_day)
    return PainSeries.build(ordered, [by_day[day] for day in ordered])
