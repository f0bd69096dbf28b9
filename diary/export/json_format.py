"""The whole diary as one JSON document, and reading it back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from diary.domain import DailyEntry, FieldProblem, Infusion, InvalidInput, check_not_in_future
from diary.domain.validation import problems_from

FORMAT_NAME = "ketamine-diary"
FORMAT_VERSION = 1


class DiaryDocument(BaseModel):
    """What a JSON export holds; `entries` and `infusions` are in date order."""

    model_config = ConfigDict(extra="forbid")

    format: str = FORMAT_NAME
    version: int = FORMAT_VERSION
    exported_at: dt.datetime
    entries: list[DailyEntry]
    infusions: list[Infusion]


def dump_diary(
    entries: Sequence[DailyEntry], infusions: Sequence[Infusion], exported_at: dt.datetime
) -> str:
    document = DiaryDocument(
        exported_at=exported_at, entries=list(entries), infusions=list(infusions)
    )
    return json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def load_diary(text: str, today: dt.date) -> DiaryDocument:
    """The document in `text`, or InvalidInput naming each broken rule by its JSON path."""
    try:
        raw: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInput([FieldProblem("document", f"is not valid JSON: {error}")]) from None
    try:
        document = DiaryDocument.model_validate(raw)
    except ValidationError as error:
        raise InvalidInput(problems_from(error)) from None
    _check_document(document, today)
    return document


def _check_document(document: DiaryDocument, today: dt.date) -> None:
    if document.format != FORMAT_NAME or document.version != FORMAT_VERSION:
        rule = f"must be {FORMAT_NAME!r} version {FORMAT_VERSION}"
        raise InvalidInput([FieldProblem("format", rule, f"{document.format} {document.version}")])
    seen: set[dt.date] = set()
    for index, entry in enumerate(document.entries):
        check_not_in_future(entry.date, today)
        if entry.date in seen:
            rule = "repeats a date (one entry per day)"
            raise InvalidInput([FieldProblem(f"entries.{index}.date", rule, str(entry.date))])
        seen.add(entry.date)
    for infusion in document.infusions:
        check_not_in_future(infusion.date, today)
