"""Server mode: login, token refresh, offline, errors mapped, sharing, and clinician mode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from textual.pilot import Pilot
from textual.widgets import Static

from diary.domain import (
    Conflict,
    DailyEntry,
    FixedClock,
    InfusionDetails,
    InvalidInput,
    NotFound,
)
from tests.conftest import TODAY
from tests.tui.conftest import settle
from tests.tui.server_fixtures import CODE, PASSWORD, Person, bearer
from tui.factory import make_server_app
from tui.remote import RemoteGateway
from tui.remote_session import RemoteSession, ServerUnreachable, _checked
from tui.server_app import ServerApp
from tui.sharing_data import AccessLog


async def log_in(pilot: Pilot[None], email: str, password: str = PASSWORD) -> None:
    await settle(pilot)
    await pilot.click("#email")
    await pilot.press(*email, "enter", *password, "enter")
    await settle(pilot)


def text_of(app: ServerApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def server_app(session: RemoteSession, clock: FixedClock, tmp_path: Path) -> ServerApp:
    return make_server_app(session, clock, tmp_path)


async def test_patient_logs_in_and_logs_today(
    session: RemoteSession, ana: Person, clock: FixedClock, tmp_path: Path, api_client: TestClient
) -> None:
    app = server_app(session, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, ana.email)
        assert app.current_mode == "today"
        await pilot.press("6", "ctrl+s")
        await settle(pilot)
    stored = api_client.get(f"/v1/patients/{ana.id}/entries", headers=bearer(api_client, ana.email))
    assert [(day["date"], day["pain"]) for day in stored.json()] == [(TODAY.isoformat(), 6)]


async def test_wrong_password_is_said_on_the_login_screen(
    session: RemoteSession, ana: Person, clock: FixedClock, tmp_path: Path
) -> None:
    app = server_app(session, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, ana.email, "not the password")
        assert app.current_mode == "login"
        assert "wrong e-mail or password" in text_of(app, "#login-error")


async def test_access_token_is_refreshed_before_it_runs_out(
    session: RemoteSession, ana: Person, clock: FixedClock, tmp_path: Path
) -> None:
    app = server_app(session, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, ana.email)
        first = session._tokens
        clock.advance(dt.timedelta(minutes=14, seconds=30))
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert session._tokens is not None
        assert first is not None
        assert session._tokens.refresh != first.refresh
        assert app.current_mode == "today"
        assert not [n for n in app._notifications if n.severity == "error"]


def test_a_refresh_token_is_never_sent_twice(
    session: RemoteSession, ana: Person, clock: FixedClock, api_client: TestClient
) -> None:
    session.log_in(ana.email, PASSWORD)
    used = session._tokens
    clock.advance(dt.timedelta(minutes=15))
    session.request("GET", "/v1/me")
    assert used is not None
    replay = api_client.post("/v1/auth/refresh", json={"refresh_token": used.refresh})
    assert replay.status_code == 401  # the server saw it once only: the login still works
    # ...and the reuse ended the whole login, as the API promises: the session must log in again
    with pytest.raises(Exception, match="log in again"):
        session.request("GET", "/v1/me")


async def test_offline_is_said_plainly_and_nothing_typed_is_lost(
    session: RemoteSession,
    ana: Person,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = server_app(session, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, ana.email)

        def offline(*args: object, **kwargs: object) -> httpx.Response:
            raise httpx.ConnectError("connection refused")

        monkeypatch.setattr(session.client, "request", offline)
        await pilot.press("7", "ctrl+s")
        await settle(pilot)
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert any("server unreachable" in text and "offline" in text for text in errors)
        assert app.has_unsaved_changes  # the 7 is still in the form


def test_login_to_a_server_that_is_not_there(clock: FixedClock) -> None:
    client = httpx.Client(base_url="http://127.0.0.1:9")  # the discard port: nothing listens
    with client, pytest.raises(ServerUnreachable, match="offline"):
        RemoteSession(client, clock).log_in("ana@example.org", PASSWORD)


def test_answers_become_domain_errors(session: RemoteSession, ana: Person) -> None:
    account = session.log_in(ana.email, PASSWORD)
    gateway = RemoteGateway(session, account.id, "test")
    tomorrow = TODAY + dt.timedelta(days=1)
    with pytest.raises(InvalidInput) as refused:
        gateway.save_entry(DailyEntry(date=tomorrow, pain=3))
    assert [problem.field for problem in refused.value.problems] == ["date"]
    with pytest.raises(NotFound):
        gateway.delete_entry(TODAY)
    with pytest.raises(Conflict, match="taken"):
        _checked(httpx.Response(409, json={"detail": "e-mail taken"}))


def test_infusions_are_recorded_and_changed_on_the_server(
    session: RemoteSession, ana: Person
) -> None:
    """The server's answer to an infusion's save carries its flags too; the terminal app
    takes the infusion from it (and the flags from the next overview)."""
    account = session.log_in(ana.email, PASSWORD)
    gateway = RemoteGateway(session, account.id, "test")
    week_ago = TODAY - dt.timedelta(days=7)
    added = gateway.add_infusion(InfusionDetails(date=week_ago, dose_mg=35))
    assert (added.date, added.dose_mg) == (week_ago, 35)
    changed = gateway.update_infusion(added.id, InfusionDetails(date=week_ago, dose_mg=50))
    assert (changed.id, changed.dose_mg) == (added.id, 50)


async def test_patient_invites_then_revokes_and_reads_the_log(
    session: RemoteSession,
    ana: Person,
    doctor: Person,
    clock: FixedClock,
    tmp_path: Path,
    api_client: TestClient,
) -> None:
    app = server_app(session, clock, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await log_in(pilot, ana.email)
        await pilot.press("f9", "i")
        await settle(pilot)
        assert text_of(app, "#invite-code") == " ".join(CODE)
        accepted = api_client.post(
            "/v1/shares/accept", json={"code": CODE}, headers=bearer(api_client, doctor.email)
        )
        assert accepted.status_code == 200
        await pilot.press("ctrl+r")  # nothing to re-read on this page but the diary
        app.screen.read_shares()  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await pilot.click("#confirm")
        await settle(pilot)
        shares = api_client.get(
            f"/v1/patients/{ana.id}/shares", headers=bearer(api_client, ana.email)
        ).json()
        assert [share["status"] for share in shares] == ["revoked"]
        await pilot.press("l")
        await settle(pilot)
        assert app.screen.query_one("#events").row_count >= 3  # type: ignore[attr-defined]
        assert not app.screen.query("#chain-broken")


async def test_a_broken_access_log_is_flagged(
    session: RemoteSession,
    ana: Person,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        RemoteGateway, "access_log", lambda self: AccessLog(events=(), chain_intact=False)
    )
    app = server_app(session, clock, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await log_in(pilot, ana.email)
        await pilot.press("f9", "l")
        await settle(pilot)
        assert "TAMPERED" in text_of(app, "#chain-broken")
