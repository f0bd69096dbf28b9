"""The summary's pain chart, drawn as vector shapes (lines and text stay sharp at any zoom).

Daily pain as a line (broken where days are missing), infusion days as triangles under the
plot, each course's baseline as a solid line and its 70% relief line dashed. Colours are from
the Okabe–Ito palette, and every series also differs in shape or dash, so the chart reads
without colour too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from diary.export.pdf_fonts import BOLD, REGULAR
from diary.export.summary import AppointmentSummary, CourseRow

PAIN_COLOUR = colors.HexColor("#0072B2")
BASELINE_COLOUR = colors.HexColor("#222222")
RELIEF_LINE_COLOUR = colors.HexColor("#D55E00")
INFUSION_COLOUR = colors.HexColor("#CC79A7")
COURSE_SHADE = colors.HexColor("#F3E6EE")
GRID_COLOUR = colors.HexColor("#DDDDDD")
TEXT_COLOUR = colors.HexColor("#333333")
LEFT, RIGHT, TOP, BOTTOM = 20.0, 4.0, 10.0, 34.0
"""Room around the plot: pain labels, course numbers, date labels with markers and legend."""
LONE_DAY_RADIUS = 1.4
"""A day logged with no logged neighbour: a dot wide enough to see beside the 0.7 line."""
MAX_DATE_LABELS = 14
WEEKLY_LABELS_UP_TO_DAYS = 84
"""Periods shorter than 12 weeks are labelled by week (at most 12 labels)."""


class Scale:
    """Maps diary days and pain scores onto the plot area."""

    def __init__(self, summary: AppointmentSummary, width: float, height: float) -> None:
        self.first = summary.period.start.toordinal()
        self.span = max(1, summary.period.end.toordinal() - self.first)
        self.left, self.bottom = LEFT, BOTTOM
        self.width, self.height = width - LEFT - RIGHT, height - TOP - BOTTOM

    def x(self, day: dt.date) -> float:
        share = (day.toordinal() - self.first) / self.span
        return self.left + self.width * min(1.0, max(0.0, share))

    def y(self, pain: float) -> float:
        return self.bottom + self.height * pain / 10


def pain_chart(summary: AppointmentSummary, width: float, height: float) -> Drawing:
    # Its own font from the start: no unembedded standard font is referenced.
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=6.5)
    scale = Scale(summary, width, height)
    for part in (
        _grid(scale),
        _courses(summary, scale),
        _pain(summary, scale),
        _infusions(summary, scale),
        _date_labels(summary, scale),
        _legend(scale),
    ):
        drawing.add(part)
    return drawing


def _grid(scale: Scale) -> Group:
    group = Group()
    right = scale.left + scale.width
    for pain in range(0, 11, 2):
        y = scale.y(pain)
        group.add(Line(scale.left, y, right, y, strokeColor=GRID_COLOUR, strokeWidth=0.4))
        group.add(_text(scale.left - 3, y - 2.5, str(pain), anchor="end"))
    group.add(_axis_title(scale))
    return group


def _axis_title(scale: Scale) -> Group:
    """The axis title up the left edge, clear of the course numbers above the plot."""
    title = Group(_text(0, 0, "Pain (0–10)", anchor="middle"))
    middle = scale.y(5)
    title.transform = (0, 1, -1, 0, 6, middle)  # turned a quarter anticlockwise, then moved
    return title


def _courses(summary: AppointmentSummary, scale: Scale) -> Group:
    group = Group()
    for row in summary.courses:
        course = row.insight
        left, right = scale.x(course.start), scale.x(course.end)
        band = Rect(left, scale.bottom, max(right - left, 1.0), scale.height)
        band.fillColor, band.strokeColor = COURSE_SHADE, None
        group.add(band)
        group.add(_text(left, scale.y(10) + 2, str(row.number), anchor="start", bold=True))
        for line in _course_lines(row, summary, scale):
            group.add(line)
    return group


def _course_lines(row: CourseRow, summary: AppointmentSummary, scale: Scale) -> Iterator[Line]:
    """Baseline from its week before the course to the course period's end; 70% line after."""
    baseline, relief_line = row.insight.baseline_pain, row.relief_line
    if baseline is None or relief_line is None:
        return
    last = min(row.period_last, summary.period.end)
    week_before = row.insight.start - dt.timedelta(days=7)
    y = scale.y(baseline)
    yield Line(
        scale.x(week_before), y, scale.x(last), y, strokeColor=BASELINE_COLOUR, strokeWidth=0.9
    )
    y = scale.y(relief_line)
    yield Line(
        scale.x(row.insight.end),
        y,
        scale.x(last),
        y,
        strokeColor=RELIEF_LINE_COLOUR,
        strokeWidth=0.9,
        strokeDashArray=[3, 2],
    )


