"""How soon `diary serve` answers again after being killed with SIGKILL.

Run: .venv/bin/python bench/bench_restart.py [--cycles 20]
Each cycle: start `diary serve` on the same SQLite file, wait for /healthz, kill -9, repeat.
Baseline, measured in the same run: starting a bare Python interpreter that imports nothing
(`python -c pass`), the floor for any restart. Target: answering again within 2 s.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.sync_load import free_port  # noqa: E402
from tests.reliability.test_crash import start_server  # noqa: E402


def bare_interpreter_seconds() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cycles", type=int, default=20)
    args = parser.parse_args()
    baseline = statistics.median(bare_interpreter_seconds() for _ in range(5))
    times = []
    with tempfile.TemporaryDirectory() as folder:
        db, port = Path(folder) / "restart.db", free_port()
        for _ in range(args.cycles):
            server, seconds = start_server(db, port)
            times.append(seconds)
            os.kill(server.pid, signal.SIGKILL)
            server.wait()
    print(f"load average {os.getloadavg()[0]:.2f}; {args.cycles} kill/restart cycles")
    print(f"  baseline: bare interpreter start    {baseline * 1000:7.0f} ms   1.0x")
    for name, value in (("median", statistics.median(times)), ("slowest", max(times))):
        print(
            f"  diary serve answers again, {name:8} {value * 1000:7.0f} ms {value / baseline:6.1f}x"
        )


if __name__ == "__main__":
    main()
