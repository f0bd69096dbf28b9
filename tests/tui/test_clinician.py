"""Clinician mode against a real `diary serve` process: accept a code, open the patient."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import httpx
from textual.widgets import DataTable

from bench.sync_load import running_server
from diary.domain import SystemClock
from tests.tui.conftest import settle
from tests.tui.server_fixtures import bearer, register
from tests.tui.test_server import log_in
from tui.factory import make_server_app
from tui.remote_session import RemoteSession


async def test_clinician_opens_a_shared_patient_read_only(
    tmp_path: Path, migrated_sqlite_template: Path
) -> None:
    db = tmp_path / "server.db"
    shutil.copyfile(migrated_sqlite_template, db)
    clock = SystemClock()
    with running_server(str(db)) as url, httpx.Client(base_url=url) as client:
        ana = register(client, "ana@example.org")
        doctor = register(client, "dr.lee@example.org", role="clinician")
        ana_auth = bearer(client, ana.email)
        day = clock.today() - dt.timedelta(days=1)
        client.put(f"/v1/patients/{ana.id}/entries/{day}", json={"pain": 4}, headers=ana_auth)
        invite = client.post(f"/v1/patients/{ana.id}/shares", json={}, headers=ana_auth)
        code = invite.json()["code"]

        app = make_server_app(RemoteSession(client, clock), clock, tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await log_in(pilot, doctor.email)
            assert app.current_mode == "patients"
            await pilot.press("a", *code.lower(), "enter")
            await settle(pilot)
            patients: DataTable[object] = app.screen.query_one("#patients", DataTable)
            assert patients.row_count == 1
            await pilot.press("enter")
            await settle(pilot)
            assert app.current_mode == "diary"
            days: DataTable[object] = app.screen.query_one("#days", DataTable)
            assert list(days.rows)
            assert next(iter(days.rows)).value == day.isoformat()
            assert app.gateway is not None
            assert app.gateway.read_only
            assert app.screen.check_action("edit_day", ()) is False
            await pilot.press("e", "d")  # edit keys do nothing on a shared diary
            assert not app.screen.is_modal
        log = client.get(f"/v1/patients/{ana.id}/access-log", headers=ana_auth).json()
        assert "read_entries" in [event["action"] for event in log["events"]]
