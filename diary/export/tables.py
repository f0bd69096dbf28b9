"""The course table and the day-by-day table as rows of text, shared by the PDF and Markdown."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from diary.domain import BLADDER_FIELDS, DailyEntry, Infusion
from diary.export.summary import AppointmentSummary, CourseRow
from diary.export.summary_counts import Mean
from diary.export.wording import (
    NOT_RECORDED,
    RESPONSE_LABEL,
    TIER_LABEL,
    day,
    milligrams,
    one_decimal,
    relief_text,
    whole,
)

COURSE_HEADINGS = (
    "#",
    "Start",
    "End",
    "Days",
    "Dose",
    "Baseline",
    "70% line",
    "Best (lower by)",
    "Relief",
    "Response",
    "Dissoc. max",
    "Nausea max",
    "Bladder mean / max",
    "Rescue a day before → after",
)
DAY_HEADINGS = (
    "Date",
    "Infusion",
    "Pain",
    "Worst",
    "Mood",
    "Sleep h",
    "Sleep q.",
    "Dissoc.",
    "Halluc.",
    "Nausea",
    "Vomit",
    "Bladder F/U/P/B",
    "Blood",
    "Rescue",
    "Signs",
    "Flags",
)
"""Notes follow each day's row (the PDF and Markdown lay them out differently)."""


@dataclass(frozen=True)
class DayRow:
    date: dt.date
    cells: tuple[str, ...]
    notes: str | None
    infusion_day: bool
    flagged: bool


def course_cells(row: CourseRow) -> tuple[str, ...]:
    course, effects = row.insight, row.side_effects
    best = one_decimal(course.best_pain)
    if course.best_relief_pct is not None:
        best = f"{best} ({course.best_relief_pct}%)"
    bladder = f"{one_decimal(effects.bladder_average)} / {whole(effects.bladder_worst)}"
    rescue = f"{_per_day(effects.rescue_before)} → {_per_day(effects.rescue_after)}"
    return (
        str(row.number),
        day(course.start),
        day(course.end),
        str(course.infusions),
        milligrams(row.total_dose_mg),
        one_decimal(course.baseline_pain),
        one_decimal(row.relief_line),
        best,
        relief_text(course),
        RESPONSE_LABEL[course.response],
        whole(effects.worst_dissociation),
        whole(effects.worst_nausea),
        bladder,
        rescue,
    )


def _per_day(mean: Mean | None) -> str:
    return NOT_RECORDED if mean is None else f"{mean.value:.1f}"


def day_rows(summary: AppointmentSummary) -> list[DayRow]:
    """One row per day with an entry or an infusion, in date order."""
    entries = {entry.date: entry for entry in summary.entries}
    doses = _doses_by_day(summary.infusions)
    flags: dict[dt.date, list[str]] = defaultdict(list)
    for line in summary.flags:
        flags[line.flag.date].append(TIER_LABEL[line.flag.tier])
    rows = []
    for date in sorted(entries.keys() | doses.keys()):
        entry = entries.get(date)
        cells = (
            f"{date:%a} {date.isoformat()}",
            _infusion_cell(doses.get(date)),
            *_entry_cells(entry),
            ", ".join(dict.fromkeys(flags.get(date, []))),
        )
        notes = entry.notes if entry is not None else None
        rows.append(DayRow(date, cells, notes, date in doses, date in flags))
    return rows


def _doses_by_day(infusions: Sequence[Infusion]) -> dict[dt.date, list[float | None]]:
    doses: dict[dt.date, list[float | None]] = defaultdict(list)
    for infusion in infusions:
        doses[infusion.date].append(infusion.dose_mg)
    return doses


def _infusion_cell(doses: list[float | None] | None) -> str:
    if not doses:
        return ""
    given = [dose for dose in doses if dose is not None]
    return milligrams(sum(given)) if given else "yes"


def _entry_cells(entry: DailyEntry | None) -> tuple[str, ...]:
    """Pain to signs; a day with an infusion but no entry shows empty cells."""
    if entry is None:
        return ("",) * 13
    bladder = "/".join(whole(getattr(entry, name)) for name in BLADDER_FIELDS)
    signs = [sign.value.replace("_", " ") for sign in entry.warning_signs]
    if entry.unable_to_urinate:
        signs.append("unable to urinate")
    return (
        str(entry.pain),
        whole(entry.pain_worst),
        whole(entry.mood),
        NOT_RECORDED if entry.sleep_hours is None else f"{entry.sleep_hours:g}",
        whole(entry.sleep_quality),
        whole(entry.dissociation),
        _yes_no(entry.hallucinations),
        whole(entry.nausea),
        whole(entry.vomiting),
        bladder,
        NOT_RECORDED if entry.blood_in_urine is None else entry.blood_in_urine.value,
        whole(entry.rescue_doses),
        ", ".join(signs),
    )


def _yes_no(value: bool | None) -> str:
    if value is None:
        return NOT_RECORDED
    return "yes" if value else "no"
