"""The maintenance suggestion in plain words: a thing to discuss, never a booking."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from diary.analysis import Insights, MaintenanceStatus
from tui.wording import MAINTENANCE_HEADING

NOT_ADVICE = "A suggestion to discuss with your clinician, not medical advice."


class MaintenanceCard(Static):
    """The status and the suggestion's own words (typical relief, the dates to raise it)."""

    def show(self, insights: Insights) -> None:
        maintenance = insights.maintenance
        text = Text(f"Maintenance session: {MAINTENANCE_HEADING[maintenance.status]}\n", "bold")
        text.append(f"{maintenance.message}\n")  # it gives the dates, if there are any
        text.append(NOT_ADVICE, "dim")
        for status in MaintenanceStatus:
            self.set_class(status is maintenance.status, f"-{status.value.replace('_', '-')}")
        self.update(text)
