"""Queries for shares, the access log and patient summaries."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import delete, or_
from sqlmodel import Session, col, select

from diary.domain.audit import (
    GENESIS_HASH,
    SYSTEM_CHAIN,
    AuditEvent,
    account_chain,
    event_hash,
)
from diary.storage.sharing_tables import AccessLogRow, PatientSummaryRow, ShareRow
from diary.storage.tables import AccountRow


class ShareRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, share: ShareRow) -> ShareRow:
        self.session.add(share)
        self.session.flush()
        return share

    def get(self, patient_id: uuid.UUID, share_id: uuid.UUID) -> ShareRow | None:
        share = self.session.get(ShareRow, share_id)
        return share if share is not None and share.patient_id == patient_id else None

    def by_code_hash(self, code_hash: str) -> ShareRow | None:
        return self.session.exec(select(ShareRow).where(ShareRow.code_hash == code_hash)).first()

    def of_patient(self, patient_id: uuid.UUID) -> Sequence[ShareRow]:
        query = select(ShareRow).where(ShareRow.patient_id == patient_id)
        return self.session.exec(query.order_by(col(ShareRow.created_at))).all()

    def active(
        self, now: dt.datetime, clinician_id: uuid.UUID, patient_id: uuid.UUID | None = None
    ) -> Sequence[ShareRow]:
        """The clinician's accepted shares that are neither revoked nor past their end."""
        query = select(ShareRow).where(
            ShareRow.clinician_id == clinician_id,
            col(ShareRow.accepted_at).is_not(None),
            col(ShareRow.revoked_at).is_(None),
            or_(col(ShareRow.ends_at).is_(None), col(ShareRow.ends_at) > now),
        )
        if patient_id is not None:
            query = query.where(ShareRow.patient_id == patient_id)
        return self.session.exec(query).all()

    def save(self, share: ShareRow) -> None:
        self.session.add(share)
        self.session.flush()


class AccessLogRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def append(
        self,
        subject_id: uuid.UUID | None,
        action: str,
        at: dt.datetime,
        actor: AccountRow | None = None,
        detail: str | None = None,
    ) -> AccessLogRow:
        """Add the next event to the subject's log, in the caller's transaction (atomic with
        the act it records). Locking the subject's account row keeps one writer per chain."""
        chain = account_chain(subject_id) if subject_id is not None else SYSTEM_CHAIN
        if subject_id is not None:
            self.session.exec(
                select(AccountRow.id).where(AccountRow.id == subject_id).with_for_update()
            ).first()
        last = self.session.exec(
            select(AccessLogRow)
            .where(AccessLogRow.chain == chain)
            .order_by(col(AccessLogRow.seq).desc())
            .limit(1)
        ).first()
        event = AuditEvent(
            chain=chain,
            seq=(last.seq + 1) if last else 1,
            subject_id=subject_id,
            actor_id=actor.id if actor else None,
            actor_role=actor.role if actor else None,
            action=action,
            detail=detail[:400] if detail else None,
            at=at,
            prev_hash=last.hash if last else GENESIS_HASH,
        )
        row = AccessLogRow(**event.model_dump(), hash=event_hash(event))
        self.session.add(row)
        self.session.flush()
        return row

    def of_subject(self, subject_id: uuid.UUID) -> Sequence[AccessLogRow]:
        query = select(AccessLogRow).where(AccessLogRow.subject_id == subject_id)
        return self.session.exec(query.order_by(col(AccessLogRow.seq))).all()

    def delete_of_subject(self, subject_id: uuid.UUID) -> None:
        """Only when the account itself is deleted: its log goes with its diary."""
        self.session.execute(delete(AccessLogRow).where(col(AccessLogRow.subject_id) == subject_id))

    def chain(self, chain: str) -> Sequence[AccessLogRow]:
        query = select(AccessLogRow).where(AccessLogRow.chain == chain)
        return self.session.exec(query.order_by(col(AccessLogRow.seq))).all()


class SummaryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put(self, summary: PatientSummaryRow) -> None:
        self.session.merge(summary)
        self.session.flush()

    def drop(self, patient_id: uuid.UUID) -> None:
        self.session.execute(
            delete(PatientSummaryRow).where(col(PatientSummaryRow.patient_id) == patient_id)
        )

    def of_patients(self, patient_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, PatientSummaryRow]:
        if not patient_ids:
            return {}
        query = select(PatientSummaryRow).where(col(PatientSummaryRow.patient_id).in_(patient_ids))
        return {row.patient_id: row for row in self.session.exec(query)}
