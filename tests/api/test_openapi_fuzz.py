"""schemathesis over the whole OpenAPI: no server errors, every answer matches the schema."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from starlette.testclient import TestClient

from diary.api.app import create_app
from diary.domain import FixedClock
from diary.factory import open_diary
from diary.storage.engine import sqlite_url
from tests.api.conftest import PASSWORD

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # starlette TestClient

EXAMPLES_PER_OPERATION = int(os.environ.get("DIARY_FUZZ_EXAMPLES", "25"))
"""Kept small for the suite; set DIARY_FUZZ_EXAMPLES=500 for a deeper run."""
CHECKS = [
    schemathesis.checks.not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


def test_every_operation_of_the_openapi(tmp_path: Path, clock: FixedClock) -> None:
    """Generated requests, as a signed-in patient on their own diary, so they reach real code."""
    app = create_app(open_diary(sqlite_url(tmp_path / "fuzz.db"), clock))
    patient_id, token = _sign_in(TestClient(app))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        _fuzz(operation, patient_id, {"Authorization": f"Bearer {token}"})


def _sign_in(http: TestClient, email: str = "fuzz@example.org") -> tuple[str, str]:
    account = {"email": email, "password": PASSWORD, "name": "F", "role": "patient"}
    patient_id = http.post("/v1/auth/register", json=account).json()["id"]
    form = {"username": account["email"], "password": PASSWORD}
    return patient_id, http.post("/v1/auth/token", data=form).json()["access_token"]


def aim_at_own_diary(case: schemathesis.Case, patient_id: str) -> None:
    """Point a generated request at the signed-in patient's diary, so it reaches real code.

    Only a generated id that is a UUID is replaced: any other value is schemathesis' invalid
    data on purpose, and must stay so for the API to refuse it (and for the check that
    invalid data is refused to judge the answer by what was really sent).
    """
    generated = (case.path_parameters or {}).get("patient_id")
    if isinstance(generated, str) and _is_uuid(generated):
        case.path_parameters["patient_id"] = patient_id


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _fuzz(operation: Any, patient_id: str, headers: dict[str, str]) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case: schemathesis.Case) -> None:
        aim_at_own_diary(case, patient_id)
        case.call_and_validate(headers=headers, checks=CHECKS)

    try:
        run()
    except Exception as failure:
        pytest.fail(f"{operation.label}: {failure}")
