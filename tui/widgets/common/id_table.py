"""A table of things that each have an id: one row per thing, picked a row at a time."""

from __future__ import annotations

import uuid
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable


class IdTable(DataTable[str | Text]):
    """Row cursor, striped rows, `COLUMNS` as headings; each row's key is its thing's id."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_columns(*self.COLUMNS)

    @property
    def selected_id(self) -> uuid.UUID | None:
        """The id of the row under the cursor; None in an empty table."""
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return uuid.UUID(row_key.value) if row_key.value else None
