"""The infusion days, newest first; the row key is the infusion's id."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from rich.text import Text
from textual.widgets import DataTable

from diary.domain import Infusion
from tui.wording import number

COLUMNS = ("Day", "Route", "Dose mg", "Minutes", "Notes")


class InfusionTable(DataTable[str | Text]):
    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns(*COLUMNS)

    def show(self, infusions: Sequence[Infusion]) -> None:
        self.clear()
        for given in sorted(infusions, key=lambda i: (i.date, str(i.id)), reverse=True):
            self.add_row(
                f"{given.date:%a %Y-%m-%d}",
                given.route.value,
                number(given.dose_mg),
                number(given.duration_min),
                Text((given.notes or "").replace("\n", " ")),  # never read as markup
                key=str(given.id),
            )

    @property
    def selected_id(self) -> uuid.UUID | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return uuid.UUID(row_key.value) if row_key.value else None
