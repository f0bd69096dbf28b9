"""`diary tui`: the command builds the app through the factory, on the right diary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from diary.cli import app as cli
from diary.cli.state import CliState
from diary.domain import FixedClock
from tui.app import DiaryApp


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[DiaryApp]:
    """Apps the command started; `run` returns at once instead of taking the terminal."""
    apps: list[DiaryApp] = []

    def run(self: DiaryApp, **_: Any) -> None:
        apps.append(self)

    monkeypatch.setattr(DiaryApp, "run", run)
    return apps


def test_tui_opens_the_chosen_diary(
    started: list[DiaryApp], tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "mine.db"
    state = CliState(clock=clock, environ={})
    logged = CliRunner().invoke(cli, ["--db", str(path), "log", "--pain", "4"], obj=state)
    assert logged.exit_code == 0, logged.output
    result = CliRunner().invoke(cli, ["--db", str(path), "tui"], obj=CliState(clock=clock))
    assert result.exit_code == 0, result.output
    (app,) = started
    assert str(path) in app.gateway.description
    assert app.overview is not None  # read before the first frame, so it shows at once
    assert [entry.pain for entry in app.overview.entries] == [4]


def test_demo_fills_a_throwaway_diary(started: list[DiaryApp], clock: FixedClock) -> None:
    result = CliRunner().invoke(cli, ["tui", "--demo"], obj=CliState(clock=clock, environ={}))
    assert result.exit_code == 0, result.output
    (app,) = started
    assert app.overview is not None
    assert len(app.overview.entries) > 150
    assert len(app.overview.insights.courses) >= 3


def test_other_commands_do_not_load_the_terminal_app() -> None:
    code = "import json, sys, diary.cli; print(json.dumps('textual' in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) is False
