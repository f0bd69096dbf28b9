"""The app on a diary server: log in, then a patient's own pages or a clinician's desk."""

from __future__ import annotations

import uuid
from pathlib import Path

from textual import on
from textual.worker import Worker, WorkerState

from diary.domain import Clock
from tui.app import DiaryApp
from tui.messages import LoginNeeded
from tui.pages import CLINICIAN_PAGES, SERVER_PAGES, PageContext
from tui.remote import ClinicianDesk, patient_gateway
from tui.remote_session import RemoteSession, SessionEnded
from tui.screens.login import LoggedIn, LoginScreen
from tui.screens.patients import OpenPatient, PatientsScreen


class ServerApp(DiaryApp):
    """Starts on the login screen; `diary tui --server URL` builds it."""

    DEFAULT_MODE = "login"

    def __init__(self, session: RemoteSession, clock: Clock, export_folder: Path) -> None:
        super().__init__(None)
        self.session, self.clock, self.export_folder = session, clock, export_folder
        self.desk: ClinicianDesk | None = None
        self._left: tuple[uuid.UUID, str] | None = None
        """Whose pages were open, and which, when the login ended: they are kept for them."""
        self.add_mode("login", lambda: LoginScreen(session))

    @on(LoggedIn)
    def open_account(self, message: LoggedIn) -> None:
        account = self.session.account
        if account is None:
            return
        if self._left is not None and self._left[0] == account.id:
            self.switch_mode(self._left[1])  # the same person: their unsaved answers are there
            self._left = None
            return
        self._drop_modes()
        if account.role == "clinician":
            self.desk = ClinicianDesk(self.session, account)
            desk = self.desk
            self.add_mode("patients", lambda: PatientsScreen(desk, self.clock))
            self.switch_mode("patients")
            return
        gateway = patient_gateway(self.session, account)
        context = PageContext(gateway, self.clock, self.export_folder, SERVER_PAGES, gateway)
        self.open_diary(context, "today")

    def _drop_modes(self) -> None:
        """Forget the pages of an earlier login (the login screen is the current mode)."""
        for mode in [mode for mode in self._modes if mode != self.current_mode]:
            self.remove_mode(mode)
        self.context, self.overview, self._pages, self._page_modes = None, None, {}, set()

    @on(OpenPatient)
    def open_patient(self, message: OpenPatient) -> None:
        if self.desk is None:
            return
        gateway = self.desk.patient_diary(message.patient)
        context = PageContext(
            gateway,
            self.clock,
            self.export_folder,
            CLINICIAN_PAGES,
            clinician=self.desk,
            patient_name=message.patient.name,
        )
        self.open_diary(context, "diary")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        super().on_worker_state_changed(event)
        if event.state is WorkerState.ERROR and isinstance(event.worker.error, SessionEnded):
            self.post_message(LoginNeeded())

    @on(LoginNeeded)
    def ask_to_log_in(self) -> None:
        """A login that ended sends the person back to the login screen; pages stay as they are."""
        if self.current_mode == "login" or self.session.account is None:
            return
        self._left = (self.session.account.id, self.current_mode)
        self.switch_mode("login")
