"""PostgreSQL goes away while `diary serve` runs: clean 503s, then recovery on its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bench.sync_load import free_port, running_server
from diary.storage.engine import create_diary_engine
from diary.storage.migrate import upgrade

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "postgres.sh"
PASSWORD = "outage test password"
RECOVERS_WITHIN_SECONDS = 30.0
"""Liveness only (the server recovers without a restart); a bound, not a speed target."""

pytestmark = pytest.mark.postgres


def postgres_available() -> bool:
    return any(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")) if shutil.which("bash") else False


@pytest.fixture
def own_postgres() -> Iterator[tuple[Path, dict[str, str]]]:
    """A PostgreSQL server of this test's own, which the test may stop and start."""
    if not postgres_available():
        if os.environ.get("DIARY_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL binaries are missing")
        pytest.skip("no PostgreSQL binaries on this machine")
    # Not pytest's tmp_path: that is private to root, and the server runs as another user.
    folder = Path(tempfile.mkdtemp(prefix="diary-outage-"))
    folder.chmod(0o755)
    env = {**os.environ, "DIARY_PG_PORT": str(free_port())}
    url = _run([str(SCRIPT), "start", str(folder / "server")], env).strip()
    engine = create_diary_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    upgrade(engine)
    engine.dispose()
    yield folder / "server", {**env, "DATABASE_URL": url}
    _run([str(SCRIPT), "stop", str(folder / "server")], env)
    shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str], env: dict[str, str]) -> str:
    return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout


def test_outage_answers_503_and_the_server_recovers(
    own_postgres: tuple[Path, dict[str, str]],
) -> None:
    server_dir, env = own_postgres
    with running_server(env["DATABASE_URL"], extra_env=env) as base_url:
        http = httpx.Client(base_url=base_url, timeout=10)
        body = {"email": "o@example.org", "password": PASSWORD, "name": "O", "role": "patient"}
        assert http.post("/v1/auth/register", json=body).status_code == 201
        _run([str(SCRIPT), "stop", str(server_dir)], env)
        down = http.post("/v1/auth/token", data={"username": "o@example.org", "password": PASSWORD})
        assert down.status_code == 503
        assert down.json()["detail"].startswith("the diary's database is not answering")
        assert down.headers["retry-after"] == "2"
        assert http.get("/healthz").status_code == 503
        _run([str(SCRIPT), "start", str(server_dir)], env)
        _answers_again(http, body["email"])


def _answers_again(http: httpx.Client, email: str) -> None:
    """Wait until a login works again, without restarting `diary serve`."""
    started = time.monotonic()
    while time.monotonic() - started < RECOVERS_WITHIN_SECONDS:
        answer = http.post("/v1/auth/token", data={"username": email, "password": PASSWORD})
        if answer.status_code == 200:
            return
        assert answer.status_code == 503, answer.text
        time.sleep(0.2)
    raise AssertionError(f"the server did not recover within {RECOVERS_WITHIN_SECONDS:.0f} s")
