"""How the server-mode screens look, at 80×24 and 120×40 (same rules as test_snapshots.py)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from textual.pilot import Pilot

from diary.domain import FixedClock
from tests.conftest import TODAY
from tests.tui.conftest import settle
from tests.tui.server_fixtures import CODE, Person, bearer
from tests.tui.test_server import log_in
from tests.tui.test_snapshots import SIZES, SnapCompare
from tui.factory import make_server_app
from tui.remote import RemoteGateway
from tui.remote_session import RemoteSession
from tui.sharing_data import AccessLog

EXPORT_FOLDER = Path("/home/patient")


def logged_in(email: str, *keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        if email:
            await log_in(pilot, email)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def share_with(api_client: TestClient, patient: Person, doctor: Person) -> None:
    """Ana logs two days and shares them with the doctor (with the first code, `CODE`)."""
    auth = bearer(api_client, patient.email)
    base = f"/v1/patients/{patient.id}"
    for day, pain in ((TODAY.replace(day=13), 6), (TODAY.replace(day=14), 4)):
        api_client.put(f"{base}/entries/{day}", json={"pain": pain, "mood": 5}, headers=auth)
    api_client.post(f"{base}/shares", json={}, headers=auth)
    doctor_auth = bearer(api_client, doctor.email)
    api_client.post("/v1/shares/accept", json={"code": CODE}, headers=doctor_auth)


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_login(
    snap_compare: SnapCompare, session: RemoteSession, clock: FixedClock, size: tuple[int, int]
) -> None:
    app = make_server_app(session, clock, EXPORT_FOLDER)
    assert snap_compare(app, terminal_size=size, run_before=logged_in(""))


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_sharing_with_a_new_code(
    snap_compare: SnapCompare,
    session: RemoteSession,
    clock: FixedClock,
    ana: Person,
    doctor: Person,
    api_client: TestClient,
    size: tuple[int, int],
) -> None:
    share_with(api_client, ana, doctor)
    app = make_server_app(session, clock, EXPORT_FOLDER)
    assert snap_compare(app, terminal_size=size, run_before=logged_in(ana.email, "f9", "i"))


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_clinician_patients(
    snap_compare: SnapCompare,
    session: RemoteSession,
    clock: FixedClock,
    ana: Person,
    doctor: Person,
    api_client: TestClient,
    size: tuple[int, int],
) -> None:
    share_with(api_client, ana, doctor)
    app = make_server_app(session, clock, EXPORT_FOLDER)
    assert snap_compare(app, terminal_size=size, run_before=logged_in(doctor.email))


def test_clinician_reads_the_diary(
    snap_compare: SnapCompare,
    session: RemoteSession,
    clock: FixedClock,
    ana: Person,
    doctor: Person,
    api_client: TestClient,
) -> None:
    share_with(api_client, ana, doctor)
    app = make_server_app(session, clock, EXPORT_FOLDER)
    run_before = logged_in(doctor.email, "enter")
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


def test_tampered_access_log(
    snap_compare: SnapCompare,
    session: RemoteSession,
    clock: FixedClock,
    ana: Person,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = RemoteGateway.access_log

    def tampered(self: RemoteGateway) -> AccessLog:
        return AccessLog(events=real(self).events, chain_intact=False)

    monkeypatch.setattr(RemoteGateway, "access_log", tampered)
    app = make_server_app(session, clock, EXPORT_FOLDER)
    assert snap_compare(app, terminal_size=(100, 30), run_before=logged_in(ana.email, "f9", "l"))
