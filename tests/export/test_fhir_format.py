"""The FHIR R4 Bundle: parses and validates with fhir.resources' R4B models, codes in place."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import Counter
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation

from diary.analysis import Insights, compute_insights
from diary.domain import DailyEntry, Infusion, Route
from diary.export.fhir_codes import DIARY_FLAGS, DIARY_ITEMS, DIARY_VALUES, ITEMS, LOINC, SNOMED
from diary.export.fhir_format import fhir_bundle
from diary.export.summary import AppointmentSummary, Period, build_summary
from tests.export.conftest import Demo

PATIENT = uuid.UUID("0f6b1c2e-8d7a-4a39-9a55-1c2d3e4f5a6b")
EXPORTED = dt.datetime(2026, 1, 5, 18, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def document(demo_summary: AppointmentSummary) -> str:
    return fhir_bundle(demo_summary, PATIENT, EXPORTED)


@pytest.fixture(scope="module")
def bundle(document: str) -> Bundle:
    return Bundle.model_validate_json(document)


def resources(bundle: Bundle, kind: str) -> list[Any]:
    return [e.resource for e in bundle.entry or [] if e.resource.get_resource_type() == kind]


def codes(concept: Any) -> dict[str, str]:
    return {coding.system: coding.code for coding in concept.coding}


def test_bundle_is_a_valid_r4_collection(bundle: Bundle, demo_summary: AppointmentSummary) -> None:
    assert bundle.type == "collection"
    assert bundle.timestamp is not None
    entries = bundle.entry or []
    assert all(entry.fullUrl == f"urn:uuid:{entry.resource.id}" for entry in entries)
    assert len({entry.fullUrl for entry in entries}) == len(entries)
    kinds = Counter(entry.resource.get_resource_type() for entry in entries)
    assert kinds["Patient"] == 1
    assert kinds["MedicationStatement"] == len(demo_summary.infusions)
    assert kinds["Flag"] == 3


def test_every_observation_has_subject_date_code_and_value(bundle: Bundle) -> None:
    observations: list[Observation] = resources(bundle, "Observation")
    assert len(observations) > 3000
    for observation in observations:
        assert observation.subject is not None
        assert observation.subject.reference == f"urn:uuid:{PATIENT}"
        assert observation.effectiveDateTime is not None
        assert observation.code.coding
        values = [
            observation.valueInteger,
            observation.valueQuantity,
            observation.valueBoolean,
            observation.valueCodeableConcept,
        ]
        assert sum(value is not None for value in values) == 1
        assert observation.status == "final"


def _one_day_bundle(entry: DailyEntry, infusions: list[Infusion] | None = None) -> Bundle:
    insights = compute_insights([entry], infusions or [], entry.date)
    period = Period(entry.date, entry.date)
    summary = build_summary([entry], infusions or [], insights, "Ana", period)
    return Bundle.model_validate_json(fhir_bundle(summary, PATIENT, EXPORTED))


def test_one_observation_per_recorded_score_with_standard_codes() -> None:
    entry = DailyEntry(
        date=dt.date(2026, 1, 2),
        pain=6,
        sleep_hours=7.25,
        nausea=3,
        mood=4,
        hallucinations=False,
        urination_pain=2,
        blood_in_urine="pink",
        warning_signs=("dark_urine", "fainting"),
        notes="Tired; ☕",
    )
    by_item: dict[str, list[Observation]] = {}
    for observation in resources(_one_day_bundle(entry), "Observation"):
        by_item.setdefault(codes(observation.code)[DIARY_ITEMS], []).append(observation)
    recorded = {"pain", "sleep_hours", "nausea", "mood", "hallucinations", "urination_pain"}
    assert set(by_item) == recorded | {"blood_in_urine", "warning_signs"}
    assert codes(by_item["pain"][0].code)[LOINC] == "72514-3"
    assert by_item["pain"][0].valueInteger == 6
    assert by_item["pain"][0].note[0].text == "Tired; ☕"
    sleep = by_item["sleep_hours"][0]
    assert codes(sleep.code)[LOINC] == "93832-4"
    assert (sleep.valueQuantity.value, sleep.valueQuantity.code) == (7.25, "h")
    assert codes(by_item["nausea"][0].code)[LOINC] == "112497-3"
    assert LOINC not in codes(by_item["mood"][0].code)  # ESAS-r runs the other way round
    assert by_item["hallucinations"][0].valueBoolean is False
    assert codes(by_item["urination_pain"][0].code)[SNOMED] == "49650001"
    blood = by_item["blood_in_urine"][0]
    assert codes(blood.valueCodeableConcept) == {DIARY_VALUES: "pink"}
    signs = {codes(o.valueCodeableConcept)[DIARY_VALUES] for o in by_item["warning_signs"]}
    assert signs == {"dark_urine", "fainting"}


def test_each_field_has_a_mapping() -> None:
    assert set(ITEMS) == set(DailyEntry.model_fields) - {"date", "notes"}


def test_infusion_is_a_patient_reported_medication_statement() -> None:
    infusion = Infusion(
        date=dt.date(2026, 1, 2), route=Route.IV, dose_mg=52.5, duration_min=40, notes="ok"
    )
    bundle = _one_day_bundle(DailyEntry(date=dt.date(2026, 1, 2), pain=5), [infusion])
    (statement,) = resources(bundle, "MedicationStatement")
    assert statement.id == str(infusion.id)
    assert statement.status == "completed"
    assert statement.informationSource.reference == f"urn:uuid:{PATIENT}"
    assert str(statement.effectiveDateTime) == "2026-01-02"
    (dosage,) = statement.dosage
    assert codes(dosage.route) == {SNOMED: "47625008", DIARY_VALUES: "iv"}
    dose = dosage.doseAndRate[0].doseQuantity
    assert (dose.value, dose.unit, dose.code) == (52.5, "mg", "mg")
    assert (dosage.timing.repeat.duration, dosage.timing.repeat.durationUnit) == (40, "min")


def test_flags_are_the_open_warning_flags(bundle: Bundle, demo_insights: Insights) -> None:
    flags = resources(bundle, "Flag")
    assert {codes(flag.code)[DIARY_FLAGS] for flag in flags} == {
        flag.rule for flag in demo_insights.flags
    }
    for flag in flags:
        assert flag.status == "active"
        assert flag.subject.reference == f"urn:uuid:{PATIENT}"
        assert flag.period.start is not None


def test_acknowledged_flags_are_not_sent(demo: Demo, demo_insights: Insights) -> None:
    entries, infusions, as_of = demo
    period = Period(entries[0].date, as_of)
    summary = build_summary(entries, infusions, demo_insights, "A", period, open_flag_keys=set())
    bundle = Bundle.model_validate_json(fhir_bundle(summary, PATIENT, EXPORTED))
    assert resources(bundle, "Flag") == []


def test_ids_are_stable_across_exports(demo_summary: AppointmentSummary, document: str) -> None:
    again = fhir_bundle(demo_summary, PATIENT, EXPORTED + dt.timedelta(hours=1))
    ids = [e["resource"]["id"] for e in json.loads(document)["entry"]]
    assert [e["resource"]["id"] for e in json.loads(again)["entry"]] == ids


def test_patient_resource_holds_the_name_only(bundle: Bundle) -> None:
    (patient,) = resources(bundle, "Patient")
    assert patient.id == str(PATIENT)
    assert [name.text for name in patient.name] == ["Ana Ejemplo-Łukasiewicz"]
    assert patient.telecom is None
    assert patient.birthDate is None
