"""`diary serve` killed with SIGKILL at random moments while a phone pushes: after every
restart, each acknowledged write is there, nothing is doubled, and the file is intact."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.sync_load import free_port

CYCLES = int(os.environ.get("DIARY_CRASH_CYCLES", "50"))
PASSWORD = "crash test password"
ANSWERS_AGAIN_WITHIN_SECONDS = 10.0
"""Liveness only: how fast it restarts is measured in bench/bench_restart.py, not asserted."""


@dataclass
class Phone:
    """Pushes one new day at a time; a push without an answer is retried with the same key."""

    acknowledged: dict[str, int] = field(default_factory=dict)
    pending: tuple[str, str, int] | None = None  # (key, day, pain) sent but not answered
    next_day: int = 0
    token: str = ""
    failures: list[str] = field(default_factory=list)

    def push_until_refused(self, base_url: str, stop: threading.Event) -> None:
        with httpx.Client(base_url=base_url, timeout=5) as http:
            while not stop.is_set():
                key, day, pain = self.pending or self._new_change()
                self.pending = (key, day, pain)
                try:
                    answer = http.post(
                        "/v1/sync/push",
                        headers={"Authorization": f"Bearer {self.token}", "Idempotency-Key": key},
                        json={
                            "changes": [
                                {
                                    "table": "entries",
                                    "op": "upsert",
                                    "id": day,
                                    "data": {"pain": pain},
                                }
                            ]
                        },
                    )
                except httpx.HTTPError:
                    return  # the server died mid-request: retry this change after the restart
                status = answer.json()["results"][0]["status"] if answer.status_code == 200 else ""
                if status not in {"applied", "duplicate"}:
                    self.failures.append(f"{answer.status_code} {answer.text[:200]}")
                    return
                self.acknowledged[day], self.pending = pain, None

    def _new_change(self) -> tuple[str, str, int]:
        self.next_day += 1
        day = dt.date(2020, 1, 1) + dt.timedelta(days=self.next_day)
        return uuid.uuid4().hex, day.isoformat(), self.next_day % 11


def start_server(db: Path, port: int) -> tuple[subprocess.Popen[bytes], float]:
    """Spawn `diary serve`; returns it with the seconds until it answered /healthz."""
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "diary", "--db", str(db), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while time.monotonic() - started < 20:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5).status_code == 200:
                return server, time.monotonic() - started
        except httpx.HTTPError:
            time.sleep(0.02)
    server.kill()
    raise AssertionError("diary serve did not answer within 20 s")


def sign_up(base_url: str) -> str:
    body = {"email": "crash@example.org", "password": PASSWORD, "name": "C", "role": "patient"}
    httpx.post(f"{base_url}/v1/auth/register", json=body).raise_for_status()
    form = {"username": body["email"], "password": PASSWORD}
    return str(httpx.post(f"{base_url}/v1/auth/token", data=form).json()["access_token"])


def test_sigkill_loses_no_acknowledged_write(tmp_path: Path) -> None:
    db, port, rng, phone = tmp_path / "crash.db", free_port(), random.Random(7), Phone()
    base_url, restarts = f"http://127.0.0.1:{port}", []
    for cycle in range(CYCLES):
        server, seconds = start_server(db, port)
        restarts.append(seconds)
        if cycle == 0:
            phone.token = sign_up(base_url)
        stop = threading.Event()
        pusher = threading.Thread(target=phone.push_until_refused, args=(base_url, stop))
        pusher.start()
        time.sleep(rng.uniform(0.15, 0.6))  # pushes run, then the kill lands anywhere
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        stop.set()
        pusher.join(timeout=10)
    server, seconds = start_server(db, port)
    try:
        stored = _stored_days(base_url, phone.token)
    finally:
        server.terminate()
        server.wait()
    _check(db, phone, stored, [*restarts, seconds])


def _stored_days(base_url: str, token: str) -> list[tuple[str, int]]:
    headers = {"Authorization": f"Bearer {token}"}
    me = httpx.get(f"{base_url}/v1/me", headers=headers).json()
    entries = httpx.get(f"{base_url}/v1/patients/{me['id']}/entries", headers=headers).json()
    return [(entry["date"], entry["pain"]) for entry in entries]


def _check(db: Path, phone: Phone, stored: list[tuple[str, int]], restarts: list[float]) -> None:
    assert phone.failures == []
    days = [day for day, _ in stored]
    assert len(days) == len(set(days)), "a day was stored twice"
    missing = {day for day, pain in phone.acknowledged.items() if (day, pain) not in stored}
    assert not missing, f"acknowledged writes lost: {sorted(missing)[:5]}"
    unexpected = (
        set(days) - phone.acknowledged.keys() - ({phone.pending[1]} if phone.pending else set())
    )
    assert not unexpected, f"days nobody sent: {sorted(unexpected)[:5]}"
    assert len(phone.acknowledged) > CYCLES
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert max(restarts) <= ANSWERS_AGAIN_WITHIN_SECONDS, f"slowest restart {max(restarts):.2f} s"
