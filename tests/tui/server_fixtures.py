"""Helpers for the server-mode tests: accounts made through the API, as a mobile app would."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx

PASSWORD = "correct horse battery"
CODE = "KX7P-2M9Q-H4TZ"
"""Every invite code in these tests, so that snapshots do not change."""


@dataclass
class Person:
    id: uuid.UUID
    email: str
    name: str


def register(client: httpx.Client, email: str, role: str = "patient") -> Person:
    name = email.split("@")[0].title()
    body = {"email": email, "password": PASSWORD, "name": name, "role": role}
    answer = client.post("/v1/auth/register", json=body)
    assert answer.status_code == 201, answer.text
    return Person(uuid.UUID(answer.json()["id"]), email, name)


def bearer(client: httpx.Client, email: str) -> dict[str, str]:
    tokens = client.post("/v1/auth/token", data={"username": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.text
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}
