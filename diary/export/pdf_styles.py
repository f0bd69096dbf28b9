"""Type sizes, colours and table looks of the PDF summary, in one place."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from diary.export.pdf_fonts import BOLD, REGULAR

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#BBBBBB")
HEADER_FILL = colors.HexColor("#E8EEF4")
STRIPE_FILL = colors.HexColor("#F7F7F7")
INFUSION_FILL = colors.HexColor("#F3E6EE")
ALERT_FILL = colors.HexColor("#FDECEA")
CALM_FILL = colors.HexColor("#EEF5FB")
ALERT_INK = colors.HexColor("#A4000F")

TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=13, leading=16, textColor=INK)
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=8.5, leading=10.5, textColor=INK)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=7.5, leading=9)
MUTED_SMALL = ParagraphStyle("muted", parent=SMALL, textColor=MUTED)
ALERT_SMALL = ParagraphStyle("alert", parent=SMALL, textColor=ALERT_INK)
HEADING = ParagraphStyle(
    "heading", parent=BODY, fontName=BOLD, fontSize=9.5, leading=12, spaceBefore=5, spaceAfter=2
)
PICTURE = ParagraphStyle("picture", parent=BODY, fontName=BOLD, fontSize=9.5, leading=12)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=7, leading=8.5)
HEADER_CELL = ParagraphStyle("header", parent=CELL, fontName=BOLD)
CELL_PADDING = 2.0


def text(value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text: the patient's words are never read as markup."""
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def labelled(label: str, value: str, style: ParagraphStyle = BODY) -> Paragraph:
    return Paragraph(f"<b>{escape(label)}</b> {escape(value)}", style)


def layout_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    commands: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A borderless table for placing blocks side by side or on a tint.

    Its font is set even though every cell is a paragraph: reportlab would otherwise select
    Helvetica, a standard font the PDF does not embed.
    """
    table = Table([list(row) for row in rows], colWidths=list(widths))
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 7), *commands]))
    return table


GRID_LOOK: list[tuple[Any, ...]] = [
    ("FONT", (0, 0), (-1, -1), REGULAR, 7, 8.5),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("TOPPADDING", (0, 0), (-1, -1), 1.2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
]
"""Every grid table: small type, rows aligned at the top, a rule under the last row."""


def grid_table(
    headings: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    row_style: Sequence[tuple[Any, ...]] = (),
    title: str | None = None,
) -> Table:
    """A table with a shaded header row and light stripes; both, and the `title` row above
    them, repeat on each page, so a title can never be left alone at the foot of a page.

    `row_style` commands count rows from the first row of `rows` (0), not from the header.
    """
    top: list[list[Any]] = [[text(heading, HEADER_CELL) for heading in headings]]
    if title is not None:
        top.insert(0, [Paragraph(escape(title), HEADING), *[""] * (len(headings) - 1)])
    header = len(top) - 1
    table = Table([*top, *map(list, rows)], colWidths=list(widths), repeatRows=len(top))
    commands = [
        *GRID_LOOK,
        ("BACKGROUND", (0, header), (-1, header), HEADER_FILL),
        ("LINEBELOW", (0, header), (-1, header), 0.5, RULE),
    ]
    if title is not None:
        commands += [("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (0, 0), 0)]
    stripes = range(len(top) + 1, len(top) + len(rows), 2)
    commands += [("BACKGROUND", (0, r), (-1, r), STRIPE_FILL) for r in stripes]
    commands += [_below(command, len(top)) for command in row_style]
    table.setStyle(TableStyle(commands))
    return table


def _below(command: tuple[Any, ...], offset: int) -> tuple[Any, ...]:
    """A table style command moved down by `offset` rows (negative rows count from the end)."""
    name, (c0, r0), (c1, r1), *rest = command
    moved = [row + offset if row >= 0 else row for row in (r0, r1)]
    return (name, (c0, moved[0]), (c1, moved[1]), *rest)


def fitted_widths(
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    total: float,
    stretch: Sequence[int],
) -> list[float]:
    """Column widths that fit each column's widest cell and, room allowing, its heading.

    Every column gets at least its widest cell and its heading's longest word; room left goes
    first to headings that would wrap, then to the `stretch` columns. When the columns need
    more than `total`, all shrink in proportion (their text then wraps).
    """
    pad = 2 * CELL_PADDING + 0.5
    least, wish = [], []
    for index, heading in enumerate(headings):
        widest = max((_width(row[index], REGULAR) for row in rows), default=0.0)
        longest_word = max(_width(word, BOLD) for word in heading.split())
        least.append(max(widest, longest_word) + pad)
        wish.append(max(widest, _width(heading, BOLD)) + pad)
    if sum(least) >= total:
        return [width * total / sum(least) for width in least]
    share = min(1.0, (total - sum(least)) / max(sum(wish) - sum(least), 1e-9))
    widths = [low + (want - low) * share for low, want in zip(least, wish, strict=True)]
    spare = total - sum(widths)
    for index in stretch:
        widths[index] += spare / len(stretch)
    return widths


def _width(value: str, font: str) -> float:
    return float(stringWidth(value, font, CELL.fontSize))
