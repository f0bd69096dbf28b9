"""A line that says what the app is doing, shown only for work slower than a blink."""

from __future__ import annotations

from textual.timer import Timer
from textual.widgets import Label
from textual.worker import Worker

BLINK_SECONDS = 0.15
"""Work that finishes sooner than this shows nothing (a flash would only distract)."""


class BusyLine(Label):
    """Hidden while idle; `⏳ Saving today's entry…` while a slow worker runs."""

    def __init__(self) -> None:
        super().__init__("", id="busy")
        self.display = False
        self._busy_with: dict[Worker[object], str] = {}
        self._timer: Timer | None = None

    def begin(self, worker: Worker[object]) -> None:
        self._busy_with[worker] = worker.description
        if self._timer is None:
            self._timer = self.set_timer(BLINK_SECONDS, self._show)

    def end(self, worker: Worker[object]) -> None:
        self._busy_with.pop(worker, None)
        if self._busy_with:
            self._show()
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.display = False

    def _show(self) -> None:
        self._timer = None
        if self._busy_with:
            self.update(f"⏳ {list(self._busy_with.values())[-1]}…")
            self.display = True
