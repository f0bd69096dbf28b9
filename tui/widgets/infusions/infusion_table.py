"""The infusion days, newest first; the row key is the infusion's id."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from diary.domain import Infusion
from tui.widgets.common.id_table import IdTable
from tui.wording import number


class InfusionTable(IdTable):
    COLUMNS = ("Day", "Route", "Dose mg", "Minutes", "Notes")

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
