"""Turning raw input into domain objects, with every broken rule named in plain words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from diary.domain.days import DAY_RULE
from diary.domain.entry import (
    MAX_RESCUE_DOSES,
    MAX_VOMITING_EPISODES,
    NOTES_MAX_CHARS,
    SCORE_FIELDS,
    DailyEntry,
)
from diary.domain.errors import FieldProblem, InvalidInput
from diary.domain.infusion import INFUSION_NOTES_MAX_CHARS, Infusion, InfusionDetails
from diary.domain.vocabulary import BloodInUrine, Route, WarningSign


def listed(values: Iterable[str]) -> str:
    """`iv, im, oral`: the values a field accepts, as the rules list them."""
    return ", ".join(values)


FIELD_RULES: dict[str, str] = {
    **dict.fromkeys(SCORE_FIELDS, "must be a whole number from 0 to 10"),
    "date": DAY_RULE,
    "sleep_hours": "must be a number of hours from 0 to 24 in steps of 0.25",
    "hallucinations": "must be true or false",
    "unable_to_urinate": "must be true or false",
    "vomiting": f"must be a whole number of episodes from 0 to {MAX_VOMITING_EPISODES}",
    "rescue_doses": f"must be a whole number of doses from 0 to {MAX_RESCUE_DOSES}",
    "blood_in_urine": f"must be one of: {listed(BloodInUrine)}",
    "warning_signs": f"each sign must be one of: {listed(WarningSign)}",
    "notes": f"must be at most {NOTES_MAX_CHARS} characters",
    "route": f"must be one of: {listed(Route)}",
    "dose_mg": "must be a number of milligrams greater than 0 (at most 10000)",
    "duration_min": "must be a whole number of minutes from 1 to 1440",
    "id": "must be a UUID",
}
INFUSION_RULES = {**FIELD_RULES, "notes": f"must be at most {INFUSION_NOTES_MAX_CHARS} characters"}

ModelT = TypeVar("ModelT", bound=BaseModel)


def problems_from(
    error: ValidationError, rules: Mapping[str, str] = FIELD_RULES, row: int | None = None
) -> list[FieldProblem]:
    """One FieldProblem per pydantic error, worded with the field's documented rule."""
    return [_problem(detail, rules, row) for detail in error.errors()]


def _problem(detail: ErrorDetails, rules: Mapping[str, str], row: int | None) -> FieldProblem:
    field = ".".join(str(part) for part in detail["loc"]) or "entry"
    value = None if detail["type"] == "missing" else detail.get("input")
    return FieldProblem(field=field, rule=rule_text(detail, rules), value=value, row=row)


def rule_text(detail: Mapping[str, Any], rules: Mapping[str, str] = FIELD_RULES) -> str:
    """The broken rule in the diary's words, for one pydantic (or FastAPI) error item."""
    named_parts = [part for part in detail["loc"] if isinstance(part, str)]
    own_field = named_parts[-1] if named_parts else ""
    if detail["type"] == "missing":
        return "is required"
    if detail["type"] == "extra_forbidden":
        return "is not a field of the diary"
    if detail["type"] == "json_invalid":  # a request body that does not parse
        reason = detail.get("ctx", {}).get("error")
        return f"must be valid JSON ({reason})" if reason else "must be valid JSON"
    if detail["type"] == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    return rules.get(own_field, str(detail["msg"]))


def check_not_in_future(day: dt.date, today: dt.date, row: int | None = None) -> None:
    """Refuse a diary day after the patient's today."""
    if day > today:
        rule = f"must not be in the future (today is {today.isoformat()})"
        raise InvalidInput([FieldProblem("date", rule, day.isoformat(), row)])


def _parse(
    model: type[ModelT], data: Mapping[str, Any], rules: Mapping[str, str], row: int | None
) -> ModelT:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(problems_from(error, rules, row)) from None


def parse_entry(data: Mapping[str, Any], today: dt.date, row: int | None = None) -> DailyEntry:
    """A valid DailyEntry from raw values, or InvalidInput naming every broken rule."""
    entry = _parse(DailyEntry, data, FIELD_RULES, row)
    check_not_in_future(entry.date, today, row)
    return entry


def parse_infusion(data: Mapping[str, Any], row: int | None = None) -> InfusionDetails:
    """Valid infusion details (or a stored Infusion when `data` has an id)."""
    model: type[InfusionDetails] = Infusion if "id" in data else InfusionDetails
    return _parse(model, data, INFUSION_RULES, row)
