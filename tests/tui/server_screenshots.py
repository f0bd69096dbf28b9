"""Screenshots of the server-mode screens for docs/user-guide.md and docs/clinician-guide.md.

Run: `.venv/bin/python -m tests.tui.server_screenshots` (writes SVG files to docs/images/).
A patient with the six-month demo diary shares it with a clinician on an in-process server.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from diary.api.app import create_app
from diary.domain import FixedClock
from diary.factory import Diary, open_diary
from diary.storage.engine import sqlite_url
from tests.conftest import TODAY
from tests.tui.conftest import settle
from tests.tui.screenshots import IMAGES, SIZE
from tests.tui.server_fixtures import PASSWORD, bearer, register
from tests.tui.test_server import log_in
from tui.demo import demo_contents
from tui.factory import make_server_app
from tui.remote_session import RemoteSession

PATIENT, CLINICIAN = "ana@example.org", "dr.lee@example.org"
SHOTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "login": ("", ()),
    "sharing": (PATIENT, ("f9", "i")),
    "access-log": (PATIENT, ("f9", "l")),
    "clinician-patients": (CLINICIAN, ()),
    "clinician-diary": (CLINICIAN, ("enter",)),
    "clinician-relief": (CLINICIAN, ("enter", "f5")),
}


def prepare(diary: Diary, client: TestClient) -> None:
    """Ana's demo diary, shared with Dr Lee."""
    ana = register(client, PATIENT)
    register(client, CLINICIAN, role="clinician")
    entries, infusions = demo_contents(TODAY)
    diary.entries.import_contents(ana.id, entries, infusions)
    invite = client.post(f"/v1/patients/{ana.id}/shares", json={}, headers=bearer(client, PATIENT))
    code = invite.json()["code"]
    client.post("/v1/shares/accept", json={"code": code}, headers=bearer(client, CLINICIAN))


async def take(
    client: TestClient, clock: FixedClock, name: str, who: str, keys: tuple[str, ...]
) -> None:
    app = make_server_app(RemoteSession(client, clock), clock, Path("/home/patient"))
    async with app.run_test(size=SIZE) as pilot:
        if who:
            await log_in(pilot, who, PASSWORD)
        await pilot.press(*keys)
        await settle(pilot)
        await pilot.pause(0.2)
        app.save_screenshot(f"{name}.svg", str(IMAGES))


async def take_all() -> None:
    os.environ["TZ"] = "UTC"
    time.tzset()
    clock = FixedClock(dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC))
    with tempfile.TemporaryDirectory() as folder:
        diary = open_diary(sqlite_url(Path(folder) / "server.db"), clock)
        with TestClient(create_app(diary), base_url="http://diary.example.org") as client:
            prepare(diary, client)
            for name, (who, keys) in SHOTS.items():
                await take(client, clock, name, who, keys)
                print(f"docs/images/{name}.svg")
        diary.close()


if __name__ == "__main__":
    asyncio.run(take_all())
