"""The diary's CSV format: §2 column names as the header, UTF-8, RFC 4180 quoting.

The same module writes and reads it, so an export imports back exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

from diary.domain import (
    DailyEntry,
    FieldProblem,
    Infusion,
    InvalidInput,
    check_not_in_future,
    parse_entry,
    parse_infusion,
)
from diary.domain.entry import EntryFields
from diary.domain.infusion import InfusionDetails

ENTRY_COLUMNS: tuple[str, ...] = ("date", *EntryFields.model_fields)
INFUSION_COLUMNS: tuple[str, ...] = ("id", *InfusionDetails.model_fields)
REQUIRED_ENTRY_COLUMNS = ("date", "pain")
REQUIRED_INFUSION_COLUMNS = ("date",)
LIST_SEPARATOR = ";"
MAX_PROBLEMS_REPORTED = 50
TEXT_COLUMNS = frozenset({"notes"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
"""A spreadsheet could run a cell starting with one of these as a formula (or, for the quote,
would hide it); such text is written with a leading quote, which import removes again."""


def write_entries(entries: Iterable[DailyEntry], stream: IO[str]) -> None:
    writer = csv.writer(stream)
    writer.writerow(ENTRY_COLUMNS)
    for entry in entries:
        values = entry.model_dump(mode="json")
        writer.writerow(_cell(values[column], column) for column in ENTRY_COLUMNS)


def write_infusions(infusions: Iterable[Infusion], stream: IO[str]) -> None:
    writer = csv.writer(stream)
    writer.writerow(INFUSION_COLUMNS)
    for infusion in infusions:
        values = infusion.model_dump(mode="json")
        writer.writerow(_cell(values[column], column) for column in INFUSION_COLUMNS)


def _cell(value: Any, column: str) -> str:
    if column in TEXT_COLUMNS and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        return text.removesuffix(".0")
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def read_entries(stream: IO[str], today: dt.date) -> list[DailyEntry]:
    """Every row as a DailyEntry, or InvalidInput naming each bad row, column and value."""
    rows = _rows(stream, ENTRY_COLUMNS, REQUIRED_ENTRY_COLUMNS)
    return _collect(rows, lambda number, cells: parse_entry(_entry_values(cells), today, number))


def read_infusions(stream: IO[str], today: dt.date) -> list[Infusion]:
    """Every row as an Infusion (a fresh id where the id cell is empty), or InvalidInput."""

    def parse(number: int, cells: dict[str, str]) -> Infusion:
        details = parse_infusion(_present(cells), number)
        check_not_in_future(details.date, today, number)
        if isinstance(details, Infusion):
            return details
        return Infusion(**details.model_dump())

    return _collect(_rows(stream, INFUSION_COLUMNS, REQUIRED_INFUSION_COLUMNS), parse)


def _collect(rows: Iterator[tuple[int, dict[str, str]]], parse: Any) -> list[Any]:
    """Parse every row, gathering all problems so one run reports the whole file."""
    parsed: list[Any] = []
    problems: list[FieldProblem] = []
    first_row_of_date: dict[dt.date, int] = {}
    for number, cells in rows:
        try:
            item = parse(number, cells)
        except InvalidInput as error:
            problems.extend(error.problems)
            continue
        duplicate = _duplicate_date_problem(item, number, first_row_of_date)
        if duplicate:
            problems.append(duplicate)
        parsed.append(item)
    if problems:
        raise InvalidInput(problems[:MAX_PROBLEMS_REPORTED])
    return parsed


def _duplicate_date_problem(
    item: Any, number: int, first_row_of_date: dict[dt.date, int]
) -> FieldProblem | None:
    if not isinstance(item, DailyEntry):
        return None
    if item.date in first_row_of_date:
        rule = f"repeats the date of row {first_row_of_date[item.date]} (one entry per day)"
        return FieldProblem("date", rule, item.date.isoformat(), number)
    first_row_of_date[item.date] = number
    return None


def _rows(
    stream: IO[str], known: Sequence[str], required: Sequence[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(data row number, cells) pairs; the header is checked first."""
    reader = csv.reader(stream, strict=True)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise InvalidInput([FieldProblem("header", "the file is empty")]) from None
    except (csv.Error, UnicodeDecodeError) as error:
        raise InvalidInput([FieldProblem("header", f"cannot be read: {error}")]) from None
    _check_header(header, known, required)
    return _data_rows(reader, header)


def _data_rows(reader: Any, header: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                rule = f"has {len(cells)} cells but the header has {len(header)} columns"
                raise InvalidInput([FieldProblem("row", rule, None, number)])
            yield number, dict(zip(header, cells, strict=True))
    except (csv.Error, UnicodeDecodeError) as error:
        problem = FieldProblem("row", f"cannot be read: {error}", None, number + 1)
        raise InvalidInput([problem]) from None


def _check_header(header: list[str], known: Sequence[str], required: Sequence[str]) -> None:
    problems = [
        FieldProblem("header", f"unknown column (known columns: {', '.join(known)})", name)
        for name in header
        if name not in known
    ]
    problems += [
        FieldProblem("header", "names this column twice", name)
        for name in sorted({n for n in header if header.count(n) > 1})
    ]
    problems += [
        FieldProblem("header", "lacks a required column", name)
        for name in required
        if name not in header
    ]
    if problems:
        raise InvalidInput(problems)


def _present(cells: Mapping[str, str]) -> dict[str, str]:
    """Only the cells that hold something: an empty cell means 'not recorded'.

    Notes keep their spacing exactly, less the quote an export put before formula-like text;
    other cells are trimmed.
    """
    return {
        name: value.removeprefix("'") if name in TEXT_COLUMNS else value.strip()
        for name, value in cells.items()
        if value.strip()
    }


def _entry_values(cells: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = _present(cells)
    if "warning_signs" in values:
        signs = values["warning_signs"].split(LIST_SEPARATOR)
        values["warning_signs"] = [sign.strip() for sign in signs if sign.strip()]
    return values
