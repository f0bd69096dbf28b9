"""schemathesis' stateful run: sequences of calls linked through their answers (create an
infusion, then read, change and delete it; create a share, then revoke it), as a signed-in
patient on their own diary, with schemathesis' full set of checks after every call."""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance
from starlette.testclient import TestClient

from diary.api.app import create_app
from diary.domain import FixedClock
from diary.factory import open_diary
from diary.storage.engine import sqlite_url
from tests.api.test_openapi_fuzz import _sign_in, aim_at_own_diary

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # starlette TestClient
SEQUENCES = int(os.environ.get("DIARY_STATEFUL_EXAMPLES", "30"))


def test_linked_calls_keep_their_promises(tmp_path: Path, clock: FixedClock) -> None:
    app = create_app(open_diary(sqlite_url(tmp_path / "stateful.db"), clock))
    http = TestClient(app)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    base = schema.as_state_machine()
    assert len(base.bundles) >= 5, "schemathesis found no links to follow"
    patients = itertools.count()

    class PatientSession(base):  # type: ignore[valid-type,misc]
        def setup(self) -> None:
            # A new patient for each sequence: what earlier sequences stored (a share, an
            # infusion) must not change which calls this one can make, or hypothesis, which
            # replays sequences, finds the generation inconsistent (FlakyStrategyDefinition).
            email = f"stateful-{next(patients)}@example.org"
            self.patient_id, self.token = _sign_in(http, email)

        def before_call(self, case: schemathesis.Case) -> None:
            aim_at_own_diary(case, self.patient_id)

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return {"headers": {"Authorization": f"Bearer {self.token}"}}

        def validate_response(self, response: Any, case: schemathesis.Case, **kwargs: Any) -> None:
            # "Schema-valid data is accepted" cannot hold for a day after the patient's today:
            # that rule depends on the date, which no schema can state. Every other check runs.
            case.validate_response(response, excluded_checks=[positive_data_acceptance])

    PatientSession.run(
        settings=settings(
            max_examples=SEQUENCES,
            stateful_step_count=8,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
    )
