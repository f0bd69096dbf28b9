"""The `run` fixture: `diary ARGS` in-process against a diary file in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from diary.cli import app
from diary.cli.state import CliState
from diary.domain import FixedClock


@pytest.fixture
def run(tmp_path: Path, clock: FixedClock):  # type: ignore[no-untyped-def]
    """Run `diary ARGS` against tmp_path/diary.db (via DIARY_DB) with the fixed clock."""

    def invoke(*args: str, environ: dict[str, str] | None = None, stdin: str = "") -> Result:
        state = CliState(clock=clock, environ=environ or {"DIARY_DB": str(tmp_path / "d.db")})
        return CliRunner().invoke(app, list(args), obj=state, input=stdin)

    return invoke
