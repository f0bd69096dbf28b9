"""The first page of the PDF summary: the picture now, relief, chart, courses, side effects."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from diary.analysis import MaintenanceStatus, Tier
from diary.export.counts_words import days_text
from diary.export.pdf_styles import (
    ALERT_FILL,
    ALERT_SMALL,
    BODY,
    CALM_FILL,
    CELL,
    HEADING,
    MUTED_SMALL,
    PICTURE,
    SMALL,
    TITLE,
    fitted_widths,
    grid_table,
    labelled,
    layout_table,
    text,
)
from diary.export.summary import AppointmentSummary, CourseRow, FlagLine
from diary.export.tables import COURSE_HEADINGS, course_cells
from diary.export.wording import (
    DISCLAIMER,
    TIER_ACTION,
    TIER_LABEL,
    averages_lines,
    completeness_lines,
    current_picture,
    day,
    rescue_lines,
    rule_label,
    side_effect_lines,
    typical_relief,
)
from diary.export.wording import TITLE as TITLE_TEXT

COURSES_ON_FIRST_PAGE = 10
FLAGS_ON_FIRST_PAGE = 6
NOTES_ON_FIRST_PAGE = 4
NOTE_CHARS = 300
_NO_OUTER_PADDING = (("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (-1, 0), (-1, 0), 0))
RELIEF, RESPONSE = COURSE_HEADINGS.index("Relief"), COURSE_HEADINGS.index("Response")


def first_page(summary: AppointmentSummary, width: float, chart: Drawing) -> list[Flowable]:
    return [
        Paragraph(TITLE_TEXT, TITLE),
        _who_and_when(summary),
        Spacer(1, 4),
        _picture(summary, width),
        Spacer(1, 3),
        text(typical_relief(summary)),
        Paragraph("Pain and infusions", HEADING),
        chart,
        Paragraph("Courses", HEADING),
        *_courses(summary, width),
        Paragraph("Side effects and warning flags", HEADING),
        *[text(line, SMALL) for line in side_effect_lines(summary)],
        *_flags(summary.flags),
        Spacer(1, 3),
        _three_columns(summary, width),
        Paragraph("Patient notes on flagged days", HEADING),
        *_notes(summary.flags),
        Spacer(1, 4),
        text(DISCLAIMER, MUTED_SMALL),
    ]


def _who_and_when(summary: AppointmentSummary) -> Paragraph:
    period = summary.period
    parts = [
        ("Patient:", summary.patient_name),
        ("Period:", f"{day(period.start)} to {day(period.end)} ({days_text(period.days)})"),
        ("Analysis as of:", day(summary.insights.as_of)),
    ]
    shown = "&nbsp;&nbsp;·&nbsp;&nbsp;".join(f"<b>{escape(k)}</b> {escape(v)}" for k, v in parts)
    return Paragraph(shown, BODY)


def _picture(summary: AppointmentSummary, width: float) -> Table:
    """The current picture in one line, on a red tint when something needs acting on."""
    counts = summary.open_flags_by_tier
    urgent = counts[Tier.EMERGENCY] or counts[Tier.SAME_DAY]
    act_now = urgent or summary.insights.maintenance.status is MaintenanceStatus.NOW
    rows = [
        [text(current_picture(summary), PICTURE)],
        [text(summary.insights.maintenance.message, SMALL)],
    ]
    fill = ALERT_FILL if act_now else CALM_FILL
    return layout_table(rows, [width], [("BACKGROUND", (0, 0), (-1, -1), fill)])


def _courses(summary: AppointmentSummary, width: float) -> list[Flowable]:
    if not summary.courses:
        return [text("No infusion course in this period.")]
    shown = summary.courses[-COURSES_ON_FIRST_PAGE:]
    story: list[Flowable] = [course_table(shown, width)]
    if len(shown) < len(summary.courses):
        note = f"The {len(shown)} latest of {len(summary.courses)} courses; all on page 2."
        story.append(text(note, MUTED_SMALL))
    return story


def course_table(rows: Sequence[CourseRow], width: float) -> Table:
    cells = [course_cells(row) for row in rows]
    widths = fitted_widths(COURSE_HEADINGS, cells, width, (RELIEF, RESPONSE))
    return grid_table(COURSE_HEADINGS, [_wrapping(row, RELIEF) for row in cells], widths)


def _wrapping(cells: Sequence[str], index: int) -> list[object]:
    """The cells, with the one at `index` allowed to wrap (if the table is squeezed)."""
    shown: list[object] = list(cells)
    shown[index] = text(cells[index], CELL)
    return shown


def _flags(flags: Sequence[FlagLine]) -> list[Flowable]:
    if not flags:
        return [text("No warning flags in this period.", SMALL)]
    story: list[Flowable] = [Spacer(1, 2)]
    for line in flags[:FLAGS_ON_FIRST_PAGE]:
        flag = line.flag
        status = "open" if line.is_open else "seen by patient"
        words = (
            f"{day(flag.date)}: {TIER_LABEL[flag.tier]} ({TIER_ACTION[flag.tier]}): "
            f"{rule_label(flag.rule)}; {status}"
        )
        story.append(text(words, SMALL if flag.tier is Tier.REVIEW else ALERT_SMALL))
    hidden = len(flags) - FLAGS_ON_FIRST_PAGE
    if hidden > 0:
        story.append(text(f"and {hidden} more: see the Flags column of the day pages.", SMALL))
    return story


def _three_columns(summary: AppointmentSummary, width: float) -> Table:
    columns = [
        ("Mood and sleep", averages_lines(summary)),
        ("Rescue medication", rescue_lines(summary)),
        ("Data completeness", completeness_lines(summary)),
    ]
    cells = [
        [Paragraph(title, HEADING), *[text(line, SMALL) for line in lines]]
        for title, lines in columns
    ]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), *_NO_OUTER_PADDING]
    return layout_table([cells], [width / 3] * 3, commands)


def _notes(flags: Sequence[FlagLine]) -> list[Flowable]:
    noted = [line for line in flags if line.note]
    if not noted:
        return [text("No notes on flagged days.", SMALL)]
    story: list[Flowable] = []
    for line in noted[:NOTES_ON_FIRST_PAGE]:
        note = line.note or ""
        if len(note) > NOTE_CHARS:
            note = note[:NOTE_CHARS].rstrip() + "… (in full on the day pages)"
        label = f"{day(line.flag.date)} ({rule_label(line.flag.rule)}):"
        story.append(labelled(label, note, SMALL))
    if len(noted) > NOTES_ON_FIRST_PAGE:
        story.append(text(f"and {len(noted) - NOTES_ON_FIRST_PAGE} more on the day pages.", SMALL))
    return story
