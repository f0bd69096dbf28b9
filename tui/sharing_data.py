"""What the sharing and clinician pages show, and the gateways that provide it (server mode only).

The shapes are those of the HTTP API (docs/api.md, docs/privacy.md); a local diary shares
nothing, so only the remote gateways implement these.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from diary.domain.sharing import AccessEvent, AccessLog, Invite, Share, SharedPatient
from tui.gateway import DiaryGateway

__all__ = [
    "AccessEvent",
    "AccessLog",
    "ClinicianGateway",
    "Invite",
    "Share",
    "SharedPatient",
    "SharingGateway",
]


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
