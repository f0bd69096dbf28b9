"""The codes of the FHIR export: LOINC and SNOMED CT where a standard code exists, the diary's
own code systems otherwise (docs/fhir.md maps every field).

The diary's code systems are named by fixed `urn:uuid:` URIs, which FHIR accepts as code
system identifiers: the project has no web domain of its own to put canonical URLs under.
Each code in them is the diary's own field or value name (design.md §2), so a reader can map
them back without a lookup table.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from diary.domain import Route

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
DIARY_ITEMS = "urn:uuid:d36b8298-2318-444a-ab7b-463913f196e6"
"""What was recorded: the §2 field names (`pain_worst`, `mood`, ...) and `ketamine`."""
DIARY_VALUES = "urn:uuid:9ae6690a-dc63-41d0-b1a5-e123963ae155"
"""Answers: `blood_in_urine` levels, warning signs and infusion routes, by their §2 names."""
DIARY_FLAGS = "urn:uuid:6ac04814-87f6-4cd1-bb8f-8f6149393946"
"""Warning-flag rules (`same_day.blood_in_urine`) and tiers (`emergency`, `same_day`, `review`)."""
DIARY_IDS = "urn:uuid:37a157a4-44e0-442b-92a9-c76e5eafa0ed"
"""Namespace of the stable resource ids (UUID version 5) the export gives its resources."""


class ValueKind(enum.Enum):
    SCORE = "valueInteger"
    """A whole 0–10 rating, or a count."""
    HOURS = "valueQuantity"
    YES_NO = "valueBoolean"
    ANSWER = "valueCodeableConcept"
    """One of the diary's fixed answers (DIARY_VALUES)."""


@dataclass(frozen=True)
class Item:
    """How one diary field becomes an Observation."""

    label: str
    kind: ValueKind
    loinc: tuple[str, str] | None = None
    snomed: tuple[str, str] | None = None


ITEMS: dict[str, Item] = {
    "pain": Item(
        "Average pain over the last 24 hours (0 no pain, 10 worst imaginable)",
        ValueKind.SCORE,
        loinc=("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
    ),
    "pain_worst": Item("Worst pain in the last 24 hours (0–10)", ValueKind.SCORE),
    "mood": Item("Mood (0 very low, 10 very good)", ValueKind.SCORE),
    "sleep_hours": Item(
        "Hours slept last night", ValueKind.HOURS, loinc=("93832-4", "Sleep duration")
    ),
    "sleep_quality": Item("Sleep quality last night (0 terrible, 10 excellent)", ValueKind.SCORE),
    "dissociation": Item(
        "Felt detached, unreal or dream-like (0–10; not a validated scale)", ValueKind.SCORE
    ),
    "hallucinations": Item("Saw or heard things others didn't", ValueKind.YES_NO),
    "nausea": Item("Nausea (0 none, 10 worst possible)", ValueKind.SCORE, ("112497-3", "Nausea")),
    "vomiting": Item("Vomiting episodes in 24 hours", ValueKind.SCORE),
    "urinary_frequency": Item(
        "Needing to pass urine more often than usual (0–10)",
        ValueKind.SCORE,
        snomed=("162116003", "Increased frequency of urination"),
    ),
    "urinary_urgency": Item(
        "Sudden need to pass urine (0–10)",
        ValueKind.SCORE,
        snomed=("75088002", "Urgent desire to urinate"),
    ),
    "urination_pain": Item(
        "Pain or burning passing urine (0–10)", ValueKind.SCORE, snomed=("49650001", "Dysuria")
    ),
    "bladder_pain": Item("Pain over the bladder (0–10)", ValueKind.SCORE),
    "blood_in_urine": Item(
        "Blood seen in urine", ValueKind.ANSWER, snomed=("34436003", "Blood in urine")
    ),
    "unable_to_urinate": Item("Unable to pass urine", ValueKind.YES_NO),
    "warning_signs": Item("Warning sign present", ValueKind.ANSWER),
    "rescue_doses": Item("As-needed pain medication doses taken", ValueKind.SCORE),
}
"""Every diary field but `date` (the effective date) and `notes` (a note on the pain score)."""

ROUTE_SNOMED: dict[Route, tuple[str, str]] = {
    Route.IV: ("47625008", "Intravenous route"),
    Route.IM: ("78421000", "Intramuscular route"),
    Route.SUBCUTANEOUS: ("34206005", "Subcutaneous route"),
    Route.INTRANASAL: ("46713006", "Nasal route"),
    Route.ORAL: ("26643006", "Oral route"),
}
"""`other` has no SNOMED code; it is sent with the diary's own code only."""


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    shown = {"display": display} if display else {}
    return {"system": system, "code": code, **shown}


def item_concept(field: str) -> dict[str, Any]:
    """The Observation.code of a diary field: standard codes first, the diary's own last."""
    item = ITEMS[field]
    codings = []
    if item.loinc:
        codings.append(coding(LOINC, *item.loinc))
    if item.snomed:
        codings.append(coding(SNOMED, *item.snomed))
    codings.append(coding(DIARY_ITEMS, field, item.label))
    return {"coding": codings, "text": item.label}


def answer_concept(value: str) -> dict[str, Any]:
    return {"coding": [coding(DIARY_VALUES, value)], "text": value.replace("_", " ")}


def route_concept(route: Route) -> dict[str, Any]:
    codings = [coding(SNOMED, *ROUTE_SNOMED[route])] if route in ROUTE_SNOMED else []
    codings.append(coding(DIARY_VALUES, route.value))
    return {"coding": codings, "text": route.value}
