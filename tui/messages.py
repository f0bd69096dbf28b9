"""Messages that travel up to the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.gateway import DiaryOverview


class DiaryChanged(Message):
    """Something was written to the diary; every page's view of it is now out of date."""


@dataclass
class OverviewLoaded(Message):
    """A fresh overview of the diary has been read."""

    overview: DiaryOverview
    changes_seen: int
    """How many `DiaryChanged` the app had received when this read began."""


class LoginNeeded(Message):
    """The server ended the login (expired or revoked): a server app asks for it again."""
