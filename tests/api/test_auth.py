"""Accounts and tokens through the real app."""

from __future__ import annotations

import datetime as dt

import httpx

from diary.domain import FixedClock
from diary.factory import Diary
from diary.services.auth import AuthService
from tests.api.conftest import PASSWORD, SignedIn, sign_up


async def login(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post("/v1/auth/token", data={"username": email, "password": password})


class TestRegister:
    async def test_me_after_sign_up(self, client: httpx.AsyncClient) -> None:
        ana = await sign_up(client, "Ana@Example.org", timezone="Europe/Paris")
        me = await client.get("/v1/me", headers=ana.headers)
        assert me.json() == {
            "id": str(ana.id),
            "email": "ana@example.org",
            "name": "Ana",
            "role": "patient",
            "timezone": "Europe/Paris",
        }

    async def test_email_taken(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        body = {"email": "ANA@example.org", "password": PASSWORD, "name": "x", "role": "patient"}
        answer = await client.post("/v1/auth/register", json=body)
        assert answer.status_code == 409

    async def test_short_password_named(self, client: httpx.AsyncClient) -> None:
        body = {"email": "c@example.org", "password": "short", "name": "c", "role": "patient"}
        answer = await client.post("/v1/auth/register", json=body)
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"] == ["body", "password"]

    async def test_unknown_time_zone_named(self, client: httpx.AsyncClient) -> None:
        body = {
            "email": "c@example.org",
            "password": PASSWORD,
            "name": "c",
            "role": "patient",
            "timezone": "Mars/Olympus",
        }
        answer = await client.post("/v1/auth/register", json=body)
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["msg"] == "must be an IANA time zone such as Europe/Paris"


class TestLogin:
    async def test_unknown_email_and_wrong_password_look_the_same(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        wrong = await login(client, "ana@example.org", "not the password")
        unknown = await login(client, "nobody@example.org", "not the password")
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json()
        assert wrong.headers["www-authenticate"] == "Bearer"

    async def test_back_off_after_five_failures(
        self, client: httpx.AsyncClient, ana: SignedIn, clock: FixedClock
    ) -> None:
        for _ in range(5):
            assert (await login(client, "ana@example.org", "nope nope nope")).status_code == 401
        refused = await login(client, "ana@example.org", PASSWORD)
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 15 * 60
        clock.advance(dt.timedelta(minutes=16))
        assert (await login(client, "ana@example.org", PASSWORD)).status_code == 200

    async def test_back_off_per_client_address(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        """Guessing across many e-mails from one address is slowed down too."""
        for number in range(5):
            await login(client, f"guess{number}@example.org", "nope nope nope")
        refused = await login(client, "ana@example.org", PASSWORD)
        assert refused.status_code == 429


class TestTokens:
    async def test_refresh_rotates_and_reuse_revokes_the_login(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        first = await client.post("/v1/auth/refresh", json={"refresh_token": ana.refresh_token})
        assert first.status_code == 200
        new_access = first.json()["access_token"]
        assert (
            await client.get("/v1/me", headers={"Authorization": f"Bearer {new_access}"})
        ).status_code == 200
        reused = await client.post("/v1/auth/refresh", json={"refresh_token": ana.refresh_token})
        assert reused.status_code == 401
        after = await client.get("/v1/me", headers={"Authorization": f"Bearer {new_access}"})
        assert after.status_code == 401

    async def test_access_token_expires_after_15_minutes(
        self, client: httpx.AsyncClient, ana: SignedIn, clock: FixedClock
    ) -> None:
        clock.advance(dt.timedelta(minutes=15, seconds=1))
        assert (await client.get("/v1/me", headers=ana.headers)).status_code == 401
        refreshed = await client.post("/v1/auth/refresh", json={"refresh_token": ana.refresh_token})
        assert refreshed.status_code == 200

    async def test_logout_refuses_the_old_tokens(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        assert (await client.post("/v1/auth/logout", headers=ana.headers)).status_code == 204
        assert (await client.get("/v1/me", headers=ana.headers)).status_code == 401
        refresh = await client.post("/v1/auth/refresh", json={"refresh_token": ana.refresh_token})
        assert refresh.status_code == 401

    async def test_no_token_or_garbage_token(self, client: httpx.AsyncClient) -> None:
        assert (await client.get("/v1/me")).status_code == 401
        garbage = await client.get("/v1/me", headers={"Authorization": "Bearer x.y.z"})
        assert garbage.status_code == 401
        assert garbage.json() == {"detail": "invalid, expired or revoked access token"}


def test_production_hashing_is_argon2id_at_owasp_minimum(diary: Diary) -> None:
    """The suite hashes cheaply for speed; a diary opened without settings must not."""
    production = AuthService(diary.engine, diary.clock)
    stored = production.hasher.hash("a long enough password")
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
