"""What the analysis needs from each entry, read once at the boundary into plain columns.

Reading a field of a pydantic entry is an attribute lookup; doing it for every field of every
day is the hot path of a whole-diary analysis. So each entry's fields are read in one C-level
step from its `__dict__` (where pydantic keeps field values), turned into one tuple per field
(a column), and every per-entry rule then runs over columns with C-level `map`/`compress`.

Most days raise nothing, so the flag rules keep only the days that matter to them (sparse
lists): a run of consecutive calendar days among a rule's hit days is a run of logged days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter

from diary.analysis.flags_urgent import VISIBLE_BLOOD
from diary.domain.entry import DailyEntry
from diary.domain.settings import AnalysisSettings

FIELDS = (
    "pain",
    "urinary_frequency",
    "urinary_urgency",
    "urination_pain",
    "bladder_pain",
    "nausea",
    "sleep_quality",
    "dissociation",
    "warning_signs",
    "unable_to_urinate",
    "hallucinations",
    "blood_in_urine",
)
_READ = itemgetter(*FIELDS)
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


def read_columns(entries: Sequence[DailyEntry]) -> list[tuple[object, ...]]:
    """One tuple per name in `FIELDS`, each holding that field of every entry in order."""
    if not entries:
        return [() for _ in FIELDS]
    return list(zip(*map(_READ, map(_FIELDS_OF, entries)), strict=True))


def gather_facts(
    entries: Sequence[DailyEntry],
    days: Sequence[int],
    columns: Sequence[tuple[object, ...]],
    settings: AnalysisSettings,
) -> EntryFacts:
    """Every per-entry rule's days, from `columns` (see `read_columns`) of `entries`.

    Each rule first looks at a whole column at once (its highest or lowest score, in C) and
    goes day by day only when some day can match: on most diaries most rules match nothing.
    """
    named = dict(zip(FIELDS, columns, strict=True))
    scores = {name: _filled(named[name]) for name in SCORE_FIELDS}
    bladder_days, worst = _bladder(days, [scores[name] for name in BLADDER_FIELDS])
    nausea = scores["nausea"]
    return EntryFacts(
        bladder_days=bladder_days,
        bladder_worst=worst,
        bladder_hit_days=_days_at_least(bladder_days, worst, settings.bladder_review_score),
        nausea_hit_days=_days_in_band(
            days, nausea, settings.nausea_review_min, settings.nausea_review_max
        ),
        poor_sleep_days=_days_in_band(
            days, scores["sleep_quality"], 0, settings.poor_sleep_quality
        ),
        maybe_urgent=tuple(
            entries[index] for index in _maybe_urgent(named, scores, settings.severe_score)
        ),
    )


SCORE_FIELDS = (
    "urinary_frequency",
    "urinary_urgency",
    "urination_pain",
    "bladder_pain",
    "nausea",
    "sleep_quality",
    "dissociation",
)
BLADDER_FIELDS = SCORE_FIELDS[:4]


def _filled(column: tuple[object, ...]) -> tuple[int, ...] | None:
    """A score column with `NONE_GIVEN` for days without a score; None if no day has one."""
    missing = column.count(None)
    if missing == len(column):
        return None
    if missing == 0:
        return column  # type: ignore[return-value]
    return tuple(NONE_GIVEN if score is None else score for score in column)  # type: ignore[misc]


def _bladder(
    days: Sequence[int], columns: list[tuple[int, ...] | None]
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The days that give a bladder score, and the highest of the four scores on each."""
    given = [column for column in columns if column is not None]
    # A column never above another column's lowest score is never the highest on a day.
    for column in list(given):
        if any(other is not column and max(column) <= min(other) for other in given):
            given.remove(column)
    if not given:
        return (), ()
    worst = given[0] if len(given) == 1 else tuple(map(max, *given))
    if min(worst) > NONE_GIVEN:
        return tuple(days), worst
    scored = list(map((0).__le__, worst))
    return tuple(compress(days, scored)), tuple(compress(worst, scored))


def _days_at_least(days: Sequence[int], scores: tuple[int, ...], least: int) -> tuple[int, ...]:
    """Days whose score is at least `least`."""
    if not scores or max(scores) < least:
        return ()
    return tuple(compress(days, map(least.__le__, scores)))


def _days_in_band(
    days: Sequence[int], scores: tuple[int, ...] | None, low: int, high: int
) -> tuple[int, ...]:
    """Days with a score given and within [low, high] (`low` ≥ 0)."""
    if scores is None or max(scores) < low or min(scores) > high:
        return ()
    return tuple(compress(days, map(range(low, high + 1).__contains__, scores)))


def _maybe_urgent(
    named: dict[str, tuple[object, ...]], scores: dict[str, tuple[int, ...] | None], severe: int
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
        if column is not None and max(column) >= severe:
            found.update(compress(positions, map(severe.__le__, column)))
    for name in ("warning_signs", "unable_to_urinate", "hallucinations"):
        if any(named[name]):
            found.update(compress(positions, named[name]))
    blood = named["blood_in_urine"]
    if blood.count(None) < len(blood):
        found.update(compress(positions, map(VISIBLE_BLOOD.__contains__, blood)))
    return sorted(found)
