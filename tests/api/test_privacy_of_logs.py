"""Nothing a patient wrote, and no token, ends up in the server's logs."""

from __future__ import annotations

import logging

import httpx
import pytest

from diary.factory import Diary
from tests.api.conftest import PASSWORD, SignedIn
from tests.conftest import TODAY

SECRET_NOTE = "my private note about the flare 7f3a"


async def test_logs_hold_no_diary_content_or_tokens(
    client: httpx.AsyncClient, ana: SignedIn, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await client.put(
        f"{ana.base}/entries/{TODAY}", headers=ana.headers, json={"pain": 4, "notes": SECRET_NOTE}
    )
    await client.put(
        f"{ana.base}/entries/{TODAY}", headers=ana.headers, json={"pain": 40, "notes": SECRET_NOTE}
    )
    await client.post("/v1/auth/token", data={"username": "ana@example.org", "password": "wrong"})
    logged = caplog.text
    for secret in (SECRET_NOTE, ana.access_token, ana.refresh_token, PASSWORD):
        assert secret not in logged


async def test_unexpected_fault_answers_json_500_without_details(
    client: httpx.AsyncClient,
    ana: SignedIn,
    diary: Diary,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Fault injection: a service blows up with patient data in its message."""

    def broken(*_args: object) -> None:
        raise RuntimeError(SECRET_NOTE)

    monkeypatch.setattr(diary.entries, "list_entries", broken)
    answer = await client.get(f"{ana.base}/entries", headers=ana.headers)
    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal server error"}
    assert SECRET_NOTE not in caplog.text
    assert "RuntimeError" in caplog.text
