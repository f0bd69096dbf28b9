"""Every route of the app, called by every kind of caller, answers exactly as the access rules say.

The matrix is checked against the app's own route table: a new route without a row here fails.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute
from sqlalchemy import text
from starlette.routing import Route

from diary.api.app import create_app
from diary.factory import Diary
from tests.api.conftest import PASSWORD, SignedIn, sign_up
from tests.conftest import TODAY

# Authorization is the same code on either database (the share queries run on PostgreSQL in
# test_sharing.py), so the matrix runs on SQLite only, to keep the suite quick.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

PERSONAS = (
    "owner",
    "other_patient",
    "clinician_shared",
    "clinician_unshared",
    "clinician_revoked",
    "clinician_expired",
    "anonymous",
)
NOT_YOURS = {
    "other_patient": 404,
    "clinician_unshared": 404,
    "clinician_revoked": 404,
    "clinician_expired": 404,
    "anonymous": 401,
}
PATIENT_READ = {"owner": 200, "clinician_shared": 200, **NOT_YOURS}
PATIENT_WRITE = {"owner": 200, "clinician_shared": 403, **NOT_YOURS}
OWNER_ONLY = {"owner": 200, "clinician_shared": 404, **NOT_YOURS}
ANY_SIGNED_IN = dict.fromkeys(PERSONAS, 200) | {"anonymous": 401}
PATIENTS_ONLY = {**ANY_SIGNED_IN, **{p: 403 for p in PERSONAS if p.startswith("clinician")}}
CLINICIANS_ONLY = {**ANY_SIGNED_IN, "owner": 403, "other_patient": 403}
PUBLIC = dict.fromkeys(PERSONAS, 200)

P = "/v1/patients/{patient_id}"
MATRIX: dict[tuple[str, str], dict[str, int]] = {
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,
    ("GET", "/docs/oauth2-redirect"): PUBLIC,
    ("GET", "/redoc"): PUBLIC,
    ("POST", "/v1/auth/register"): dict.fromkeys(PERSONAS, 201),
    ("POST", "/v1/auth/token"): PUBLIC,
    ("POST", "/v1/auth/refresh"): PUBLIC,
    ("POST", "/v1/auth/logout"): {**ANY_SIGNED_IN, **dict.fromkeys(PERSONAS[:-1], 204)},
    ("GET", "/v1/me"): ANY_SIGNED_IN,
    ("DELETE", "/v1/me"): {**ANY_SIGNED_IN, **dict.fromkeys(PERSONAS[:-1], 204)},
    ("GET", f"{P}/entries"): PATIENT_READ,
    ("GET", f"{P}/entries/{{day}}"): PATIENT_READ,
    ("GET", f"{P}/entries/versions"): PATIENT_READ,
    ("PUT", f"{P}/entries/{{day}}"): PATIENT_WRITE,
    ("DELETE", f"{P}/entries/{{day}}"): {**PATIENT_WRITE, "owner": 204},
    ("GET", f"{P}/infusions"): PATIENT_READ,
    ("POST", f"{P}/infusions"): {**PATIENT_WRITE, "owner": 201},
    ("GET", f"{P}/infusions/{{infusion_id}}"): PATIENT_READ,
    ("PUT", f"{P}/infusions/{{infusion_id}}"): PATIENT_WRITE,
    ("DELETE", f"{P}/infusions/{{infusion_id}}"): {**PATIENT_WRITE, "owner": 204},
    ("GET", f"{P}/insights"): PATIENT_READ,
    ("GET", f"{P}/export"): PATIENT_READ,
    ("POST", f"{P}/shares"): {**OWNER_ONLY, "owner": 201},
    ("GET", f"{P}/shares"): OWNER_ONLY,
    ("DELETE", f"{P}/shares/{{share_id}}"): OWNER_ONLY,
    ("GET", f"{P}/access-log"): OWNER_ONLY,
    ("GET", f"{P}/flags"): OWNER_ONLY,
    ("POST", f"{P}/flags/acknowledge"): PATIENT_WRITE,
    ("POST", "/v1/shares/accept"): {**CLINICIANS_ONLY},
    ("GET", "/v1/clinician/patients"): CLINICIANS_ONLY,
    ("GET", "/v1/sync/pull"): PATIENTS_ONLY,
    ("POST", "/v1/sync/push"): PATIENTS_ONLY,
}


@dataclass
class World:
    """One patient's diary and a caller of every kind, built fresh for each route."""

    client: httpx.AsyncClient
    people: dict[str, SignedIn]
    infusion_id: str
    share_id: str

    async def fresh_refresh_token(self) -> str:
        form = {"username": "owner@example.org", "password": PASSWORD}
        return str((await self.client.post("/v1/auth/token", data=form)).json()["refresh_token"])

    async def fresh_code(self) -> str:
        owner = self.people["owner"]
        made = await self.client.post(f"{owner.base}/shares", json={}, headers=owner.headers)
        return str(made.json()["code"])


