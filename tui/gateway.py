"""The one interface the terminal app talks to, in terms of domain and analysis objects.

Two implementations fit behind it: `tui.local.LocalGateway` (the services over the embedded
database) and `tui.remote.RemoteGateway` (an HTTP client of the API). The screens never know
which one they have. Every method blocks, so the app calls them from thread workers only. Each
may raise `diary.domain.DiaryError` subclasses: `InvalidInput` (with one `FieldProblem` per
broken rule) when input is refused, `NotFound` when a day or an infusion has gone, `Conflict`
when a day changed elsewhere since it was read, `Forbidden` when writing to a read-only diary,
and (remote only) `tui.remote_session.ServerUnreachable` when offline.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from diary.analysis import Flag, Insights
from diary.domain import DailyEntry, Infusion, InfusionDetails
from diary.export.formats import ExportFormat

__all__ = ["DiaryGateway", "DiaryOverview", "ExportFormat", "ExportRequest", "SavedDay"]


@dataclass(frozen=True)
class DiaryOverview:
    """Everything the screens show, read at one moment: the diary up to today, analysed."""

    today: dt.date
    entries: tuple[DailyEntry, ...]
    """Every entry up to `today`, in date order."""
    infusions: tuple[Infusion, ...]
    """Every infusion up to `today`, in date order."""
    insights: Insights
    open_flags: tuple[Flag, ...]
    """Flags not acknowledged yet, most urgent first."""
    relief_fraction: float = 0.7
    """Share of a course's baseline above which relief is over (drawn on the Trends chart)."""
    versions: Mapping[dt.date, int] | None = None
    """Each stored day's version, read before the entries; None when the gateway has none."""

    def version_on(self, day: dt.date) -> int | None:
        """The version a save of `day` expects (0: not stored); None means "do not check"."""
        return None if self.versions is None else self.versions.get(day, 0)

    @cached_property
    def entries_by_day(self) -> dict[dt.date, DailyEntry]:
        return {entry.date: entry for entry in self.entries}

    @cached_property
    def infusion_days(self) -> frozenset[dt.date]:
        return frozenset(infusion.date for infusion in self.infusions)

    @cached_property
    def flags_by_day(self) -> dict[dt.date, tuple[Flag, ...]]:
        """Every flag the diary raises (acknowledged or not), by the day it is about."""
        by_day: dict[dt.date, list[Flag]] = {}
        for flag in self.insights.flags:
            by_day.setdefault(flag.date, []).append(flag)
        return {day: tuple(flags) for day, flags in by_day.items()}

    def entry_on(self, day: dt.date) -> DailyEntry | None:
        return self.entries_by_day.get(day)

    def entries_between(self, start: dt.date | None, end: dt.date | None) -> list[DailyEntry]:
        """Entries from `start` to `end` inclusive; None means no limit on that side."""
        return [entry for entry in self.entries if _within(entry.date, start, end)]

    def infusions_between(self, start: dt.date | None, end: dt.date | None) -> list[Infusion]:
        return [given for given in self.infusions if _within(given.date, start, end)]


def _within(day: dt.date, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


@dataclass(frozen=True)
class SavedDay:
    """A day as stored, whether the save created it, and the warning flags it raised.

    `flags` is None when the flags could not be worked out; the day is stored regardless.
    """

    entry: DailyEntry
    created: bool
    flags: tuple[Flag, ...] | None
    open_flags: tuple[Flag, ...] = field(default=())
    """Every flag still open after the save, most urgent first."""
    version: int | None = None
    """The day's stored version after the save, for the next save's check."""


@dataclass(frozen=True)
class ExportRequest:
    """What to export, and where: CSV writes the infusions beside `path` (`-infusions.csv`)."""

    format: ExportFormat
    path: Path
    start: dt.date | None = None
    end: dt.date | None = None


class DiaryGateway(Protocol):
    """One patient's diary, wherever it lives."""

    @property
    def description(self) -> str:
        """Where the diary lives, in a few words (shown in the help screen)."""
        ...

    @property
    def read_only(self) -> bool:
        """True for a clinician's view of a shared diary: every write is refused."""
        ...

    def overview(self) -> DiaryOverview:
        """The whole diary up to today with its analysis and open flags."""
        ...

    def save_entry(self, entry: DailyEntry, expected_version: int | None = None) -> SavedDay:
        """Create the day or replace every field of it.

        With `expected_version` (from `DiaryOverview.version_on`), refuse with `Conflict` if
        the day changed since that overview was read.
        """
        ...

    def delete_entry(self, day: dt.date) -> None: ...

    def add_infusion(self, details: InfusionDetails) -> Infusion: ...

    def update_infusion(self, infusion_id: uuid.UUID, details: InfusionDetails) -> Infusion: ...

    def delete_infusion(self, infusion_id: uuid.UUID) -> None: ...

    def acknowledge(self, flag: Flag) -> None:
        """Record that the patient has seen `flag`, so it is no longer open."""
        ...

    def export(self, request: ExportRequest) -> list[Path]:
        """Write the export files (owner-only, whole or not at all); the paths written."""
        ...
