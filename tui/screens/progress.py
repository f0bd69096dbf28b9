"""What every screen that starts workers shares: progress while they run, failures told once."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from diary.domain import DiaryError, Unauthenticated
from tui.messages import LoginNeeded
from tui.widgets.common.busy_line import BusyLine

FINISHED = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)


def track_worker(screen: Screen[Any], event: Worker.StateChanged) -> None:
    """Show a running worker on the screen's busy line; tell the patient if it failed."""
    for busy in screen.query(BusyLine).results(BusyLine):
        if event.state is WorkerState.RUNNING:
            busy.begin(event.worker)
        elif event.state in FINISHED:
            busy.end(event.worker)
    if event.state is WorkerState.ERROR:
        screen.notify(failure_text(event.worker), severity="error", timeout=15, markup=False)
        if isinstance(event.worker.error, Unauthenticated):
            screen.app.post_message(LoginNeeded())


def failure_text(worker: Worker[Any]) -> str:
    """E.g. `Saving today's entry failed: database is locked`; what was on screen stays there."""
    error = worker.error
    reason = str(error) if isinstance(error, DiaryError) else f"{type(error).__name__}: {error}"
    return f"{worker.description} failed: {reason}"
