"""Two phones of one patient edit offline in any order; after they sync, they agree with each
other and with the server, and no day anyone wrote (and nobody deleted) is lost.

The phone below follows the client steps of docs/api.md: push pending changes with the version
last seen, keep the server's row on a conflict, then pull from the cursor.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary.api.app import create_app
from diary.domain import FixedClock
from diary.factory import open_diary
from diary.storage.engine import sqlite_url
from tests.api.conftest import PASSWORD

DAYS = [str(dt.date(2026, 6, 1) + dt.timedelta(days=n)) for n in range(4)]
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # starlette TestClient


@dataclass
class Phone:
    http: TestClient
    headers: dict[str, str]
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    """day -> {"version", "data"} as last known (data None for a deleted day)."""
    pending: dict[str, dict[str, Any]] = field(default_factory=dict)
    cursor: int = 0

    def write(self, day: str, pain: int | None) -> None:
        """Record a day (pain) or delete it (None) offline."""
        if pain is None and self.rows.get(day, {}).get("data") is None:
            return  # nothing to delete on this phone
        base = self.rows.get(day, {}).get("version")
        data = None if pain is None else {"pain": pain}
        self.pending[day] = {
            "table": "entries",
            "op": "delete" if pain is None else "upsert",
            "id": day,
            "base_version": base,
            "data": data,
        }
        self.rows[day] = {"version": base, "data": data}

    def sync(self) -> None:
        if self.pending:
            self._push()
        self._pull()

    def _push(self) -> None:
        body = {"changes": list(self.pending.values())}
        headers = {**self.headers, "Idempotency-Key": uuid.uuid4().hex}
        answer = self.http.post("/v1/sync/push", json=body, headers=headers)
        assert answer.status_code == 200, answer.text
        for result in answer.json()["results"]:
            assert result["status"] != "rejected", result
            if result["status"] == "conflict":  # the server's row wins
                server = result["server"]
                self.rows[result["id"]] = {"version": server["version"], "data": server["data"]}
            else:
                self.rows[result["id"]]["version"] = result["version"]
        self.pending.clear()

    def _pull(self) -> None:
        has_more = True
        while has_more:
            page = self.http.get(
                "/v1/sync/pull", params={"cursor": self.cursor}, headers=self.headers
            ).json()
            for change in page["changes"]:
                self.rows[change["id"]] = {"version": change["version"], "data": change["data"]}
            self.cursor, has_more = page["cursor"], page["has_more"]

    def diary(self) -> dict[str, int]:
        return {day: row["data"]["pain"] for day, row in self.rows.items() if row["data"]}


step = st.tuples(
    st.sampled_from(["A", "B"]),
    st.one_of(
        st.just(("sync",)),
        st.tuples(
            st.just("write"), st.sampled_from(DAYS), st.one_of(st.none(), st.integers(0, 10))
        ),
    ),
)


@pytest.fixture(scope="module")
def http(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    clock = FixedClock(dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC))
    db = tmp_path_factory.mktemp("converge") / "converge.db"
    return TestClient(create_app(open_diary(sqlite_url(db), clock)))


def two_phones(http: TestClient) -> tuple[Phone, Phone]:
    email = f"{uuid.uuid4().hex[:10]}@example.org"
    account = {"email": email, "password": PASSWORD, "name": "Two Phones", "role": "patient"}
    http.post("/v1/auth/register", json=account).raise_for_status()
    phones = []
    for _ in range(2):
        token = http.post("/v1/auth/token", data={"username": email, "password": PASSWORD})
        phones.append(Phone(http, {"Authorization": f"Bearer {token.json()['access_token']}"}))
    return phones[0], phones[1]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, max_size=25))
def test_offline_edits_converge(http: TestClient, steps: list[tuple[str, tuple[Any, ...]]]) -> None:
    phones = dict(zip("AB", two_phones(http), strict=True))
    written, deleted_by_someone = set(), set()
    for name, action in steps:
        if action[0] == "sync":
            phones[name].sync()
        else:
            _, day, pain = action
            phones[name].write(day, pain)
            (written if pain is not None else deleted_by_someone).add(day)
    for _ in range(2):
        phones["A"].sync()
        phones["B"].sync()
    assert phones["A"].diary() == phones["B"].diary()
    server = _server_diary(http, phones["A"])
    assert phones["A"].diary() == server
    assert written - deleted_by_someone <= server.keys(), "a day nobody deleted was lost"


def _server_diary(http: TestClient, phone: Phone) -> dict[str, int]:
    me = http.get("/v1/me", headers=phone.headers).json()
    entries = http.get(f"/v1/patients/{me['id']}/entries", headers=phone.headers).json()
    return {entry["date"]: entry["pain"] for entry in entries}


def test_phone_model_is_exercised(tmp_path: Path) -> None:
    """The property above must not pass vacuously: one hand-written run that conflicts."""
    clock = FixedClock(dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC))
    http = TestClient(create_app(open_diary(sqlite_url(tmp_path / "c.db"), clock)))
    a, b = two_phones(http)
    a.write(DAYS[0], 3)
    a.sync()
    b.sync()
    a.write(DAYS[0], 5)
    b.write(DAYS[0], 8)
    a.sync()
    b.sync()  # conflict: b takes a's row
    a.sync()
    assert a.diary() == b.diary() == {DAYS[0]: 5}
