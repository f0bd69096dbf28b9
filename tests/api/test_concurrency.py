"""Many phones at once against a real `diary serve` on SQLite: nothing locked, lost or doubled."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bench.sync_load import run_load, running_server

CLIENTS = 20
SECONDS = 4


def test_concurrent_phones_lose_nothing(tmp_path: Path) -> None:
    with running_server(str(tmp_path / "busy.db")) as base_url:
        report = asyncio.run(run_load(base_url, CLIENTS, SECONDS))
    assert report.errors == []
    assert report.acknowledged_writes > CLIENTS
    assert (report.lost_writes, report.duplicate_rows) == (0, 0)
