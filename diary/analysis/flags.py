"""Warning flags in three tiers (design.md §3), shown before anything else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from diary.analysis.flags_review import review_flags
from diary.analysis.flags_urgent import urgent_flags
from diary.analysis.models import TIER_ORDER, Flag
from diary.analysis.view import DiaryView, build_view
from diary.domain.entry import DailyEntry
from diary.domain.infusion import Infusion
from diary.domain.settings import AnalysisSettings

DEFAULT_SETTINGS = AnalysisSettings()


def flags_in_view(view: DiaryView, settings: AnalysisSettings) -> list[Flag]:
    """All flags, most urgent tier first, newest first within a tier."""
    found = [
        flag
        for entry in view.facts.maybe_urgent
        for flag in urgent_flags(entry, view.infusion_days, settings)
    ]
    found.extend(review_flags(view, settings))
    found.sort(key=lambda flag: flag.rule)
    found.sort(key=lambda flag: flag.date, reverse=True)
    found.sort(key=lambda flag: TIER_ORDER[flag.tier])
    return found


def evaluate_flags(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    as_of: dt.date,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
) -> list[Flag]:
    """Every flag raised by the diary as it stood at the end of `as_of`."""
    return flags_in_view(build_view(entries, infusions, as_of, settings), settings)


def flags_for_saved_day(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    saved_date: dt.date,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
) -> list[Flag]:
    """The flags that saving the entry of `saved_date` raises, to show with the save.

    `entries` already holds the saved entry. A flag counts when it is dated that day, or when
    it would not exist without that day's entry (e.g. the entry completes a 3-day run).
    """
    return flags_for_saved_days(entries, infusions, (saved_date,), settings)


def flags_for_saved_days(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    saved_dates: Collection[dt.date],
    settings: AnalysisSettings = DEFAULT_SETTINGS,
) -> list[Flag]:
    """The flags that saving the entries of `saved_dates` raises (e.g. one sync push).

    `entries` already holds the saved entries. A flag counts when it is dated on one of those
    days, or when it would not exist without those days' entries (e.g. two saved days complete
    a 3-day run). Most urgent first, in the order of `evaluate_flags`.
    """
    days = frozenset(saved_dates)
    if not days:
        return []
    latest = _latest_day(entries, infusions, *days)
    with_days = evaluate_flags(entries, infusions, latest, settings)
    others = [entry for entry in entries if entry.date not in days]
    without_days = _flag_keys(others, infusions, latest, settings)
    return [flag for flag in with_days if flag.date in days or flag.key not in without_days]


def flags_for_saved_infusion(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    saved: Infusion,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
) -> list[Flag]:
    """The flags that would not exist without the infusion `saved`, to show with its save.

    `infusions` already holds it. An infusion raises no flag of its own day, but it can make
    an entry's flag, e.g. upper abdominal pain logged before the infusion was recorded is a
    `same_day` flag once the infusion puts it within 14 days of one.
    """
    latest = _latest_day(entries, infusions, saved.date)
    with_it = evaluate_flags(entries, infusions, latest, settings)
    others = [given for given in infusions if given.id != saved.id]
    without_it = _flag_keys(entries, others, latest, settings)
    return [flag for flag in with_it if flag.key not in without_it]


def _latest_day(
    entries: Sequence[DailyEntry], infusions: Sequence[Infusion], *saved: dt.date
) -> dt.date:
    """The day a save's flags are judged on: the latest day of the diary or of the save."""
    return max([*saved, *(entry.date for entry in entries), *(given.date for given in infusions)])


def _flag_keys(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    as_of: dt.date,
    settings: AnalysisSettings,
) -> frozenset[str]:
    """The keys of the flags the diary raises without what was saved, to compare with."""
    return frozenset(flag.key for flag in evaluate_flags(entries, infusions, as_of, settings))
