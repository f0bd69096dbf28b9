"""What the demo diaries have in common: a typical responder, and side effects laid on top.

Used by the terminal UI's `--demo` and by the export tests; nothing in them is real.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from diary.domain import DailyEntry
from diary.simulation.profile import PatientKind, PatientProfile

DEMO_PATIENT = PatientProfile(
    baseline_pain=6.8,
    noise_sd=0.7,
    missing_share=0.08,
    gaps_per_year=1.5,
    bad_day_share=0.02,
    kind=PatientKind.RESPONDER,
    typical_relief_days=24,
    typical_fade_days=6,
    early_booster_share=0.2,
    drift_points=0.3,
)
"""A responder with a booster now and then before relief ended, some missed days and gaps."""


def with_side_effects(
    entries: Iterable[DailyEntry],
    changes_by_day: Mapping[dt.date, Mapping[str, Any]],
    pain_for_missing_day: Callable[[dt.date], int],
) -> list[DailyEntry]:
    """The entries with each day's changes applied (a missing day is logged with the given
    pain), in date order."""
    by_day = {entry.date: entry for entry in entries}
    for day, changes in changes_by_day.items():
        base = by_day.get(day) or DailyEntry(date=day, pain=pain_for_missing_day(day))
        by_day[day] = DailyEntry.model_validate({**base.model_dump(), **changes})
    return sorted(by_day.values(), key=lambda entry: entry.date)
