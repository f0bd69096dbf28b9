"""Sharing (server mode): invite a clinician with a code, list and revoke shares, read the log."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, Static

from tui.gateway import DiaryOverview
from tui.pages import PageContext
from tui.screens.access_log import AccessLogScreen
from tui.screens.base import DiaryPage
from tui.screens.confirm import ConfirmScreen
from tui.sharing_data import AccessLog, Invite, Share, SharingGateway
from tui.widgets.sharing.share_table import ShareTable, shown_time

INVITE_DAYS = 7


@dataclass
class SharesRead(Message):
    shares: list[Share]


@dataclass
class InviteMade(Message):
    invite: Invite


@dataclass
class ShareRevoked(Message):
    share: Share


@dataclass
class LogRead(Message):
    log: AccessLog


class SharingScreen(DiaryPage):
    """I makes a code, R revokes the chosen share, L opens the access log."""

    MODE = "sharing"
    AUTO_FOCUS = "#shares"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "invite", "New invite code"),
        Binding("r", "revoke", "Revoke share"),
        Binding("l", "access_log", "Access log"),
    ]

    def __init__(self, context: PageContext, overview: DiaryOverview | None = None) -> None:
        super().__init__(context, overview)
        if context.sharing is None:
            raise ValueError("sharing needs a diary on a server")
        self.sharing: SharingGateway = context.sharing
        self.shares: list[Share] = []

    def compose_page(self) -> ComposeResult:
        with Vertical(id="body"):
            yield Label("Sharing your diary with clinicians", id="page-title")
            yield Static(
                "A clinician you invite reads your diary (never changes it) until you revoke "
                "the share. I: new invite code · R: revoke · L: who read what",
                classes="section-note",
            )
            with Vertical(id="invite"):
                yield Static("", id="invite-code", markup=False)
                yield Static("", id="invite-note", markup=False)
            yield ShareTable(id="shares")

    def on_mount(self) -> None:
        self.query_one("#invite").display = False
        super().on_mount()

    def show_overview(self, overview: DiaryOverview) -> None:
        """A fresh overview (Ctrl+R, any change) reads the shares again too."""
        self.read_shares()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.read_shares()

    @work(
        thread=True,
        group="shares",
        exit_on_error=False,
        description="Reading your shares",
    )
    def read_shares(self) -> None:
        self.post_message(SharesRead(self.sharing.list_shares()))

    @on(SharesRead)
    def show_shares(self, message: SharesRead) -> None:
        self.shares = message.shares
        self.query_one(ShareTable).show(message.shares)

    @work(thread=True, group="invite", exit_on_error=False, description="Making an invite code")
    def action_invite(self) -> None:
        self.post_message(InviteMade(self.sharing.create_invite(INVITE_DAYS)))

    @on(InviteMade)
    def show_invite(self, message: InviteMade) -> None:
        code, until = message.invite.code, shown_time(message.invite.share.invite_expires_at)
        self.query_one("#invite-code", Static).update(" ".join(code))
        self.query_one("#invite-note", Static).update(
            f"Give this code to one clinician (in person or by phone). It works once, until "
            f"{until}, and is shown only now."
        )
        self.query_one("#invite").display = True
        self.read_shares()

    def action_revoke(self) -> None:
        chosen = self.query_one(ShareTable).selected_id
        share = next((s for s in self.shares if s.id == chosen), None)
        if share is None or share.status not in {"invited", "active"}:
            self.notify("Choose an active share or an unused code to revoke.")
            return
        who = share.clinician_name or "the unused invite code"
        question = f"Revoke the share with {who}? They lose access at once."
        confirm = ConfirmScreen(question, "Revoke", "Keep it")
        self.app.push_screen(confirm, partial(self._revoke_if_confirmed, share.id))

    def _revoke_if_confirmed(self, share_id: uuid.UUID, confirmed: bool | None) -> None:
        if confirmed:
            self.revoke(share_id)

    @work(thread=True, group="revoke", exit_on_error=False, description="Revoking the share")
    def revoke(self, share_id: uuid.UUID) -> None:
        self.post_message(ShareRevoked(self.sharing.revoke_share(share_id)))

    @on(ShareRevoked)
    def tell_revoked(self, message: ShareRevoked) -> None:
        who = message.share.clinician_name or "the invite code"
        self.notify(f"Revoked: {who} can no longer read your diary.")
        self.read_shares()

    @work(thread=True, group="log", exit_on_error=False, description="Reading the access log")
    def action_access_log(self) -> None:
        self.post_message(LogRead(self.sharing.access_log()))

    @on(LogRead)
    def show_log(self, message: LogRead) -> None:
        self.app.push_screen(AccessLogScreen(message.log))
