"""What the sharing and clinician pages show, and the gateways that provide it (server mode only).

The shapes are those of the HTTP API (docs/api.md, docs/privacy.md); a local diary shares
nothing, so only the remote gateways implement these.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Protocol

from tui.gateway import DiaryGateway


@dataclass(frozen=True)
class Share:
    """One share as the patient sees it in their list."""

    id: uuid.UUID
    status: str
    """invited, active, ended, revoked or invite_expired."""
    clinician_name: str | None
    clinician_email: str | None
    created_at: dt.datetime
    invite_expires_at: dt.datetime
    accepted_at: dt.datetime | None
    ends_at: dt.datetime | None
    visible_from: dt.date | None
    visible_to: dt.date | None
    revoked_at: dt.datetime | None
    last_access_at: dt.datetime | None


@dataclass(frozen=True)
class Invite:
    code: str
    """Shown once: the server keeps only its hash."""
    share: Share


@dataclass(frozen=True)
class AccessEvent:
    seq: int
    at: dt.datetime
    action: str
    actor_id: uuid.UUID | None
    actor_role: str | None
    detail: str | None


@dataclass(frozen=True)
class AccessLog:
    events: tuple[AccessEvent, ...]
    chain_intact: bool
    """False when an event was changed or removed: the log can no longer be trusted."""


@dataclass(frozen=True)
class SharedPatient:
    """A row of the clinician's list: the server puts those needing attention first."""

    patient_id: uuid.UUID
    name: str
    share_id: uuid.UUID
    shared_since: dt.datetime
    latest_entry_date: dt.date | None
    latest_pain: int | None
    open_flags: dict[str, int]
    """Open warning flags by tier: emergency, same_day, review."""
    maintenance_status: str
    discuss_from: dt.date | None


class SharingGateway(Protocol):
    """A patient's shares with clinicians."""

    def create_invite(self, valid_days: int) -> Invite: ...

    def list_shares(self) -> list[Share]: ...

    def revoke_share(self, share_id: uuid.UUID) -> Share: ...

    def access_log(self) -> AccessLog: ...


class ClinicianGateway(Protocol):
    """A clinician's desk: the patients who share with them."""

    @property
    def clinician_name(self) -> str: ...

    def shared_patients(self) -> list[SharedPatient]: ...

    def accept_invite(self, code: str) -> Share: ...

    def patient_diary(self, patient: SharedPatient) -> DiaryGateway:
        """The patient's diary, read-only."""
        ...
