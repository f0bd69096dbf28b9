"""The injected clock: code asks a Clock for the time, so tests never patch `datetime`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    """Tells the current instant and the patient's local date."""

    def now(self) -> dt.datetime:
        """The current instant, timezone-aware, in UTC."""
        ...

    def today(self) -> dt.date:
        """The patient's local date now."""
        ...


class SystemClock:
    """The real clock; the local date follows this machine's time zone."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        return dt.datetime.now().astimezone().date()


@dataclass
class FixedClock:
    """A clock that stays where a test puts it."""

    instant: dt.datetime

    def now(self) -> dt.datetime:
        return self.instant

    def today(self) -> dt.date:
        return self.instant.date()

    def advance(self, delta: dt.timedelta) -> None:
        self.instant += delta
