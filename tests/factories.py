"""Builders of realistic test data (deterministic for a given seed)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from diary.domain import DailyEntry, Infusion, InfusionDetails, Route, WarningSign


def entry_values(day: dt.date, rng: random.Random) -> dict[str, Any]:
    """One day with most fields filled in, the way a diligent patient logs."""
    maybe = lambda value: value if rng.random() < 0.8 else None  # noqa: E731
    return {
        "date": day,
        "pain": rng.randint(0, 10),
        "pain_worst": maybe(rng.randint(0, 10)),
        "mood": maybe(rng.randint(0, 10)),
        "sleep_hours": maybe(rng.randint(0, 48) * 0.25),
        "sleep_quality": maybe(rng.randint(0, 10)),
        "dissociation": maybe(rng.randint(0, 10)),
        "hallucinations": maybe(rng.random() < 0.05),
        "nausea": maybe(rng.randint(0, 10)),
        "vomiting": maybe(rng.randint(0, 3)),
        "urinary_frequency": maybe(rng.randint(0, 5)),
        "urinary_urgency": maybe(rng.randint(0, 5)),
        "urination_pain": maybe(rng.randint(0, 5)),
        "bladder_pain": maybe(rng.randint(0, 5)),
        "blood_in_urine": maybe(rng.choice(["none", "none", "none", "pink"])),
        "unable_to_urinate": maybe(False),
        "warning_signs": rng.sample(list(WarningSign), k=rng.choice([0, 0, 0, 0, 1, 2])),
        "rescue_doses": maybe(rng.randint(0, 4)),
        "notes": rng.choice(
            [
                None,
                "",
                'Slept badly, "bad" flare',
                "line one\nline two, comma",
                "  spaced  ",
                "café ☕ – ünïcode",
                "=SUM(A1)",
            ]
        ),
    }


def daily_entries(days: int, last_day: dt.date, seed: int = 1) -> list[DailyEntry]:
    """`days` consecutive entries ending on `last_day`."""
    rng = random.Random(seed)
    first = last_day - dt.timedelta(days=days - 1)
    return [
        DailyEntry.model_validate(entry_values(first + dt.timedelta(days=n), rng))
        for n in range(days)
    ]


def infusions_every(weeks: int, first_day: dt.date, count: int, seed: int = 1) -> list[Infusion]:
    """`count` Mon–Fri-style loading courses, one every `weeks` weeks."""
    rng = random.Random(seed)
    infusions = []
    for course in range(count):
        start = first_day + dt.timedelta(weeks=weeks * course)
        for offset in (0, 1, 2, 3, 4):
            details = InfusionDetails(
                date=start + dt.timedelta(days=offset),
                route=rng.choice(list(Route)),
                dose_mg=rng.choice([None, 35.0, 52.5, 70.25]),
                duration_min=rng.choice([None, 40, 240]),
                notes=rng.choice([None, "felt floaty", 'nurse: "good", ok']),
            )
            infusions.append(Infusion(**details.model_dump()))
    return infusions
