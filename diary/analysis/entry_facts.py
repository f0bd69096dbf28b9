"""What the per-entry flag rules need from each entry, gathered in one pass over the entries.

Most days raise nothing, so the rules keep only the days that matter to them (sparse lists):
a run of consecutive calendar days among a rule's hit days is a run of logged days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from diary.analysis.flags_urgent import VISIBLE_BLOOD
from diary.domain.entry import DailyEntry
from diary.domain.settings import AnalysisSettings


@dataclass(frozen=True)
class EntryFacts:
    """Per-entry facts for the flag rules, in date order."""

    bladder: tuple[tuple[int, int], ...]
    """(day, highest of the four bladder scores) for the entries that give any of them."""
    bladder_hit_days: tuple[int, ...]
    """Days whose highest bladder score reaches the review level."""
    nausea_hit_days: tuple[int, ...]
    """Days with nausea in the review band (4–6 by default)."""
    poor_sleep_days: tuple[int, ...]
    """Days with sleep quality at or below the poor-sleep level."""
    maybe_urgent: tuple[DailyEntry, ...]
    """Entries that may raise an emergency or same-day flag (checked in full later)."""


_READ = attrgetter(
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


def gather_facts(
    entries: Sequence[DailyEntry], days: Sequence[int], settings: AnalysisSettings
) -> EntryFacts:
    """One pass over `entries` (date order; `days` are their ordinals) for every per-entry rule.

    The loop is written out flat (one C-level read of the scores per entry): it runs once
    per diary day, so it is the hot path of a whole-diary analysis.
    """
    bladder: list[tuple[int, int]] = []
    nausea_hits: list[int] = []
    poor_sleep: list[int] = []
    urgent: list[DailyEntry] = []
    severe, sleep_limit = settings.severe_score, settings.poor_sleep_quality
    nausea_low, nausea_high = settings.nausea_review_min, settings.nausea_review_max
    for entry, day, fields in zip(entries, days, map(_READ, entries), strict=True):
        frequency, urgency, passing, bladder_pain, nausea, sleep, detached = fields[:7]
        worst = frequency
        for score in (urgency, passing, bladder_pain):
            if score is not None and (worst is None or score > worst):
                worst = score
        if worst is not None:
            bladder.append((day, worst))
        if nausea is not None and nausea_low <= nausea <= nausea_high:
            nausea_hits.append(day)
        if sleep is not None and sleep <= sleep_limit:
            poor_sleep.append(day)
        if max(worst or 0, nausea or 0, detached or 0) >= severe or _has_sign(fields[7:]):
            urgent.append(entry)
    review = settings.bladder_review_score
    bladder_hits = tuple(day for day, worst in bladder if worst >= review)
    return EntryFacts(
        tuple(bladder), bladder_hits, tuple(nausea_hits), tuple(poor_sleep), tuple(urgent)
    )


def _has_sign(signs: tuple[object, ...]) -> bool:
    """A ticked sign or visible blood (warning signs, unable to urinate, hallucinations,
    blood in urine): the entry may raise an emergency or same-day flag.

    Together with any score at the severe level this is a cheap first look; the flag rules
    then check the entry in full.
    """
    warning_signs, unable, hallucinations, blood = signs
    return bool(warning_signs or unable or hallucinations or blood in VISIBLE_BLOOD)
