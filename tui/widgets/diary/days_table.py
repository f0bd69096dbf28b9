"""The table of logged days, newest first: scores, side effects, infusion days and flags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from diary.domain import BLADDER_FIELDS, DailyEntry
from tui.gateway import DiaryOverview
from tui.wording import TIER_SHORT, by_urgency, number

COLUMNS = (
    ("Day", "day"),
    ("Pain", "pain"),
    ("Worst", "worst"),
    ("Mood", "mood"),
    ("Sleep", "sleep"),
    ("Quality", "quality"),
    ("Detach", "detached"),
    ("Nausea", "nausea"),
    ("Bladder", "bladder"),
    ("Infusion", "infusion"),
    ("Warnings and notes", "notes"),
)


class DaysTable(DataTable[str | Text]):
    """One row per logged day; the row key is the ISO date."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label, key in COLUMNS:
            self.add_column(label, key=key)

    def show(self, entries: Sequence[DailyEntry], overview: DiaryOverview) -> None:
        """Show `entries` newest first; the cursor stays on its day when that day is still shown."""
        kept = self.selected_day
        self.clear()
        for entry in sorted(entries, key=lambda e: e.date, reverse=True):
            self.add_row(*_cells(entry, overview), key=entry.date.isoformat())
        if kept is not None and kept.isoformat() in self.rows:
            self.move_cursor(row=self.get_row_index(kept.isoformat()))

    @property
    def selected_day(self) -> dt.date | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return dt.date.fromisoformat(row_key.value) if row_key.value else None


def _cells(entry: DailyEntry, overview: DiaryOverview) -> tuple[str | Text, ...]:
    bladder = [getattr(entry, name) for name in BLADDER_FIELDS]
    worst_bladder = max((value for value in bladder if value is not None), default=None)
    return (
        f"{entry.date:%a %Y-%m-%d}",
        str(entry.pain),
        number(entry.pain_worst),
        number(entry.mood),
        number(entry.sleep_hours),
        number(entry.sleep_quality),
        number(entry.dissociation),
        number(entry.nausea),
        number(worst_bladder),
        "◆ yes" if entry.date in overview.infusion_days else "",
        Text(_remarks(entry, overview)),  # the patient's words, never read as markup
    )


def _remarks(entry: DailyEntry, overview: DiaryOverview) -> str:
    flags = by_urgency(overview.flags_by_day.get(entry.date, ()))
    parts = [f"⚠ {TIER_SHORT[flags[0].tier]}"] if flags else []
    parts += [sign.value.replace("_", " ") for sign in entry.warning_signs]
    if entry.blood_in_urine not in (None, "none"):
        parts.append(f"blood in urine: {entry.blood_in_urine}")
    if entry.hallucinations:
        parts.append("hallucinations")
    if entry.notes:
        parts.append(entry.notes.replace("\n", " "))
    return "; ".join(parts)
