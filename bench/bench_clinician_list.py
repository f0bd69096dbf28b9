"""How fast a clinician with 1,000 shared patients (a year of entries each) gets their list.

Run: .venv/bin/python bench/bench_clinician_list.py [--patients 1000] [--calls 40]
Builds a new SQLite diary: 1,000 simulated patient-years (diary.simulation), each shared with one
clinician, then times `GET /v1/clinician/patients` through the real app (in-process HTTP).
Baseline, measured in the same run: `GET /v1/me`, the cheapest signed-in request.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from diary.api.app import create_app  # noqa: E402
from diary.domain import Account, FixedClock, Role  # noqa: E402
from diary.factory import Diary, open_diary  # noqa: E402
from diary.services.auth import account_from_row  # noqa: E402
from diary.services.unit_of_work import UnitOfWork  # noqa: E402
from diary.simulation import simulate_patient  # noqa: E402
from diary.storage.engine import sqlite_url  # noqa: E402
from diary.storage.tables import AccountRow  # noqa: E402

PASSWORD = "bench password 1"  # noqa: S105  (a throwaway database)


def new_account(diary: Diary, name: str, role: Role, email: str | None = None) -> Account:
    now = diary.clock.now()
    row = AccountRow(
        name=name,
        role=role.value,
        email=email,
        created_at=now,
        updated_at=now,
        password_hash=diary.auth.hasher.hash(PASSWORD) if email else None,
    )
    with UnitOfWork(diary.engine) as uow:
        return account_from_row(uow.account_queries.add(row))


def build(diary: Diary, patients: int) -> tuple[float, float]:
    """Patients with a simulated year each, all shared with one clinician; returns timings."""
    clinician = new_account(diary, "Dr Bench", Role.CLINICIAN, "dr@bench.test")
    started = time.perf_counter()
    for number in range(patients):
        patient = new_account(diary, f"Patient {number:04d}", Role.PATIENT)
        year = simulate_patient(number, days=365, start=dt.date(2025, 1, 1))
        diary.entries.import_contents(patient.id, year.entries, year.infusions)
        invite = diary.sharing.invite(patient.id)
        diary.sharing.accept(clinician, invite.code)
    imported = time.perf_counter() - started
    started = time.perf_counter()
    for share in diary.summaries.shared_patients(clinician):  # first call fills the summaries
        assert share.maintenance_status
    return imported, time.perf_counter() - started


async def time_calls(diary: Diary, path: str, calls: int) -> list[float]:
    transport = httpx.ASGITransport(app=create_app(diary))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
        form = {"username": "dr@bench.test", "password": PASSWORD}
        token = (await http.post("/v1/auth/token", data=form)).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        times = []
        for _ in range(calls):
            started = time.perf_counter()
            answer = await http.get(path, headers=headers)
            times.append((time.perf_counter() - started) * 1000)
            answer.raise_for_status()
        return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[18]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=40)
    args = parser.parse_args()
    clock = FixedClock(dt.datetime(2025, 12, 31, 12, tzinfo=dt.UTC))
    with tempfile.TemporaryDirectory() as folder:
        diary = open_diary(sqlite_url(Path(folder) / "bench.db"), clock)
        imported, summarised = build(diary, args.patients)
        me = asyncio.run(time_calls(diary, "/v1/me", args.calls))
        listed = asyncio.run(time_calls(diary, "/v1/clinician/patients", args.calls))
    print(f"{args.patients} shared patients, one simulated year each")
    print(
        f"  building: {imported:.1f} s to import and share; first list (fills summaries) "
        f"{summarised:.1f} s"
    )
    print(
        f"  baseline GET /v1/me:                 p50 {statistics.median(me):6.1f} ms  "
        f"p95 {p95(me):6.1f} ms"
    )
    print(
        f"  GET /v1/clinician/patients:          p50 {statistics.median(listed):6.1f} ms  "
        f"p95 {p95(listed):6.1f} ms  ({p95(listed) / p95(me):.1f}x baseline p95; target 300 ms)"
    )


if __name__ == "__main__":
    main()