async def build_world(client: httpx.AsyncClient, diary: Diary) -> World:
    people = {
        name: await sign_up(
            client,
            f"{name}@example.org",
            role="clinician" if name.startswith("clinician") else "patient",
        )
        for name in PERSONAS[:-1]
    }
    owner = people["owner"]
    day = {"pain": 4, "blood_in_urine": "red"}  # raises a flag to acknowledge
    await client.put(f"{owner.base}/entries/{TODAY}", json=day, headers=owner.headers)
    made = await client.post(
        f"{owner.base}/infusions", json={"date": str(TODAY)}, headers=owner.headers
    )
    world = World(client, people, made.json()["id"], "")
    for clinician in ("clinician_shared", "clinician_revoked", "clinician_expired"):
        await client.post(
            "/v1/shares/accept",
            json={"code": await world.fresh_code()},
            headers=people[clinician].headers,
        )
    shares = (await client.get(f"{owner.base}/shares", headers=owner.headers)).json()
    world.share_id = shares[0]["id"]
    await client.delete(f"{owner.base}/shares/{shares[1]['id']}", headers=owner.headers)
    with diary.engine.begin() as connection:
        connection.execute(
            text("UPDATE shares SET ends_at = '2000-01-01 00:00:00+00:00' WHERE id = :id"),
            {"id": uuid.UUID(shares[2]["id"]).hex},
        )
    return world


@pytest.fixture
def route_table(diary: Diary) -> set[tuple[str, str]]:
    """Every (method, path) the app answers: its OpenAPI operations (FastAPI lists every
    included route there) and its plain pages (the docs)."""
    app = create_app(diary)
    found = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
    for route in app.routes:
        if isinstance(route, Route) and not isinstance(route, APIRoute):
            found |= {(method, route.path) for method in (route.methods or set()) - {"HEAD"}}
    return found


def test_every_route_has_a_row(route_table: set[tuple[str, str]]) -> None:
    missing = route_table - MATRIX.keys()
    assert not missing, f"routes without a row in the access matrix: {sorted(missing)}"


def request_for(method: str, path: str, world: World, persona: str) -> dict[str, Any]:
    owner = world.people["owner"]
    filled = path.format(
        patient_id=owner.id, day=TODAY, infusion_id=world.infusion_id, share_id=world.share_id
    )
    bodies: dict[tuple[str, str], Callable[[], Any]] = {
        ("POST", "/v1/auth/register"): lambda: {
            "email": f"new-{uuid.uuid4().hex[:8]}@x.org",
            "password": PASSWORD,
            "name": "N",
            "role": "patient",
        },
        ("PUT", f"{P}/entries/{{day}}"): lambda: {"pain": 2},
        ("POST", f"{P}/infusions"): lambda: {"date": str(TODAY)},
        ("PUT", f"{P}/infusions/{{infusion_id}}"): lambda: {"date": str(TODAY), "dose_mg": 5},
        ("POST", f"{P}/shares"): lambda: {},
        ("DELETE", "/v1/me"): lambda: {"password": PASSWORD},
        ("POST", "/v1/sync/push"): lambda: {"changes": []},
        ("POST", f"{P}/flags/acknowledge"): lambda: {
            "date": str(TODAY),
            "rule": "same_day.blood_in_urine",
        },
    }
    request: dict[str, Any] = {"method": method, "url": filled}
    if (method, path) == ("POST", "/v1/auth/token"):
        request["data"] = {"username": "owner@example.org", "password": PASSWORD}
    elif (method, path) in bodies:
        request["json"] = bodies[(method, path)]()
    if path == f"{P}/export":
        request["params"] = {"format": "json"}
    headers = {} if persona == "anonymous" else dict(world.people[persona].headers)
    if path == "/v1/sync/push":
        headers["Idempotency-Key"] = uuid.uuid4().hex
    request["headers"] = headers
    return request


@pytest.mark.parametrize(("method", "path"), sorted(MATRIX))
async def test_route_answers_each_caller_as_the_rules_say(
    method: str, path: str, diary: Diary, route_table: set[tuple[str, str]]
) -> None:
    if (method, path) not in route_table:
        pytest.skip("route not in this build of the app")
    transport = httpx.ASGITransport(app=create_app(diary), raise_app_exceptions=True)
    async with httpx.AsyncClient(transport=transport, base_url="http://diary.test") as client:
        world = await build_world(client, diary)
        answers = {}
        for persona in sorted(PERSONAS, key=lambda p: p == "owner"):  # the owner goes last
            request = request_for(method, path, world, persona)
            if path == "/v1/shares/accept":
                request["json"] = {"code": await world.fresh_code()}
            if path == "/v1/auth/refresh":  # each refresh token works once
                request["json"] = {"refresh_token": await world.fresh_refresh_token()}
            answers[persona] = (await client.request(**request)).status_code
    assert answers == MATRIX[(method, path)]
