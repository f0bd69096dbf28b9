"""A demo year of diary for the export tests and the PDF benchmark: simulated, nothing real.

A responder with several courses, a booster given before relief ended, missed days, and a
few side effects on top of the simulation: rescue doses that drop after courses, bladder
symptoms that raise a review flag, a day of visible blood in urine (a same-day flag) with a
note in several scripts, so that every part of the summary has something to show.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from diary.domain import DailyEntry, Infusion
from diary.simulation import simulate_patient
from diary.simulation.demo import DEMO_PATIENT, with_side_effects

DEMO_SEED = 4
DEMO_START = dt.date(2025, 1, 6)
DEMO_DAYS = 365
DEMO_NAME = "Ana Ejemplo-Łukasiewicz"
UNICODE_NOTE = 'Blood after the drive home – "red", Ζάλη, тошнота, café ☕. <b>not bold</b>'
SIDE_EFFECTS: dict[int, dict[str, Any]] = {
    # Days before the last diary day.
    40: {"urinary_frequency": 5, "urinary_urgency": 4, "notes": "Needing the loo a lot."},
    39: {"urinary_frequency": 5, "urinary_urgency": 5, "blood_in_urine": "pink"},
    38: {"urinary_frequency": 4, "urinary_urgency": 4},
    25: {"blood_in_urine": "red", "notes": UNICODE_NOTE},
    90: {"nausea": 5, "vomiting": 1, "notes": "Queasy | after the *drive* home."},
}


def demo_contents() -> tuple[list[DailyEntry], list[Infusion], dt.date]:
    """Entries, infusions and the last diary day (the day to export up to)."""
    simulated = simulate_patient(DEMO_SEED, DEMO_DAYS, DEMO_START, DEMO_PATIENT)
    changes = {
        simulated.as_of - dt.timedelta(days=days_before): change
        for days_before, change in SIDE_EFFECTS.items()
    }
    rescued = (_with_rescue(entry) for entry in simulated.entries)
    entries = with_side_effects(rescued, changes, lambda _day: 6)
    return entries, list(simulated.infusions), simulated.as_of


def _with_rescue(entry: DailyEntry) -> DailyEntry:
    """Rescue doses that follow the pain: more on bad days, none once relief has come."""
    doses = max(0, entry.pain - 4) // 2
    return entry.model_copy(update={"rescue_doses": doses})
