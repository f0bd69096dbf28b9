"""The daily entry: one per patient per local date (design.md §2)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from diary.domain.days import CalendarDay
from diary.domain.vocabulary import BloodInUrine, WarningSign

Score = Annotated[int, Field(ge=0, le=10)]
"""A 0–10 rating as the patient gave it."""

NOTES_MAX_CHARS = 2000
SLEEP_STEP_HOURS = 0.25
MAX_VOMITING_EPISODES = 50
MAX_RESCUE_DOSES = 100
"""Upper bounds that catch typing slips and keep counts inside every system's integers."""

SCORE_FIELDS: tuple[str, ...] = (
    "pain",
    "pain_worst",
    "mood",
    "sleep_quality",
    "dissociation",
    "nausea",
    "urinary_frequency",
    "urinary_urgency",
    "urination_pain",
    "bladder_pain",
)
BLADDER_FIELDS: tuple[str, ...] = (
    "urinary_frequency",
    "urinary_urgency",
    "urination_pain",
    "bladder_pain",
)


class EntryFields(BaseModel):
    """What the patient recorded about a day, without its date (the body of PUT entries/{date})."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)

    pain: Score
    pain_worst: Score | None = None
    mood: Score | None = None
    sleep_hours: Annotated[float, Field(ge=0, le=24, multiple_of=SLEEP_STEP_HOURS)] | None = None
    sleep_quality: Score | None = None
    dissociation: Score | None = None
    hallucinations: bool | None = None
    nausea: Score | None = None
    vomiting: Annotated[int, Field(ge=0, le=MAX_VOMITING_EPISODES)] | None = None
    urinary_frequency: Score | None = None
    urinary_urgency: Score | None = None
    urination_pain: Score | None = None
    bladder_pain: Score | None = None
    blood_in_urine: BloodInUrine | None = None
    unable_to_urinate: bool | None = None
    warning_signs: tuple[WarningSign, ...] = ()
    rescue_doses: Annotated[int, Field(ge=0, le=MAX_RESCUE_DOSES)] | None = None
    notes: Annotated[str, Field(max_length=NOTES_MAX_CHARS)] | None = None

    @field_validator("sleep_hours")
    @classmethod
    def _exact_quarter_hours(cls, value: float | None) -> float | None:
        """`multiple_of` states the rule in the schema but tolerates float dust; this does not."""
        if value is not None and (value / SLEEP_STEP_HOURS) != int(value / SLEEP_STEP_HOURS):
            raise ValueError("must be a number of hours from 0 to 24 in steps of 0.25")
        return value

    @field_validator("warning_signs")
    @classmethod
    def _signs_as_sorted_set(cls, value: tuple[WarningSign, ...]) -> tuple[WarningSign, ...]:
        """Keep each sign once, in vocabulary order, so equal entries compare equal."""
        order = list(WarningSign)
        return tuple(sorted(set(value), key=order.index))

    @field_validator("notes")
    @classmethod
    def _blank_notes_are_none(cls, value: str | None) -> str | None:
        return value if value and value.strip() else None


class DailyEntry(EntryFields):
    """One day of the diary; only `date` and `pain` are required.

    Whether the date lies in the future depends on the patient's clock, so that rule is
    checked by `check_not_in_future`, called by the services, not here.
    """

    date: CalendarDay
