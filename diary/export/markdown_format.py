"""The appointment summary as Markdown (tables), to paste into a patient-portal message.

The same content as the PDF: the chart becomes one line of pain bars per month.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from diary.export.summary import AppointmentSummary
from diary.export.tables import COURSE_HEADINGS, DAY_HEADINGS, course_cells, day_rows
from diary.export.wording import (
    DISCLAIMER,
    TIER_ACTION,
    TIER_LABEL,
    TITLE,
    averages_lines,
    completeness_lines,
    current_picture,
    day,
    rescue_lines,
    rule_label,
    side_effect_lines,
    typical_relief,
)

PAIN_BARS = "▁▂▃▄▅▆▇█"
NOT_LOGGED = "·"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Plain text that stays plain in Markdown: specials escaped, line breaks as ' / '."""
    one_line = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    return _SPECIAL.sub(r"\\\1", one_line)


def table(
    headings: Sequence[str], rows: Iterable[Sequence[str]], *, escaped: bool = False
) -> list[str]:
    """A Markdown table; cells are escaped unless the caller has made them Markdown already."""
    shown = (lambda text: text) if escaped else escape
    lines = ["| " + " | ".join(shown(h) for h in headings) + " |"]
    lines.append("|" + "---|" * len(headings))
    lines += ["| " + " | ".join(shown(cell) for cell in row) + " |" for row in rows]
    return lines


def render_markdown(summary: AppointmentSummary) -> str:
    sections = [
        _heading(summary),
        _chart(summary),
        _courses(summary),
        _side_effects(summary),
        _bullets("Mood, sleep and rescue medication", averages_lines(summary)),
        _bullets("Rescue medication before and after courses", rescue_lines(summary)),
        _bullets("Data completeness", completeness_lines(summary)),
        _notes(summary),
        _days(summary),
        [f"_{escape(DISCLAIMER)}_"],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _heading(summary: AppointmentSummary) -> list[str]:
    period = summary.period
    maintenance = summary.insights.maintenance
    return [
        f"# {TITLE}",
        "",
        f"**Patient:** {escape(summary.patient_name)}  ",
        f"**Period:** {day(period.start)} to {day(period.end)} ({period.days} days)  ",
        f"**Analysis as of:** {day(summary.insights.as_of)}",
        "",
        f"> **{escape(current_picture(summary))}**  ",
        f"> {escape(maintenance.message)}",
        "",
        escape(typical_relief(summary)),
    ]


def _chart(summary: AppointmentSummary) -> list[str]:
    """Daily pain as bars (▁ = 0 … █ = 10, · = not logged), one row per month."""
    pain = {entry.date: entry.pain for entry in summary.entries}
    infusions = {infusion.date for infusion in summary.infusions}
    rows = []
    for first in _months(summary.period.start, summary.period.end):
        days = [d for d in _days_of_month(first) if d in summary.period]
        bars = "".join(_bar(pain.get(d)) for d in days)
        given = ", ".join(str(d.day) for d in days if d in infusions)
        month = f"{first:%Y-%m}" if days[0].day == 1 else f"{days[0].isoformat()} on"
        rows.append((month, f"`{bars}`", given or "–"))
    intro = "Daily pain: ▁ is 0 and █ is 10; · means not logged."
    headings = ("Month", "Daily pain", "Infusion days")
    # Months, bars and day numbers hold no Markdown specials; the bars sit in code spans.
    return ["## Pain and infusions", "", escape(intro), "", *table(headings, rows, escaped=True)]


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    months, current = [], start.replace(day=1)
    while current <= end:
        months.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return months


def _days_of_month(first: dt.date) -> list[dt.date]:
    days = [first]
    while (following := days[-1] + dt.timedelta(days=1)).month == first.month:
        days.append(following)
    return days


def _bar(pain: int | None) -> str:
    return NOT_LOGGED if pain is None else PAIN_BARS[round(pain * (len(PAIN_BARS) - 1) / 10)]


def _courses(summary: AppointmentSummary) -> list[str]:
    if not summary.courses:
        return ["## Courses", "", "No infusion course in this period."]
    rows = [course_cells(row) for row in summary.courses]
    note = (
        "Baseline: mean pain in the week before the course. 70% line: relief is over when the "
        "underlying pain is back above it. Best: lowest underlying pain in days 1–14 after."
    )
    return ["## Courses", "", *table(COURSE_HEADINGS, rows), "", escape(note)]


def _side_effects(summary: AppointmentSummary) -> list[str]:
    lines = ["## Side effects and warning flags", ""]
    lines += [f"- {escape(line)}" for line in side_effect_lines(summary)]
    if not summary.flags:
        return [*lines, "", "No warning flags in this period."]
    rows = [
        (
            day(line.flag.date),
            f"{TIER_LABEL[line.flag.tier]} ({TIER_ACTION[line.flag.tier]})",
            rule_label(line.flag.rule),
            "open" if line.is_open else "seen by patient",
        )
        for line in summary.flags
    ]
    return [*lines, "", *table(("Date", "Tier", "Flag", "Status"), rows)]


def _bullets(title: str, lines: Sequence[str]) -> list[str]:
    return [f"## {title}", "", *(f"- {escape(line)}" for line in lines)]


def _notes(summary: AppointmentSummary) -> list[str]:
    noted = [line for line in summary.flags if line.note]
    if not noted:
        return ["## Patient notes on flagged days", "", "No notes on flagged days."]
    lines = ["## Patient notes on flagged days", ""]
    for line in noted:
        label = f"{TIER_LABEL[line.flag.tier]}: {rule_label(line.flag.rule)}"
        lines.append(f"- **{day(line.flag.date)}** ({escape(label)}): {escape(line.note or '')}")
    return lines


def _days(summary: AppointmentSummary) -> list[str]:
    rows = [(*row.cells, row.notes or "") for row in day_rows(summary)]
    if not rows:
        return ["## Day by day", "", "No entries in this period."]
    return ["## Day by day", "", *table((*DAY_HEADINGS, "Notes"), rows)]
