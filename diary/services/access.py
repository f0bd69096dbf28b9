"""Who may read or change which patient's diary: the one place that decides."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine

from diary.domain import Account, Clock, Forbidden, NotFound, Role
from diary.services.unit_of_work import UnitOfWork


class Access(enum.Enum):
    READ = "read"
    WRITE = "write"
    OWNER = "owner"
    """Things only the patient themself may see, such as who read their diary."""


@dataclass(frozen=True)
class ReadAudit:
    """A clinician's read, to be logged in the same transaction as the read itself."""

    share_id: uuid.UUID
    clinician_id: uuid.UUID
    action: str


@dataclass(frozen=True)
class AccessGrant:
    """Permission for `reader` to reach `patient_id`'s diary, within the share's date window."""

    patient_id: uuid.UUID
    reader: Account
    share_id: uuid.UUID | None = None
    """None when the reader is the patient."""
    visible_from: dt.date | None = None
    visible_to: dt.date | None = None

    def window(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> tuple[dt.date | None, dt.date | None]:
        """The asked-for range narrowed to what the share lets the reader see."""
        if self.visible_from is not None:
            start = max(start, self.visible_from) if start else self.visible_from
        if self.visible_to is not None:
            end = min(end, self.visible_to) if end else self.visible_to
        return start, end

    def audit(self, action: str) -> ReadAudit | None:
        """What to log for this read: nothing when patients read their own diary."""
        if self.share_id is None:
            return None
        return ReadAudit(self.share_id, self.reader.id, action)


NO_SUCH_PATIENT = "no such patient"


class AccessPolicy:
    """The owner reads and writes; a clinician with an active share reads; nobody else learns
    even that the patient exists (404, the same as for a missing patient)."""

    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def require(self, account: Account, patient_id: uuid.UUID, access: Access) -> AccessGrant:
        if account.role is Role.PATIENT and account.id == patient_id:
            return AccessGrant(patient_id, account)
        if account.role is not Role.CLINICIAN or access is Access.OWNER:
            raise NotFound(NO_SUCH_PATIENT)
        with UnitOfWork(self.engine, read_only=True) as uow:
            shares = uow.shares.active(self.clock.now(), account.id, patient_id)
        if not shares:
            raise NotFound(NO_SUCH_PATIENT)
        if access is Access.WRITE:
            raise Forbidden("a clinician can read a shared diary but never change it")
        share = shares[0]
        return AccessGrant(patient_id, account, share.id, share.visible_from, share.visible_to)


def record_read(
    uow: UnitOfWork,
    patient_id: uuid.UUID,
    audit: ReadAudit | None,
    now: dt.datetime,
    detail: str | None = None,
) -> None:
    """Log a clinician's read and note the share's last access, inside the read's transaction."""
    if audit is None:
        return
    share = uow.shares.get(patient_id, audit.share_id)
    if share is not None:
        share.last_access_at = now
        uow.shares.save(share)
    uow.access_log.append(
        patient_id, audit.action, now, uow.accounts.get(audit.clinician_id), detail
    )
