"""Hostile and careless input gets a clear 4xx and stores nothing."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from diary.domain import FixedClock
from tests.api.conftest import SignedIn
from tests.conftest import TODAY


async def stored_days(client: httpx.AsyncClient, who: SignedIn) -> list[str]:
    answer = await client.get(f"{who.base}/entries", headers=who.headers)
    return [entry["date"] for entry in answer.json()]


async def put_raw(
    client: httpx.AsyncClient, who: SignedIn, day: str, body: bytes
) -> httpx.Response:
    headers = {**who.headers, "content-type": "application/json"}
    return await client.put(f"{who.base}/entries/{day}", content=body, headers=headers)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{" * 50_000 + b"}" * 50_000, 422),  # deeply nested
        (b'{"pain": 3, "notes": "' + b"\xff\xfe" + b'"}', 400),  # not UTF-8
        (b'{"pain": 3, "notes": "' + b"x" * 2001 + b'"}', 422),  # notes too long
        (b'{"pain": 3, "notes": "' + b"x" * (3 * 1024 * 1024) + b'"}', 413),  # huge
        (b"[1, 2, 3]", 422),
        (b'{"pain": "5; DROP TABLE entries"}', 422),
        (b'{"pain": 1e309}', 422),
        (b'{"pain": 3, "warning_signs": ["chest_pain", {"$ne": null}]}', 422),
        (b'{"pain": 3, "vomiting": 1099511627776}', 422),  # beyond a database integer
    ],
    ids=[
        "nested",
        "invalid-utf8",
        "long-notes",
        "huge",
        "array",
        "sql-in-score",
        "inf",
        "object-in-list",
        "integer-overflow",
    ],
)
async def test_bad_bodies_are_refused_and_nothing_stored(
    client: httpx.AsyncClient, ana: SignedIn, body: bytes, status: int
) -> None:
    answer = await put_raw(client, ana, str(TODAY), body)
    assert answer.status_code == status
    assert "detail" in answer.json()
    assert await stored_days(client, ana) == []


@pytest.mark.parametrize(
    "day",
    ["0001-01-01", "1899-12-31", "9999-12-31", "2026-02-30", "today", "0", "2026-06-01T00:00:00"],
)
async def test_dates_far_away_or_impossible(
    client: httpx.AsyncClient, ana: SignedIn, day: str
) -> None:
    answer = await put_raw(client, ana, day, b'{"pain": 3}')
    if day in {"0001-01-01", "1899-12-31"}:  # long ago is allowed: old paper diaries get typed in
        assert answer.status_code == 201
    else:
        assert answer.status_code == 422
        assert answer.json()["detail"][0]["loc"][-1] in {"day", "date"}


async def test_sql_in_notes_is_just_text(client: httpx.AsyncClient, ana: SignedIn) -> None:
    note = "'); DROP TABLE entries; --"
    body = b'{"pain": 3, "notes": "' + note.encode() + b'"}'
    assert (await put_raw(client, ana, str(TODAY), body)).status_code == 201
    again = await client.get(f"{ana.base}/entries/{TODAY}", headers=ana.headers)
    assert again.json()["notes"] == note


class TestTokens:
    async def test_tampered_token(self, client: httpx.AsyncClient, ana: SignedIn) -> None:
        flipped = ana.access_token[:-1] + ("A" if ana.access_token[-1] != "A" else "B")
        for token in (flipped, ana.access_token + "x", "", "Bearer", ana.refresh_token):
            answer = await client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})
            assert answer.status_code == 401

    async def test_expired_token_stores_nothing(
        self, client: httpx.AsyncClient, ana: SignedIn, clock: FixedClock
    ) -> None:
        clock.advance(dt.timedelta(minutes=20))
        refused = await put_raw(client, ana, str(TODAY - dt.timedelta(days=1)), b'{"pain": 3}')
        assert refused.status_code == 401
        clock.advance(dt.timedelta(minutes=-20))
        assert await stored_days(client, ana) == []

    async def test_wrong_scheme_and_garbage_headers(
        self, client: httpx.AsyncClient, ana: SignedIn
    ) -> None:
        headers = (
            f"Basic {ana.access_token}".encode(),
            b"Bearer " + b"x" * 10_000,
            "Bearer é".encode(),
        )
        for header in headers:
            answer = await client.get("/v1/me", headers={"Authorization": header})
            assert answer.status_code == 401
