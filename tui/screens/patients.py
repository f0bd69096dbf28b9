"""A clinician's desk: the patients who share their diary, those needing attention first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static
from textual.worker import Worker

from diary.domain import Clock
from tui.pages import CLINICIAN_PAGES
from tui.screens.code_prompt import CodePrompt
from tui.screens.progress import track_worker
from tui.sharing_data import ClinicianGateway, Share, SharedPatient
from tui.widgets.common.busy_line import BusyLine
from tui.widgets.common.nav_bar import NavBar
from tui.widgets.sharing.patient_table import PatientTable


@dataclass
class OpenPatient(Message):
    """Open this patient's diary, read-only (handled by the app)."""

    patient: SharedPatient


@dataclass
class PatientsRead(Message):
    patients: list[SharedPatient]


@dataclass
class InviteAccepted(Message):
    share: Share


class PatientsScreen(Screen[None]):
    """Enter opens a patient's diary read-only; A accepts an invite code."""

    MODE: ClassVar[str] = "patients"
    AUTO_FOCUS = "#patients"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_patient", "Open diary"),
        Binding("a", "accept_invite", "Accept an invite code"),
        Binding("r", "reload", "Refresh the list"),
    ]

    def __init__(self, desk: ClinicianGateway, clock: Clock) -> None:
        super().__init__()
        self.desk, self.clock = desk, clock
        self.patients: list[SharedPatient] = []

    def compose(self) -> ComposeResult:
        yield NavBar(id="nav")
        with Vertical(id="body"):
            yield Label(f"Patients sharing with {self.desk.clinician_name}", id="page-title")
            yield Static(
                "Urgent warnings first, then maintenance to raise now. Read-only: you can "
                "read a shared diary but never change it.",
                classes="section-note",
            )
            yield PatientTable(id="patients")
        yield BusyLine()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        nav = self.query_one(NavBar)
        nav.pages, nav.current = CLINICIAN_PAGES, self.MODE
        self.action_reload()

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.patients:
            self.action_reload()

    def action_reload(self) -> None:
        self.read_patients()

    @work(
        thread=True,
        exclusive=True,
        group="patients",
        exit_on_error=False,
        description="Reading your patients",
    )
    def read_patients(self) -> None:
        self.post_message(PatientsRead(self.desk.shared_patients()))

    @on(PatientsRead)
    def show_patients(self, message: PatientsRead) -> None:
        self.patients = message.patients
        self.query_one(PatientTable).show(message.patients)
        count = len(message.patients)
        title = f"Patients sharing with {self.desk.clinician_name}: {count}"
        self.query_one("#page-title", Label).update(
            title if count else f"{title}. Press A to accept a patient's invite code."
        )

    @on(DataTable.RowSelected, "#patients")
    def action_open_patient(self) -> None:
        chosen = self.query_one(PatientTable).selected_id
        found = [p for p in self.patients if p.patient_id == chosen]
        if found:
            self.post_message(OpenPatient(found[0]))

    def action_accept_invite(self) -> None:
        self.app.push_screen(CodePrompt(), self._accept)

    def _accept(self, code: str | None) -> None:
        if code:
            self.accept_code(code)

    @work(thread=True, group="accept", exit_on_error=False, description="Accepting the code")
    def accept_code(self, code: str) -> None:
        self.post_message(InviteAccepted(self.desk.accept_invite(code)))

    @on(InviteAccepted)
    def tell_accepted(self, message: InviteAccepted) -> None:
        self.notify("Code accepted: the patient's diary is now shared with you.")
        self.action_reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        track_worker(self, event)
