"""What the analysis needs from each entry, read once at the boundary into plain columns.

Reading a field of a pydantic entry is an attribute lookup; doing it for every field of every
day is the hot path of a whole-diary analysis. So each entry's fields are read in one C-level
step from its `__dict__` (where pydantic keeps field values), turned into one tuple per field
(a column), and every per-entry rule then runs over columns with C-level `map`/`compress`.

Most days raise nothing, so the flag rules keep only the days that matter to them (sparse
lists): a run of consecutive calendar days among a rule's hit days is a run of logged days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import add, attrgetter, itemgetter, mul
from typing import NamedTuple

from diary.analysis.flags_urgent import VISIBLE_BLOOD
from diary.domain.entry import BLADDER_FIELDS, DailyEntry
from diary.domain.settings import AnalysisSettings

RULE_SCORES = (*BLADDER_FIELDS, "nausea", "sleep_quality", "dissociation")
"""The 0–10 scores some per-entry flag rule reads."""
FIELDS = (
    "pain",
    *RULE_SCORES,
    "warning_signs",
    "unable_to_urinate",
    "hallucinations",
    "blood_in_urine",
)
_READ = itemgetter("date", *FIELDS)
_FIELDS_OF = attrgetter("__dict__")
NONE_GIVEN = -1
"""Stands for a missing score in a column: below every real score (0–10)."""


@dataclass(frozen=True)
class EntryFacts:
    """Per-entry facts for the flag rules, in date order."""

    bladder_days: tuple[int, ...]
    """Days whose entry gives any of the four bladder scores."""
    bladder_worst: tuple[int, ...]
    """The highest of the four bladder scores on each of `bladder_days`."""
    bladder_hit_days: tuple[int, ...]
    """Days whose highest bladder score reaches the review level."""
    nausea_hit_days: tuple[int, ...]
    """Days with nausea in the review band (4–6 by default)."""
    poor_sleep_days: tuple[int, ...]
    """Days with sleep quality at or below the poor-sleep level."""
    maybe_urgent: tuple[DailyEntry, ...]
    """Entries that may raise an emergency or same-day flag (checked in full later)."""


def read_entries(
    entries: Sequence[DailyEntry], as_of: int
) -> tuple[Sequence[DailyEntry], list[int], list[tuple[object, ...]]]:
    """The entries dated on or before `as_of` in date order (a stable sort), their days
    (ordinals), and one tuple per name in `FIELDS` holding that field of each of them.

    The date is read in the same C-level pass as the other fields.
    """
    if not entries:
        return [], [], [() for _ in FIELDS]
    columns = list(zip(*map(_READ, map(_FIELDS_OF, entries)), strict=True))
    days = list(map(dt.date.toordinal, columns.pop(0)))
    if max(days) <= as_of and days == sorted(days):
        return entries, days, columns  # the usual case: in order, nothing after as_of
    order = sorted((i for i, day in enumerate(days) if day <= as_of), key=days.__getitem__)
    return (
        [entries[i] for i in order],
        [days[i] for i in order],
        [tuple(column[i] for i in order) for column in columns],
    )


class _Scores(NamedTuple):
    """A score column with `NONE_GIVEN` for days without a score, and its highest score
    (worked out once: several rules first look at it)."""

    values: tuple[int, ...]
    highest: int
    complete: bool
    """Every day has a score (no `NONE_GIVEN`)."""


def gather_facts(
    entries: Sequence[DailyEntry],
    days: Sequence[int],
    columns: Sequence[tuple[object, ...]],
    settings: AnalysisSettings,
) -> EntryFacts:
    """Every per-entry rule's days, from `columns` (see `read_entries`) of `entries`.

    Each rule first looks at a whole column at once (its highest or lowest score, in C) and
    goes day by day only when some day can match: on most diaries most rules match nothing.
    """
    if not entries:
        return EntryFacts((), (), (), (), (), ())
    named = dict(zip(FIELDS, columns, strict=True))
    scores = {name: _filled(named[name]) for name in RULE_SCORES}  # type: ignore[arg-type]
    bladder_days, worst, most = _bladder(days, [scores[name] for name in BLADDER_FIELDS])
    return EntryFacts(
        bladder_days=bladder_days,
        bladder_worst=worst,
        bladder_hit_days=_days_at_least(bladder_days, worst, most, settings.bladder_review_score),
        nausea_hit_days=_days_in_band(
            days, scores["nausea"], settings.nausea_review_min, settings.nausea_review_max
        ),
        poor_sleep_days=_days_in_band(
            days, scores["sleep_quality"], 0, settings.poor_sleep_quality
        ),
        maybe_urgent=tuple(
            entries[index] for index in _maybe_urgent(named, scores, settings.severe_score)
        ),
    )


def _filled(column: tuple[int | None, ...]) -> _Scores | None:
    """The column as `_Scores`; None if no day has a score (`column` is not empty)."""
    try:
        highest = max(column)  # type: ignore[type-var]
    except TypeError:  # some day has no score: None does not compare with a score
        highest = None
    if highest is not None:
        return _Scores(column, highest, complete=True)  # type: ignore[arg-type]
    if column.count(None) == len(column):
        return None
    values = tuple(NONE_GIVEN if score is None else score for score in column)
    return _Scores(values, max(values), complete=False)


def _bladder(
    days: Sequence[int], columns: list[_Scores | None]
) -> tuple[tuple[int, ...], tuple[int, ...], int]:
    """The days that give a bladder score, the highest of the four scores on each, and the
    highest of all."""
    given = [column for column in columns if column is not None]
    # A column never above another column's lowest score is never the highest on a day.
    lowest = {id(column): min(column.values) for column in given} if len(given) > 1 else {}
    for column in list(given):
        if any(other is not column and column.highest <= lowest[id(other)] for other in given):
            given.remove(column)
    if not given:
        return (), (), NONE_GIVEN
    worst = given[0].values
    for column in given[1:]:
        worst = _higher(worst, column.values)
    most = max(column.highest for column in given)
    if any(column.complete for column in given) or min(worst) > NONE_GIVEN:
        return tuple(days), worst, most
    scored = list(map((0).__le__, worst))
    return tuple(compress(days, scored)), tuple(compress(worst, scored)), most


_SIDE = 12
"""Scores run from NONE_GIVEN (−1) to 10: twelve values."""
_HIGHER = [0] * _SIDE * _SIDE
for _a in range(NONE_GIVEN, 11):
    for _b in range(NONE_GIVEN, 11):
        _HIGHER[(_SIDE * _a + _b) % len(_HIGHER)] = max(_a, _b)
"""max(a, b) at index 12·a + b (negative indices wrap around, and no two pairs share one)."""


def _higher(first: tuple[int, ...], second: tuple[int, ...]) -> tuple[int, ...]:
    """The higher of the two scores on each day: a table look-up, which C-level `map` does
    about twice as fast as calling `max` on each pair."""
    return tuple(map(_HIGHER.__getitem__, map(add, map(mul, first, repeat(_SIDE)), second)))


def _days_at_least(
    days: Sequence[int], scores: tuple[int, ...], highest: int, least: int
) -> tuple[int, ...]:
    """Days whose score is at least `least` (`highest` is the highest of `scores`)."""
    if highest < least:
        return ()
    return tuple(compress(days, map(least.__le__, scores)))


def _days_in_band(
    days: Sequence[int], scores: _Scores | None, low: int, high: int
) -> tuple[int, ...]:
    """Days with a score given and within [low, high] (`low` ≥ 0)."""
    if scores is None or scores.highest < low or min(scores.values) > high:
        return ()
    return tuple(compress(days, map(frozenset(range(low, high + 1)).__contains__, scores.values)))


def _maybe_urgent(
    named: dict[str, tuple[object, ...]], scores: dict[str, _Scores | None], severe: int
) -> list[int]:
    """Positions of entries that may raise an emergency or same-day flag: any score at the
    severe level (bladder, nausea, dissociation), a ticked sign or visible blood. A cheap
    first look: the flag rules then check each such entry in full."""
    positions = range(len(named["pain"]))
    if severe <= 0:
        return list(positions)  # every entry reaches a severe level of 0
    found: set[int] = set()
    for name in (*BLADDER_FIELDS, "nausea", "dissociation"):
        column = scores[name]
        if column is not None and column.highest >= severe:
            found.update(compress(positions, map(severe.__le__, column.values)))
    for name in ("warning_signs", "unable_to_urinate", "hallucinations"):
        if any(named[name]):
            found.update(compress(positions, named[name]))
    blood = named["blood_in_urine"]
    if blood.count(None) < len(blood):
        found.update(compress(positions, map(VISIBLE_BLOOD.__contains__, blood)))
    return sorted(found)
