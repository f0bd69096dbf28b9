"""Logging in to a diary server with an e-mail and a password."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static
from textual.worker import Worker

from diary.domain import DiaryError, TooManyAttempts
from tui.remote_session import Account, RemoteSession
from tui.screens.progress import track_worker
from tui.widgets.common.busy_line import BusyLine


@dataclass
class LoggedIn(Message):
    """The server accepted the login; the app opens the account's pages."""

    account: Account


@dataclass
class LoginRefused(Message):
    reason: str


class LoginScreen(Screen[None]):
    """The first screen in server mode; Enter in the password box logs in."""

    AUTO_FOCUS = "#email"

    def __init__(self, session: RemoteSession) -> None:
        super().__init__()
        self.session = session
        self.server = session.server

    def compose(self) -> ComposeResult:
        with Vertical(id="login", classes="dialog"):
            yield Label("Log in to your diary", classes="section-title")
            yield Static(f"Server: {self.server}", classes="section-note", markup=False)
            yield Label("E-mail")
            yield Input(placeholder="you@example.org", id="email")
            yield Label("Password")
            yield Input(password=True, id="password")
            yield Button("Log in", variant="primary", id="log-in")
            yield Static("", id="login-error", markup=False)
        yield BusyLine()
        yield Footer(compact=True)

    @on(Input.Submitted, "#email")
    def next_box(self) -> None:
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#log-in")
    def log_in(self) -> None:
        email = self.query_one("#email", Input).value.strip()
        password = self.query_one("#password", Input).value
        if not email or not password:
            self._show_error("Type your e-mail and your password.")
            return
        self._show_error("")
        self.send_login(email, password)

    @work(thread=True, exclusive=True, group="login", exit_on_error=False, description="Logging in")
    def send_login(self, email: str, password: str) -> None:
        try:
            self.post_message(LoggedIn(self.session.log_in(email, password)))
        except TooManyAttempts as error:
            self.post_message(LoginRefused(f"Too many failed logins: {error}"))
        except DiaryError as error:
            self.post_message(LoginRefused(f"Not logged in: {error}"))

    @on(LoggedIn)
    def forget_password(self, message: LoggedIn) -> None:
        """The password box is cleared; the message bubbles on to the app."""
        self.query_one("#password", Input).value = ""

    @on(LoginRefused)
    def show_refusal(self, message: LoginRefused) -> None:
        self._show_error(message.reason)
        self.query_one("#password", Input).focus()

    def _show_error(self, text: str) -> None:
        self.query_one("#login-error", Static).update(text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        track_worker(self, event)
