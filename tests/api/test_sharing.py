"""Sharing with clinicians: invite, accept, read, revoke, expire, and the access log."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest
from sqlalchemy import text

from diary.domain import FixedClock
from diary.factory import Diary
from tests.api.conftest import PASSWORD, SignedIn, sign_up
from tests.conftest import TODAY


async def invite(client: httpx.AsyncClient, patient: SignedIn, **options: object) -> str:
    answer = await client.post(f"{patient.base}/shares", json=options, headers=patient.headers)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["code"])


async def accept(client: httpx.AsyncClient, clinician: SignedIn, code: str) -> httpx.Response:
    return await client.post("/v1/shares/accept", json={"code": code}, headers=clinician.headers)


@pytest.fixture
async def doctor(client: httpx.AsyncClient) -> SignedIn:
    return await sign_up(client, "dr.lee@clinic.example", role="clinician")


async def test_share_read_revoke_and_the_access_log(
    client: httpx.AsyncClient, ana: SignedIn, ben: SignedIn, doctor: SignedIn
) -> None:
    await client.put(f"{ana.base}/entries/{TODAY}", json={"pain": 6}, headers=ana.headers)
    code = await invite(client, ana)
    assert (await accept(client, doctor, code)).json()["status"] == "active"
    assert (await client.get(f"{ana.base}/entries", headers=doctor.headers)).json()[0]["pain"] == 6
    assert (await client.get(f"{ana.base}/insights", headers=doctor.headers)).status_code == 200
    other_doctor = await sign_up(client, "dr.kim@clinic.example", role="clinician")
    for stranger in (other_doctor, ben):
        assert (
            await client.get(f"{ana.base}/entries", headers=stranger.headers)
        ).status_code == 404
    share_id = (await client.get(f"{ana.base}/shares", headers=ana.headers)).json()[0]["id"]
    revoked = await client.delete(f"{ana.base}/shares/{share_id}", headers=ana.headers)
    assert revoked.json()["status"] == "revoked"
    assert (await client.get(f"{ana.base}/entries", headers=doctor.headers)).status_code == 404
    log = (await client.get(f"{ana.base}/access-log", headers=ana.headers)).json()
    assert log["chain_intact"] is True
    assert [e["action"] for e in log["events"]] == [
        "login",
        "share_created",
        "share_accepted",
        "read_entries",
        "read_insights",
        "share_revoked",
    ]
    assert [e["seq"] for e in log["events"]] == list(range(1, 7))


async def test_code_is_typable_single_use_and_forgiving(
    client: httpx.AsyncClient, ana: SignedIn, doctor: SignedIn
) -> None:
    code = await invite(client, ana)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}", code)  # 60 bits
    retyped = code.lower().replace("-", " ").replace("0", "o")
    assert (await accept(client, doctor, retyped)).status_code == 200
    second = await sign_up(client, "dr.kim@clinic.example", role="clinician")
    used = await accept(client, second, code)
    assert used.status_code == 404
    assert "not valid" in used.json()["detail"]


async def test_invite_expires(
    client: httpx.AsyncClient, ana: SignedIn, doctor: SignedIn, clock: FixedClock
) -> None:
    code = await invite(client, ana, valid_days=1)
    clock.advance(dt.timedelta(days=1, seconds=1))
    fresh = await sign_up(client, "dr.new@clinic.example", role="clinician")
    assert (await accept(client, fresh, code)).status_code == 404


async def test_share_ends_on_its_last_day(
    client: httpx.AsyncClient, ana: SignedIn, doctor: SignedIn, diary: Diary
) -> None:
    await accept(client, doctor, await invite(client, ana, ends_on=str(TODAY)))
    assert (await client.get(f"{ana.base}/entries", headers=doctor.headers)).status_code == 200
    with diary.engine.begin() as connection:  # the end passes while the clinician is signed in
        connection.execute(
            text("UPDATE shares SET ends_at = :past"),
            {"past": dt.datetime(2026, 6, 15, 11, tzinfo=dt.UTC)},
        )
    assert (await client.get(f"{ana.base}/entries", headers=doctor.headers)).status_code == 404


async def test_clinician_sees_only_the_shared_dates(
    client: httpx.AsyncClient, ana: SignedIn, doctor: SignedIn
) -> None:
    for day in ("2026-06-01", "2026-06-05", "2026-06-10"):
        await client.put(f"{ana.base}/entries/{day}", json={"pain": 5}, headers=ana.headers)
    code = await invite(client, ana, visible_from="2026-06-02", visible_to="2026-06-09")
    await accept(client, doctor, code)
    seen = await client.get(f"{ana.base}/entries", headers=doctor.headers)
    assert [e["date"] for e in seen.json()] == ["2026-06-05"]
    hidden = await client.get(f"{ana.base}/entries/2026-06-10", headers=doctor.headers)
    assert hidden.status_code == 404
    insights = await client.get(f"{ana.base}/insights", headers=doctor.headers)
    assert insights.json()["as_of"] == "2026-06-09"


async def test_clinicians_never_write_and_patients_never_accept(
    client: httpx.AsyncClient, ana: SignedIn, ben: SignedIn, doctor: SignedIn
) -> None:
    code = await invite(client, ana)
    assert (await accept(client, ben, code)).status_code == 403
    await accept(client, doctor, code)
    refused = await client.put(
        f"{ana.base}/entries/{TODAY}", json={"pain": 1}, headers=doctor.headers
    )
    assert refused.status_code == 403
    assert (await client.get(f"{ana.base}/shares", headers=doctor.headers)).status_code == 404
    assert (await client.get(f"{ana.base}/access-log", headers=doctor.headers)).status_code == 404


async def test_clinician_list_puts_urgent_patients_first(
    client: httpx.AsyncClient, ana: SignedIn, ben: SignedIn, doctor: SignedIn
) -> None:
    await client.put(f"{ana.base}/entries/{TODAY}", json={"pain": 3}, headers=ana.headers)
    for patient in (ana, ben):
        await accept(client, doctor, await invite(client, patient))
    await client.put(
        f"{ben.base}/entries/{TODAY}",
        json={"pain": 8, "blood_in_urine": "clots"},
        headers=ben.headers,
    )
    listed = (await client.get("/v1/clinician/patients", headers=doctor.headers)).json()
    assert [(p["name"], p["latest_pain"], p["open_flags"]["same_day"]) for p in listed] == [
        ("ben", 8, 1),
        ("ana", 3, 0),
    ]
    assert (await client.get("/v1/clinician/patients", headers=ana.headers)).status_code == 403


async def test_tampering_with_the_log_shows(
    client: httpx.AsyncClient, ana: SignedIn, doctor: SignedIn, diary: Diary
) -> None:
    await accept(client, doctor, await invite(client, ana))
    await client.get(f"{ana.base}/entries", headers=doctor.headers)
    with diary.engine.begin() as connection:
        connection.execute(
            text("UPDATE access_log SET action = 'login' WHERE action = 'read_entries'")
        )
    log = (await client.get(f"{ana.base}/access-log", headers=ana.headers)).json()
    assert log["chain_intact"] is False


async def test_failed_logins_are_logged(client: httpx.AsyncClient, ana: SignedIn) -> None:
    await client.post("/v1/auth/token", data={"username": "ana@example.org", "password": "x"})
    log = (await client.get(f"{ana.base}/access-log", headers=ana.headers)).json()
    assert [e["action"] for e in log["events"]] == ["login", "login_failed"]


async def test_deleting_the_account_removes_diary_and_shares(
    client: httpx.AsyncClient, ana: SignedIn, doctor: SignedIn, diary: Diary
) -> None:
    await client.put(f"{ana.base}/entries/{TODAY}", json={"pain": 3}, headers=ana.headers)
    await accept(client, doctor, await invite(client, ana))
    wrong = await client.request("DELETE", "/v1/me", json={"password": "nope"}, headers=ana.headers)
    assert wrong.status_code == 401
    gone = await client.request(
        "DELETE", "/v1/me", json={"password": PASSWORD}, headers=ana.headers
    )
    assert gone.status_code == 204
    with diary.engine.connect() as connection:
        left = {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("entries", "shares", "access_log", "auth_tokens")
        }
    assert left["entries"] == 0
    assert left["shares"] == 0
    assert (await client.get("/v1/clinician/patients", headers=doctor.headers)).json() == []


async def test_a_repeated_code_is_drawn_again(
    client: httpx.AsyncClient, ana: SignedIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: the random source repeats itself once; the invite still succeeds."""
    codes = iter(["AAAA-BBBB-CCCC", "AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"])
    monkeypatch.setattr("diary.services.sharing.new_code", lambda: next(codes))
    assert await invite(client, ana) == "AAAA-BBBB-CCCC"
    assert await invite(client, ana) == "DDDD-EEEE-FFFF"
