"""The day-by-day pages of the PDF summary: one table per month, each day's note under its row."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from diary.export.pdf_fonts import BOLD
from diary.export.pdf_styles import (
    ALERT_INK,
    CELL,
    HEADING,
    INFUSION_FILL,
    MUTED_SMALL,
    fitted_widths,
    grid_table,
    text,
)
from diary.export.summary import AppointmentSummary
from diary.export.tables import DAY_HEADINGS, DayRow, day_rows

SIGNS, FLAGS = DAY_HEADINGS.index("Signs"), DAY_HEADINGS.index("Flags")


def day_pages(summary: AppointmentSummary, width: float) -> list[Flowable]:
    rows = day_rows(summary)
    story: list[Flowable] = [Paragraph("Day by day", HEADING)]
    if not rows:
        return [*story, text("No entries in this period.")]
    key = "Shaded rows are infusion days. Bladder: frequency / urgency / pain passing urine / "
    key += "bladder pain. – means not recorded."
    story.append(text(key, MUTED_SMALL))
    widths = fitted_widths(DAY_HEADINGS, [row.cells for row in rows], width, (SIGNS, FLAGS))
    for month, days in itertools.groupby(rows, key=lambda row: row.date.replace(day=1)):
        story.append(_month_table(f"{month:%B %Y}", list(days), widths))
    return story


def _month_table(month: str, rows: list[DayRow], widths: list[float]) -> Flowable:
    cells: list[list[Any]] = []
    style: list[tuple[Any, ...]] = []
    for row in rows:
        line = len(cells)
        cells.append(_cells(row))
        style += list(_row_style(row, line))
        if row.notes:
            cells.append([text(f"Note: {row.notes}", CELL), *[""] * (len(widths) - 1)])
            style.append(("SPAN", (0, line + 1), (-1, line + 1)))
    return grid_table(DAY_HEADINGS, cells, widths, style, title=month)


def _cells(row: DayRow) -> list[Any]:
    """Plain strings, except the cells that may need to wrap."""
    cells: list[Any] = list(row.cells)
    for index in (SIGNS, FLAGS):
        if cells[index]:
            cells[index] = text(cells[index], CELL)
    return cells


def _row_style(row: DayRow, line: int) -> Iterator[tuple[Any, ...]]:
    if row.infusion_day:
        yield ("BACKGROUND", (0, line), (-1, line), INFUSION_FILL)
    if row.flagged:
        yield ("TEXTCOLOR", (0, line), (0, line), ALERT_INK)
        yield ("FONT", (0, line), (0, line), BOLD, 7, 8.5)
