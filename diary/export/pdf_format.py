"""The appointment summary as a PDF: a first page to read in a minute, then the day-by-day pages.

Built with reportlab's page layout (platypus): real, selectable text in an embedded Unicode
font and a vector chart, on A4 or US Letter.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib import pagesizes
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from diary.export.formats import PageSize
from diary.export.pdf_chart import pain_chart
from diary.export.pdf_days import day_pages
from diary.export.pdf_first_page import COURSES_ON_FIRST_PAGE, course_table, first_page
from diary.export.pdf_fonts import REGULAR, register_fonts
from diary.export.pdf_styles import HEADING, MUTED
from diary.export.summary import AppointmentSummary
from diary.export.wording import TITLE, day

MARGIN = 14 * mm
FOOTER_GAP = 6 * mm
CHART_HEIGHT = 165.0


PAGE_SIZES = {PageSize.A4: pagesizes.A4, PageSize.LETTER: pagesizes.LETTER}


def render_pdf(
    summary: AppointmentSummary,
    page_size: PageSize = PageSize.A4,
    created: dt.date | None = None,
) -> bytes:
    """The PDF file's bytes; `created` (default: the analysis day) is printed in the footer."""
    register_fonts()
    buffer = io.BytesIO()
    period = f"{day(summary.period.start)} to {day(summary.period.end)}"
    footer = _Footer(summary.patient_name, period, created or summary.insights.as_of)
    document = _document(buffer, page_size, f"{TITLE}, {period}", footer)
    document.author = summary.patient_name
    width = document.width
    story = _first_page(summary, width, document.height)
    if len(summary.courses) > COURSES_ON_FIRST_PAGE:
        all_courses = course_table(summary.courses, width)
        story += [PageBreak(), Paragraph("All courses", HEADING), all_courses]
    story += [PageBreak(), *day_pages(summary, width)]
    document.build(story)
    return buffer.getvalue()


def _document(
    buffer: io.BytesIO, page_size: PageSize, title: str, footer: _Footer
) -> BaseDocTemplate:
    """Pages of one text frame (no inner padding, so tables span it exactly) and a footer."""
    document = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZES[page_size],
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + FOOTER_GAP,
        title=title,
        subject="Pain, side effects and infusions from the patient's diary",
        creator="ketamine-diary",
        lang="en",
        initialFontName=REGULAR,  # so that no unembedded standard font is referenced
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    # The footer is drawn after the page's content, so text extraction reads it last.
    document.addPageTemplates([PageTemplate("page", frames=[frame], onPageEnd=footer)])
    return document


def _first_page(summary: AppointmentSummary, width: float, height: float) -> list[Flowable]:
    """Everything a clinician reads first, shrunk if need be so that it stays on one page."""
    chart = pain_chart(summary, width, CHART_HEIGHT)
    content = first_page(summary, width, chart)
    return [KeepInFrame(width, height, content, mode="shrink")]


class _Footer:
    """Draws each page's footer: whose diary, which period, the page number."""

    def __init__(self, name: str, period: str, created: dt.date) -> None:
        self.left = f"{name} · {period} · made {created.isoformat()} from the patient's diary"

    def __call__(self, canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.setFillColor(MUTED)
        y = MARGIN
        canvas.drawString(MARGIN, y, self.left)
        canvas.drawRightString(document.pagesize[0] - MARGIN, y, f"page {document.page}")
        canvas.restoreState()
