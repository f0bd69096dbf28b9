"""A realistic demo diary: six months, several courses, a few side effects, nothing real.

Built on `diary.simulation`, so it looks like a real patient's diary (noise, missed days,
a booster before relief ended) and shows every screen at work, flags included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from diary.domain import DailyEntry, Infusion
from diary.factory import Diary
from diary.simulation import PatientKind, PatientProfile, simulate_patient

DEMO_DAYS = 183
DEMO_SEED = 6
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
SIDE_EFFECTS: dict[int, dict[str, Any]] = {
    # Days before today: three days of bladder symptoms raise a "review" flag.
    20: {"urinary_frequency": 5, "urinary_urgency": 4, "notes": "Needing the loo a lot."},
    19: {"urinary_frequency": 5, "urinary_urgency": 5, "blood_in_urine": "pink"},
    18: {"urinary_frequency": 4, "urinary_urgency": 4},
    45: {"nausea": 5, "vomiting": 1, "notes": "Queasy after the drive home."},
    70: {"rescue_doses": 2, "notes": "Flare after a long walk."},
}


def demo_contents(today: dt.date) -> tuple[list[DailyEntry], list[Infusion]]:
    """The demo's entries and infusions, ending yesterday so today is left to log."""
    start = today - dt.timedelta(days=DEMO_DAYS - 1)
    simulated = simulate_patient(DEMO_SEED, DEMO_DAYS, start, DEMO_PATIENT)
    by_day = {entry.date: entry for entry in simulated.entries if entry.date < today}
    for days_ago, changes in SIDE_EFFECTS.items():
        day = today - dt.timedelta(days=days_ago)
        base = by_day.get(day) or DailyEntry(date=day, pain=_nearest_pain(by_day, day))
        by_day[day] = DailyEntry.model_validate({**base.model_dump(), **changes})
    return sorted(by_day.values(), key=lambda entry: entry.date), list(simulated.infusions)


def _nearest_pain(by_day: dict[dt.date, DailyEntry], day: dt.date) -> int:
    earlier = [entry for entry in by_day.values() if entry.date < day]
    return max(earlier, key=lambda entry: entry.date).pain if earlier else 5


def fill_demo_diary(diary: Diary) -> None:
    """Store the demo contents in an empty diary, in one transaction."""
    entries, infusions = demo_contents(diary.clock.today())
    diary.entries.import_contents(diary.accounts.local_patient_id(), entries, infusions)
