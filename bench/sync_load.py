"""Phones and clinicians at once against real `diary serve` processes: every acknowledged
write must survive, and nobody may read what is not theirs.

Run: .venv/bin/python bench/sync_load.py --clients 50 --clinicians 5 --seconds 30
     .venv/bin/python bench/sync_load.py --db postgresql://... --servers 2   # PostgreSQL
Each simulated phone registers, signs in, shares its diary with one of the clinicians, then
until time is up pushes small batches of days (sometimes sending the same batch twice, as a
phone does when a reply is lost), pulls, and now and then reads its insights. Each clinician
lists their patients and reads one patient's insights, again and again. At the end every phone
reads its diary back and compares it with what the server acknowledged.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "load test password"  # noqa: S105  (test accounts on a throwaway database)
FIRST_DAY = dt.date(2024, 1, 1)


@dataclass
class LoadReport:
    clients: int
    seconds: float
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    acknowledged_writes: int = 0
    lost_writes: int = 0
    duplicate_rows: int = 0
    latencies_ms: list[float] = field(default_factory=list)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def summary(self) -> str:
        rate = self.requests / self.seconds if self.seconds else 0.0
        return (
            f"{self.clients} clients, {self.seconds:.0f} s: {self.requests} requests "
            f"({rate:.0f}/s), p50 {self.percentile(0.5):.1f} ms, p95 {self.percentile(0.95):.1f} ms"
            f", p99 {self.percentile(0.99):.1f} ms; errors {len(self.errors)}, acknowledged "
            f"writes {self.acknowledged_writes}, lost {self.lost_writes}, "
            f"duplicates {self.duplicate_rows}"
        )


class Phone:
    """One patient's phone: remembers the last value the server acknowledged for each day."""

    def __init__(self, http: httpx.AsyncClient, report: LoadReport, seed: int) -> None:
        self.http, self.report, self.rng = http, report, random.Random(seed)
        self.acknowledged: dict[str, int] = {}
        self.versions: dict[str, int] = {}
        self.cursor = 0

    async def call(self, method: str, url: str, **kwargs: object) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            answer = await self.http.request(method, url, **kwargs)  # type: ignore[arg-type]
        except httpx.HTTPError as error:
            self.report.errors.append(f"{method} {url}: {type(error).__name__}")
            return None
        self.report.latencies_ms.append((time.perf_counter() - started) * 1000)
        self.report.requests += 1
        if answer.status_code >= 400:
            self.report.errors.append(f"{method} {url}: {answer.status_code} {answer.text[:80]}")
            return None
        return answer

    async def sign_up(self, email: str) -> bool:
        body = {"email": email, "password": PASSWORD, "name": "Load", "role": "patient"}
        if await self.call("POST", "/v1/auth/register", json=body) is None:
            return False
        form = {"username": email, "password": PASSWORD}
        tokens = await self.call("POST", "/v1/auth/token", data=form)
        if tokens is None:
            return False
        self.http.headers["Authorization"] = f"Bearer {tokens.json()['access_token']}"
        return True

    async def push_some_days(self) -> None:
        days = {str(FIRST_DAY + dt.timedelta(self.rng.randrange(400))) for _ in range(3)}
        changes = [
            {
                "table": "entries",
                "op": "upsert",
                "id": day,
                "base_version": self.versions.get(day),
                "data": {"pain": self.rng.randrange(11)},
            }
            for day in sorted(days)
        ]
        key = uuid.uuid4().hex
        for _ in range(2 if self.rng.random() < 0.2 else 1):  # a lost reply makes phones retry
            answer = await self.call(
                "POST", "/v1/sync/push", json={"changes": changes}, headers={"Idempotency-Key": key}
            )
            if answer is not None:
                self.remember(changes, answer.json()["results"])

    def remember(self, changes: list[dict[str, object]], results: list[dict[str, object]]) -> None:
        for change, result in zip(changes, results, strict=True):
            day = str(change["id"])
            if result["status"] in {"applied", "duplicate"}:
                self.acknowledged[day] = change["data"]["pain"]  # type: ignore[index]
                self.versions[day] = int(result["version"])  # type: ignore[arg-type]
            elif result["status"] == "conflict":
                server = result["server"]
                self.versions[day] = int(server["version"])  # type: ignore[index]
                self.acknowledged[day] = server["data"]["pain"]  # type: ignore[index]

    async def share_with(self, invites: asyncio.Queue[str]) -> None:
        me = await self.call("GET", "/v1/me")
        if me is None:
            return
        made = await self.call("POST", f"/v1/patients/{me.json()['id']}/shares", json={})
        if made is not None:
            await invites.put(made.json()["code"])

    async def read_insights(self) -> None:
        me = await self.call("GET", "/v1/me")
        if me is not None:
            await self.call("GET", f"/v1/patients/{me.json()['id']}/insights")

    async def pull_changes(self) -> None:
        answer = await self.call("GET", "/v1/sync/pull", params={"cursor": self.cursor})
        if answer is not None:
            self.cursor = answer.json()["cursor"]

    async def check_everything_is_there(self) -> None:
        me = await self.call("GET", "/v1/me")
        if me is None:
            return
        entries = await self.call("GET", f"/v1/patients/{me.json()['id']}/entries")
        if entries is None:
            return
        stored = [(e["date"], e["pain"]) for e in entries.json()]
        dates = [day for day, _ in stored]
        self.report.duplicate_rows += len(dates) - len(set(dates))
        self.report.acknowledged_writes += len(self.acknowledged)
        self.report.lost_writes += sum(
            1 for day, pain in self.acknowledged.items() if (day, pain) not in stored
        )


