"""The diary as a FHIR R4 Bundle (type `collection`), built and checked with fhir.resources' R4B
models: the Patient, one Observation per recorded score per day, a MedicationStatement per
infusion day, and a Flag per open warning flag. docs/fhir.md maps every field.

Infusions are recorded by the patient, not the clinic that gave them, so they are
MedicationStatements (informationSource: the Patient), as FHIR advises for patient-reported
medication; a clinic's own record would be a MedicationAdministration.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.domainresource import DomainResource
from fhir.resources.R4B.flag import Flag as FhirFlag
from fhir.resources.R4B.medicationstatement import MedicationStatement
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient

from diary.analysis import Flag
from diary.domain import DailyEntry, Infusion
from diary.export.fhir_codes import (
    DIARY_FLAGS,
    DIARY_IDS,
    DIARY_ITEMS,
    FLAG_CATEGORY,
    ITEMS,
    OBSERVATION_CATEGORY,
    UCUM,
    ValueKind,
    answer_concept,
    coding,
    item_concept,
    route_concept,
)
from diary.export.summary import AppointmentSummary
from diary.export.wording import TIER_LABEL, rule_label

NAMESPACE = uuid.UUID(DIARY_IDS.removeprefix("urn:uuid:"))
SURVEY = [{"coding": [coding(OBSERVATION_CATEGORY, "survey", "Survey")]}]
KETAMINE = {"coding": [coding(DIARY_ITEMS, "ketamine", "Ketamine")], "text": "ketamine"}


def fhir_bundle(
    summary: AppointmentSummary, patient_id: uuid.UUID, exported_at: dt.datetime
) -> str:
    """The Bundle as FHIR JSON; every resource is validated by fhir.resources on the way."""
    patient = f"urn:uuid:{patient_id}"
    resources: list[DomainResource] = [_patient(patient_id, summary.patient_name)]
    for entry in summary.entries:
        resources += _observations(entry, patient_id)
    resources += [_medication(infusion, patient) for infusion in summary.infusions]
    open_flags = [line.flag for line in summary.flags if line.is_open]
    resources += [_flag(flag, patient_id) for flag in open_flags]
    bundle = Bundle(
        id=str(_stable_id(patient_id, f"bundle/{exported_at.isoformat()}")),
        type="collection",
        timestamp=exported_at.isoformat(),
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in resources],
    )
    return bundle.model_dump_json() + "\n"


def _stable_id(patient_id: uuid.UUID, name: str) -> uuid.UUID:
    """The same resource gets the same id in every export of the same diary."""
    return uuid.uuid5(NAMESPACE, f"{patient_id}/{name}")


def _reference(patient_id: uuid.UUID) -> dict[str, str]:
    return {"reference": f"urn:uuid:{patient_id}"}


def _patient(patient_id: uuid.UUID, name: str) -> Patient:
    return Patient(id=str(patient_id), active=True, name=[{"text": name}])


def _observations(entry: DailyEntry, patient_id: uuid.UUID) -> Iterator[Observation]:
    """One Observation per field the patient recorded that day (an empty field is not sent)."""
    for field, item in ITEMS.items():
        value = getattr(entry, field)
        if field == "warning_signs":
            for sign in value:
                yield _observation(entry, field, patient_id, answer_concept(sign.value), sign)
        elif value is not None:
            yield _observation(entry, field, patient_id, _value(item.kind, value))


def _value(kind: ValueKind, value: Any) -> Any:
    if kind is ValueKind.HOURS:
        return {"value": value, "unit": "h", "system": UCUM, "code": "h"}
    if kind is ValueKind.ANSWER:
        return answer_concept(str(value))
    return value


def _observation(
    entry: DailyEntry, field: str, patient_id: uuid.UUID, value: Any, sign: str | None = None
) -> Observation:
    name = f"{entry.date.isoformat()}/{field}" + (f"/{sign}" if sign else "")
    subject = _reference(patient_id)
    notes = [{"text": entry.notes}] if field == "pain" and entry.notes else None
    return Observation.model_validate(
        {
            "resourceType": "Observation",
            "id": str(_stable_id(patient_id, name)),
            "status": "final",
            "category": SURVEY,
            "code": item_concept(field),
            "subject": subject,
            "performer": [subject],
            "effectiveDateTime": entry.date.isoformat(),
            ITEMS[field].kind.value: value,
            "note": notes,
        }
    )


def _medication(infusion: Infusion, patient: str) -> MedicationStatement:
    dosage: dict[str, Any] = {
        "text": _dosage_text(infusion),
        "route": route_concept(infusion.route),
    }
    if infusion.dose_mg is not None:
        dose = {"value": infusion.dose_mg, "unit": "mg", "system": UCUM, "code": "mg"}
        dosage["doseAndRate"] = [{"doseQuantity": dose}]
    if infusion.duration_min is not None:
        dosage["timing"] = {"repeat": {"duration": infusion.duration_min, "durationUnit": "min"}}
    return MedicationStatement.model_validate(
        {
            "resourceType": "MedicationStatement",
            "id": str(infusion.id),
            "status": "completed",
            "medicationCodeableConcept": KETAMINE,
            "subject": {"reference": patient},
            "informationSource": {"reference": patient},
            "effectiveDateTime": infusion.date.isoformat(),
            "dosage": [dosage],
            "note": [{"text": infusion.notes}] if infusion.notes else None,
        }
    )


def _dosage_text(infusion: Infusion) -> str:
    parts = ["ketamine", infusion.route.value]
    if infusion.dose_mg is not None:
        parts.append(f"{infusion.dose_mg:g} mg")
    if infusion.duration_min is not None:
        parts.append(f"over {infusion.duration_min} min")
    return " ".join(parts)


def _flag(flag: Flag, patient_id: uuid.UUID) -> FhirFlag:
    tier = {"coding": [coding(DIARY_FLAGS, flag.tier.value)], "text": TIER_LABEL[flag.tier]}
    clinical = {"coding": [coding(FLAG_CATEGORY, "clinical", "Clinical")]}
    return FhirFlag.model_validate(
        {
            "resourceType": "Flag",
            "id": str(_stable_id(patient_id, f"flag/{flag.key}")),
            "status": "active",
            "category": [clinical, tier],
            "code": {
                "coding": [coding(DIARY_FLAGS, flag.rule, rule_label(flag.rule))],
                "text": flag.message,
            },
            "subject": _reference(patient_id),
            "period": {"start": flag.date.isoformat()},
        }
    )
