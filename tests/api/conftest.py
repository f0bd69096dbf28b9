"""The real app over a real database, called through httpx."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from diary.api.app import create_app
from diary.factory import Diary

PASSWORD = "correct horse battery"


@pytest.fixture
async def client(diary: Diary) -> AsyncIterator[httpx.AsyncClient]:
    # Any exception escaping the app fails the test: under uvicorn it would be logged in full.
    transport = httpx.ASGITransport(app=create_app(diary), raise_app_exceptions=True)
    async with httpx.AsyncClient(transport=transport, base_url="http://diary.test") as http:
        yield http


@dataclass
class SignedIn:
    id: uuid.UUID
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}

    @property
    def base(self) -> str:
        return f"/v1/patients/{self.id}"


async def sign_up(
    client: httpx.AsyncClient, email: str, role: str = "patient", timezone: str | None = None
) -> SignedIn:
    body = {
        "email": email,
        "password": PASSWORD,
        "name": email.split("@")[0],
        "role": role,
        "timezone": timezone,
    }
    registered = await client.post("/v1/auth/register", json=body)
    assert registered.status_code == 201, registered.text
    tokens = await client.post("/v1/auth/token", data={"username": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.text
    pair = tokens.json()
    return SignedIn(uuid.UUID(registered.json()["id"]), pair["access_token"], pair["refresh_token"])


@pytest.fixture
async def ana(client: httpx.AsyncClient) -> SignedIn:
    return await sign_up(client, "ana@example.org")


@pytest.fixture
async def ben(client: httpx.AsyncClient) -> SignedIn:
    return await sign_up(client, "ben@example.org")