async def run_phone(
    base_url: str,
    report: LoadReport,
    number: int,
    deadline: float,
    invites: asyncio.Queue[str] | None = None,
) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        phone = Phone(http, report, number)
        if not await phone.sign_up(f"phone{number}-{uuid.uuid4().hex[:6]}@load.test"):
            return
        if invites is not None:
            await phone.share_with(invites)
        rounds = 0
        while time.monotonic() < deadline:
            await phone.push_some_days()
            await phone.pull_changes()
            rounds += 1
            if rounds % 5 == 0:
                await phone.read_insights()
        await phone.check_everything_is_there()


async def run_clinician(
    base_url: str,
    report: LoadReport,
    number: int,
    deadline: float,
    invites: asyncio.Queue[str],
    share_of: int,
) -> None:
    """Accept this clinician's share of the invites, then list patients until time is up."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        clinician = Phone(http, report, 10_000 + number)
        email = f"dr{number}-{uuid.uuid4().hex[:6]}@load.test"
        body = {"email": email, "password": PASSWORD, "name": "Dr Load", "role": "clinician"}
        if await clinician.call("POST", "/v1/auth/register", json=body) is None:
            return
        form = {"username": email, "password": PASSWORD}
        tokens = await clinician.call("POST", "/v1/auth/token", data=form)
        if tokens is None:
            return
        http.headers["Authorization"] = f"Bearer {tokens.json()['access_token']}"
        for _ in range(share_of):
            await clinician.call("POST", "/v1/shares/accept", json={"code": await invites.get()})
        while time.monotonic() < deadline:
            listed = await clinician.call("GET", "/v1/clinician/patients")
            if listed is not None and listed.json():
                patient = clinician.rng.choice(listed.json())["patient_id"]
                await clinician.call("GET", f"/v1/patients/{patient}/insights")


async def run_load(
    base_urls: list[str] | str, clients: int, seconds: float, clinicians: int = 0
) -> LoadReport:
    """Phones (and clinicians) spread round-robin over the servers for `seconds`."""
    urls = [base_urls] if isinstance(base_urls, str) else base_urls
    report = LoadReport(clients, seconds)
    deadline = time.monotonic() + seconds
    invites: asyncio.Queue[str] | None = asyncio.Queue() if clinicians else None
    tasks = [run_phone(urls[n % len(urls)], report, n, deadline, invites) for n in range(clients)]
    if invites is not None:
        shares = [clients // clinicians + (n < clients % clinicians) for n in range(clinicians)]
        tasks += [
            run_clinician(urls[n % len(urls)], report, n, deadline, invites, shares[n])
            for n in range(clinicians)
        ]
    await asyncio.gather(*tasks)
    return report


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(db: str, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """`diary serve` in its own process; yields its base URL once /healthz answers."""
    port = free_port()
    command = [sys.executable, "-m", "diary", "--db", db, "serve", "--port", str(port)]
    server = subprocess.Popen(  # noqa: S603
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=extra_env
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base_url, server)
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_until_up(base_url: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if server.poll() is not None:
            raise RuntimeError(
                f"server exited: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"{base_url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("server did not answer /healthz in 10 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clinicians", type=int, default=0)
    parser.add_argument("--servers", type=int, default=1, help="diary serve processes")
    parser.add_argument("--db", help="database URL or file (default: a new SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, ExitStack() as servers:
        db = args.db or str(Path(folder) / "load.db")
        urls = [servers.enter_context(running_server(db)) for _ in range(args.servers)]
        report = asyncio.run(run_load(urls, args.clients, args.seconds, args.clinicians))
    print(f"{args.servers} server process(es) on {'PostgreSQL' if args.db else 'SQLite'}")
    print(report.summary())
    for error in report.errors[:10]:
        print("  error:", error)
    if report.errors or report.lost_writes or report.duplicate_rows:
        sys.exit(1)


if __name__ == "__main__":
    main()
