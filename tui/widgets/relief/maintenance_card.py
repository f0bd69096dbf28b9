"""The maintenance suggestion in plain words: a thing to discuss, never a booking."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from diary.analysis import Insights, MaintenanceStatus
from tui.wording import MAINTENANCE_HEADING, long_day

NOT_ADVICE = "A suggestion to discuss with your clinician, not medical advice."


class MaintenanceCard(Static):
    """Status, typical relief, when relief may fade and from when to raise it."""

    def show(self, insights: Insights) -> None:
        maintenance = insights.maintenance
        text = Text(f"Maintenance session: {MAINTENANCE_HEADING[maintenance.status]}\n", "bold")
        text.append(f"{maintenance.message}\n")
        if maintenance.predicted_relief_end:
            text.append(f"Relief may fade around {long_day(maintenance.predicted_relief_end)}.\n")
        if maintenance.discuss_from:
            day = long_day(maintenance.discuss_from)
            text.append(f"Worth raising with your clinician from {day}.\n")
        text.append(NOT_ADVICE, "dim")
        for status in MaintenanceStatus:
            self.set_class(status is maintenance.status, f"-{status.value.replace('_', '-')}")
        self.update(text)
