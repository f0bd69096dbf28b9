"""A clinician's shared patients, in the server's order: those needing attention first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.sharing_data import SharedPatient
from tui.widgets.common.id_table import IdTable

MAINTENANCE = {
    "now": "raise now",
    "soon": "soon",
    "not_yet": "not yet",
    "not_applicable": "—",
}


class PatientTable(IdTable):
    """One row per shared patient; the row key is the patient's id."""

    COLUMNS = ("Patient", "Needs attention", "Maintenance", "Last entry", "Pain")

    def show(self, patients: Sequence[SharedPatient]) -> None:
        self.clear()
        for patient in patients:
            self.add_row(*_cells(patient), key=str(patient.patient_id))


def _cells(patient: SharedPatient) -> tuple[str | Text, ...]:
    latest = patient.latest_entry_date.isoformat() if patient.latest_entry_date else "none yet"
    pain = "—" if patient.latest_pain is None else str(patient.latest_pain)
    status = MAINTENANCE.get(patient.maintenance_status, patient.maintenance_status)
    if patient.maintenance_status in {"now", "soon"} and patient.discuss_from:
        status = f"{status} (from {patient.discuss_from.isoformat()})"
    return (patient.name, attention(patient.open_flags), status, latest, pain)


def attention(open_flags: dict[str, int]) -> Text:
    """`⚠ 1 emergency, 2 same-day` in red, `1 to review` in the warning colour, or `—`."""
    urgent = [
        f"{open_flags.get(tier, 0)} {word}"
        for tier, word in (("emergency", "emergency"), ("same_day", "same-day"))
        if open_flags.get(tier, 0)
    ]
    if urgent:
        return Text("⚠ " + ", ".join(urgent), style="bold red")
    review = open_flags.get("review", 0)
    return Text(f"{review} to review", style="yellow") if review else Text("—", style="dim")