def _pain(summary: AppointmentSummary, scale: Scale) -> Group:
    """One line per run of consecutive logged days; a lone day is a dot."""
    group = Group()
    for run in _runs([(entry.date, entry.pain) for entry in summary.entries]):
        points = [value for day, pain in run for value in (scale.x(day), scale.y(pain))]
        if len(run) == 1:
            dot = Circle(points[0], points[1], LONE_DAY_RADIUS)
            # A white rim keeps it apart from a baseline or relief line at the same score.
            dot.fillColor, dot.strokeColor, dot.strokeWidth = PAIN_COLOUR, colors.white, 0.5
            group.add(dot)
        else:
            group.add(PolyLine(points, strokeColor=PAIN_COLOUR, strokeWidth=0.7))
    return group


def _runs(days: list[tuple[dt.date, int]]) -> Iterator[list[tuple[dt.date, int]]]:
    run: list[tuple[dt.date, int]] = []
    for day, pain in days:
        if run and (day - run[-1][0]).days > 1:
            yield run
            run = []
        run.append((day, pain))
    if run:
        yield run


def _infusions(summary: AppointmentSummary, scale: Scale) -> Group:
    group = Group()
    y = scale.bottom - 7
    for day in sorted({infusion.date for infusion in summary.infusions}):
        x = scale.x(day)
        marker = Polygon([x - 2, y, x + 2, y, x, y + 4])
        marker.fillColor, marker.strokeColor = INFUSION_COLOUR, None
        group.add(marker)
    return group


def _date_labels(summary: AppointmentSummary, scale: Scale) -> Group:
    group = Group()
    y = scale.bottom - 16
    start, end = summary.period.start, summary.period.end
    for day, label in _date_ticks(start, end):
        x = scale.x(day)
        group.add(Line(x, scale.bottom, x, scale.bottom - 2, strokeColor=TEXT_COLOUR))
        group.add(_text(x, y, label, anchor="middle"))
    return group


def _date_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Mondays ("2 Nov") for a period of up to `WEEKLY_LABELS_UP_TO_DAYS`, so a month's
    diary is not left with one label; first days of months ("Nov", "Jan 2027") otherwise."""
    if (end - start).days < WEEKLY_LABELS_UP_TO_DAYS:
        monday = start + dt.timedelta(days=-start.weekday() % 7)
        mondays = [monday + dt.timedelta(w) for w in range(0, (end - monday).days + 1, 7)]
        return [(day, _day_label(day)) for day in mondays or [start]]
    return [(day, f"{day:%b}" if day.month != 1 else f"{day:%b %Y}") for day in _months(start, end)]


def _day_label(day: dt.date) -> str:
    """ "2 Nov"; the first week of a year also gives the year ("4 Jan 2027")."""
    return f"{day.day} {day:%b %Y}" if day.month == 1 and day.day <= 7 else f"{day.day} {day:%b}"


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of months in the period (every n-th month, so at most 14 labels fit)."""
    first = start.year * 12 + start.month - 1 + (0 if start.day == 1 else 1)
    last = end.year * 12 + end.month - 1
    step = max(1, -(-(last - first + 1) // MAX_DATE_LABELS))
    return [dt.date(index // 12, index % 12 + 1, 1) for index in range(first, last + 1, step)]


def _legend(scale: Scale) -> Group:
    group = Group()
    y = 3.0
    x = scale.left
    group.add(Line(x, y + 3, x + 14, y + 3, strokeColor=PAIN_COLOUR, strokeWidth=0.7))
    group.add(_text(x + 17, y, "daily pain", anchor="start"))
    x += 62
    marker = Polygon([x + 3, y, x + 7, y, x + 5, y + 4])
    marker.fillColor, marker.strokeColor = INFUSION_COLOUR, None
    group.add(marker)
    group.add(_text(x + 11, y, "infusion day", anchor="start"))
    x += 66
    group.add(Line(x, y + 3, x + 14, y + 3, strokeColor=BASELINE_COLOUR, strokeWidth=0.9))
    group.add(_text(x + 17, y, "course baseline (mean of the week before)", anchor="start"))
    x += 176
    dashed = Line(x, y + 3, x + 14, y + 3, strokeColor=RELIEF_LINE_COLOUR, strokeWidth=0.9)
    dashed.strokeDashArray = [3, 2]
    group.add(dashed)
    group.add(_text(x + 17, y, "70% of baseline: relief ends above it", anchor="start"))
    return group


Anchor = Literal["start", "middle", "end"]


def _text(x: float, y: float, text: str, anchor: Anchor, bold: bool = False) -> String:
    return String(
        x,
        y,
        text,
        fontName=BOLD if bold else REGULAR,
        fontSize=6.5,
        fillColor=TEXT_COLOUR,
        textAnchor=anchor,
    )
