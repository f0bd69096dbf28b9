"""The patient's shares: who, in which state, since and until when, and their last read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.text import Text

from tui.sharing_data import Share
from tui.widgets.common.id_table import IdTable

STATUS = {
    "invited": Text("code not used yet", style="yellow"),
    "active": Text("active", style="bold green"),
    "ended": Text("ended", style="dim"),
    "revoked": Text("revoked", style="dim"),
    "invite_expired": Text("code expired", style="dim"),
}


def shown_time(at: dt.datetime | None) -> str:
    """A moment in this computer's time zone, to the minute; `—` for none."""
    return at.astimezone().strftime("%Y-%m-%d %H:%M") if at else "—"


class ShareTable(IdTable):
    """One row per share, newest first; the row key is the share's id."""

    COLUMNS = ("Clinician", "Status", "Since", "Until", "Last read")

    def show(self, shares: Sequence[Share]) -> None:
        self.clear()
        for share in sorted(shares, key=lambda s: s.created_at, reverse=True):
            self.add_row(*_cells(share), key=str(share.id))


def _cells(share: Share) -> tuple[str | Text, ...]:
    who = share.clinician_name or "(not accepted yet)"
    status = STATUS.get(share.status, Text(share.status))
    since = shown_time(share.accepted_at or share.created_at)
    until = _until(share)
    return (who, status, since, until, shown_time(share.last_access_at))


def _until(share: Share) -> str:
    if share.status == "invited":
        return f"code until {shown_time(share.invite_expires_at)}"
    if share.revoked_at:
        return shown_time(share.revoked_at)
    return shown_time(share.ends_at) if share.ends_at else "until you revoke it"
