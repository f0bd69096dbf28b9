"""A realistic demo diary: six months, several courses, a few side effects, nothing real.

Built on `diary.simulation`, so it looks like a real patient's diary (noise, missed days,
a booster before relief ended) and shows every screen at work, flags included.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from diary.domain import DailyEntry, Infusion
from diary.factory import Diary
from diary.simulation import simulate_patient
from diary.simulation.demo import DEMO_PATIENT, with_side_effects

DEMO_DAYS = 183
DEMO_SEED = 6
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
    before_today = [entry for entry in simulated.entries if entry.date < today]
    changes = {today - dt.timedelta(days=ago): change for ago, change in SIDE_EFFECTS.items()}
    entries = with_side_effects(before_today, changes, lambda day: _nearest_pain(before_today, day))
    return entries, list(simulated.infusions)


def _nearest_pain(entries: list[DailyEntry], day: dt.date) -> int:
    earlier = [entry for entry in entries if entry.date < day]
    return max(earlier, key=lambda entry: entry.date).pain if earlier else 5


def fill_demo_diary(diary: Diary) -> None:
    """Store the demo contents in an empty diary, in one transaction."""
    entries, infusions = demo_contents(diary.clock.today())
    diary.entries.import_contents(diary.accounts.local_patient_id(), entries, infusions)
