"""The fields of the daily entry form, in the patient's words, in the order they are asked."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from diary.domain import WarningSign


class Kind(enum.Enum):
    """How a field is entered."""

    SCORE = "score"
    """0–10 from the number keys."""
    NUMBER = "number"
    """Typed: hours of sleep, episodes, doses."""
    YES_NO = "yes_no"
    BLOOD = "blood"


@dataclass(frozen=True)
class Field:
    name: str
    """The vocabulary name (docs/data.md), also the widget id and the key of a FieldProblem."""
    label: str
    kind: Kind
    detail: str = ""
    """Placeholder of a typed field; the text beside a yes/no box."""


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    note: str = ""


SECTIONS: tuple[Section, ...] = (
    Section(
        "How was the day",
        (
            Field("pain", "Pain (average)*", Kind.SCORE),
            Field("pain_worst", "Worst pain", Kind.SCORE),
            Field("mood", "Mood", Kind.SCORE),
            Field("sleep_hours", "Hours slept", Kind.NUMBER, "e.g. 7.5"),
            Field("sleep_quality", "Sleep quality", Kind.SCORE),
        ),
        "Pain: 0 none, 10 worst imaginable. Mood and sleep: 0 very bad, 10 very good.",
    ),
    Section(
        "Side effects",
        (
            Field("dissociation", "Felt detached/unreal", Kind.SCORE),
            Field("nausea", "Nausea", Kind.SCORE),
            Field("vomiting", "Times vomited", Kind.NUMBER),
            Field(
                "hallucinations", "Hallucinations", Kind.YES_NO, "saw or heard things others didn't"
            ),
            Field("rescue_doses", "Rescue doses taken", Kind.NUMBER),
        ),
        "Detached/unreal tracks change for you; it is not a validated scale.",
    ),
    Section(
        "Bladder",
        (
            Field("urinary_frequency", "Passing urine often", Kind.SCORE),
            Field("urinary_urgency", "Sudden urge to go", Kind.SCORE),
            Field("urination_pain", "Pain passing urine", Kind.SCORE),
            Field("bladder_pain", "Bladder pain", Kind.SCORE),
            Field("blood_in_urine", "Blood in urine", Kind.BLOOD),
            Field("unable_to_urinate", "Could not pass urine", Kind.YES_NO, "yes"),
        ),
    ),
)

FIELDS: dict[str, Field] = {field.name: field for section in SECTIONS for field in section.fields}

SIGN_LABELS: dict[WarningSign, str] = {
    WarningSign.YELLOW_SKIN_OR_EYES: "Yellow skin or eyes",
    WarningSign.DARK_URINE: "Dark urine",
    WarningSign.PALE_STOOLS: "Pale stools",
    WarningSign.UPPER_ABDOMINAL_PAIN: "Upper belly pain",
    WarningSign.CHEST_PAIN: "Chest pain",
    WarningSign.SHORTNESS_OF_BREATH: "Short of breath",
    WarningSign.FAINTING: "Fainting",
    WarningSign.SEIZURE: "Seizure",
    WarningSign.CONFUSION: "Confusion",
    WarningSign.SELF_HARM_THOUGHTS: "Thoughts of self-harm",
}

NOT_CARRIED_FROM_YESTERDAY = frozenset({"warning_signs", "notes"})
"""Warning signs and notes describe one day; they are never copied forward."""
