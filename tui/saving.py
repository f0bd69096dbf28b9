"""Saving a day from the form: the domain checks the answers, the gateway stores the day.

Runs inside thread workers; the result travels back to the screen as a message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from textual.message import Message

from diary.analysis import Flag
from diary.domain import Conflict, FieldProblem, InvalidInput, parse_entry
from tui.gateway import DiaryGateway, SavedDay


@dataclass
class DaySaved(Message):
    """The day is stored."""

    saved: SavedDay


@dataclass
class EntryRefused(Message):
    """The answers broke the diary's rules; nothing was written."""

    problems: list[FieldProblem]


@dataclass
class DayChangedElsewhere(Message):
    """The day changed elsewhere since the form was filled from it; nothing was written."""

    day: dt.date


CHANGED_ELSEWHERE = (
    "Not saved: this day was changed elsewhere (another window or device) since you opened "
    "it. Your answers are still in the form. Reopen the day to see the change"
)


@dataclass
class FlagAcknowledged(Message):
    """The patient's "I have read this" is stored."""

    flag: Flag


def save_answers(
    gateway: DiaryGateway,
    today: dt.date,
    day: dt.date,
    answers: dict[str, Any],
    expected_version: int | None = None,
) -> DaySaved | EntryRefused | DayChangedElsewhere:
    """Check the answers as the day `day` and store them, replacing the whole day, unless the
    day's stored version is no longer `expected_version` (None: do not check).

    Empty answers are left out, so a missing pain score reads "is required".
    """
    given = {name: value for name, value in answers.items() if value is not None}
    try:
        entry = parse_entry({**given, "date": day}, today)
        return DaySaved(gateway.save_entry(entry, expected_version))
    except InvalidInput as refused:
        return EntryRefused(refused.problems)
    except Conflict:
        return DayChangedElsewhere(day)


def refusal_text(problems: list[FieldProblem]) -> str:
    """What a notification says when a save is refused: the problems with no field on screen."""
    listed = "; ".join(problem.describe() for problem in problems)
    return f"Not saved: {listed}" if listed else "Not saved: please fix the fields marked ⚠."
