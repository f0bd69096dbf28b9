"""Sharing a diary with a clinician: invite codes, acceptance, listing, revocation."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from diary.domain import Account, Clock, FieldProblem, Forbidden, InvalidInput, NotFound, Role
from diary.domain.sharing import Invite, Share
from diary.services.unit_of_work import UnitOfWork
from diary.storage.sharing_tables import AccessLogRow, ShareRow

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is hard to get wrong."""
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4  # 12 symbols x 5 bits = 60 bits
TYPO_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
CODE_ATTEMPTS = 3
INVALID_CODE = "this invite code is not valid (wrong, used, revoked or expired)"


def new_code() -> str:
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUPS * CODE_GROUP_LENGTH))
    groups = [symbols[i : i + CODE_GROUP_LENGTH] for i in range(0, len(symbols), CODE_GROUP_LENGTH)]
    return "-".join(groups)


def code_digest(code: str) -> str:
    """The stored form of a code: case, spaces, dashes and look-alike letters do not matter."""
    canonical = "".join(code.upper().split()).replace("-", "").translate(TYPO_FIXES)
    return hashlib.sha256(canonical.encode()).hexdigest()


class SharingService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def invite(
        self,
        patient_id: uuid.UUID,
        valid_days: int = 7,
        ends_on: dt.date | None = None,
        visible_from: dt.date | None = None,
        visible_to: dt.date | None = None,
    ) -> Invite:
        """A single-use code the patient gives one clinician; it expires after `valid_days`."""
        _check_window(visible_from, visible_to)
        now = self.clock.now()
        ends_at = _end_of(ends_on) if ends_on else None
        if ends_at is not None and ends_at <= now:
            raise InvalidInput([FieldProblem("ends_on", "must be today or later", str(ends_on))])
        for attempt in range(CODE_ATTEMPTS):
            code = new_code()
            share = ShareRow(
                patient_id=patient_id,
                code_hash=code_digest(code),
                created_at=now,
                code_expires_at=now + dt.timedelta(days=valid_days),
                ends_at=ends_at,
                visible_from=visible_from,
                visible_to=visible_to,
            )
            try:
                return Invite(code=code, share=self._store_invite(share))
            except IntegrityError:  # the same code came up twice: draw another
                if attempt == CODE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _store_invite(self, share: ShareRow) -> Share:
        with UnitOfWork(self.engine) as uow:
            uow.shares.add(share)
            actor = uow.accounts.get(share.patient_id)
            uow.access_log.append(
                share.patient_id, "share_created", share.created_at, actor, f"share {share.id}"
            )
            return self._view(uow, share)

    def accept(self, clinician: Account, code: str) -> Share:
        if clinician.role is not Role.CLINICIAN:
            raise Forbidden("only a clinician account can accept an invite code")
        now = self.clock.now()
        with UnitOfWork(self.engine) as uow:
            share = uow.shares.by_code_hash(code_digest(code))
            if share is None or not _still_open(share, now):
                raise NotFound(INVALID_CODE)
            share.clinician_id, share.accepted_at = clinician.id, now
            uow.shares.save(share)
            uow.access_log.append(
                share.patient_id,
                "share_accepted",
                now,
                uow.accounts.get(clinician.id),
                f"share {share.id}",
            )
            return self._view(uow, share)

    def list_shares(self, patient_id: uuid.UUID) -> list[Share]:
        with UnitOfWork(self.engine, read_only=True) as uow:
            return [self._view(uow, share) for share in uow.shares.of_patient(patient_id)]

    def revoke(self, patient_id: uuid.UUID, share_id: uuid.UUID) -> Share:
        """End the share now: the clinician's very next request is refused."""
        now = self.clock.now()
        with UnitOfWork(self.engine) as uow:
            share = uow.shares.get(patient_id, share_id)
            if share is None:
                raise NotFound("no such share")
            if share.revoked_at is None:
                share.revoked_at = now
                uow.shares.save(share)
                uow.access_log.append(
                    patient_id,
                    "share_revoked",
                    now,
                    uow.accounts.get(patient_id),
                    f"share {share.id}",
                )
            return self._view(uow, share)

    def access_log(self, patient_id: uuid.UUID) -> list[AccessLogRow]:
        """The patient's own log, oldest first."""
        with UnitOfWork(self.engine, read_only=True) as uow:
            return list(uow.access_log.of_subject(patient_id))

    def _view(self, uow: UnitOfWork, share: ShareRow) -> Share:
        clinician = uow.accounts.get(share.clinician_id) if share.clinician_id else None
        return Share(
            id=share.id,
            status=_status(share, self.clock.now()),
            clinician_name=clinician.name if clinician else None,
            clinician_email=clinician.email if clinician else None,
            created_at=share.created_at,
            invite_expires_at=share.code_expires_at,
            accepted_at=share.accepted_at,
            ends_at=share.ends_at,
            visible_from=share.visible_from,
            visible_to=share.visible_to,
            revoked_at=share.revoked_at,
            last_access_at=share.last_access_at,
        )


def _still_open(share: ShareRow, now: dt.datetime) -> bool:
    return share.accepted_at is None and share.revoked_at is None and share.code_expires_at > now


def _status(share: ShareRow, now: dt.datetime) -> str:
    if share.revoked_at is not None:
        return "revoked"
    if share.accepted_at is None:
        return "invited" if share.code_expires_at > now else "invite_expired"
    if share.ends_at is not None and share.ends_at <= now:
        return "ended"
    return "active"


def _end_of(day: dt.date) -> dt.datetime:
    """A share that ends on a day lasts until that day is over (UTC)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)


def _check_window(visible_from: dt.date | None, visible_to: dt.date | None) -> None:
    if visible_from and visible_to and visible_from > visible_to:
        rule = "must not be after visible_to"
        raise InvalidInput([FieldProblem("visible_from", rule, str(visible_from))])
