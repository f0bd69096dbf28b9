"""Tables of sharing with clinicians, the access log and the per-patient summaries."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from diary.storage.types import UTCDateTime

ACCOUNT_FK = "accounts.id"


class ShareRow(SQLModel, table=True):
    """A patient's consent for one clinician to read their diary, from invite to revocation."""

    __tablename__ = "shares"
    __table_args__ = (
        Index("ix_shares_patient", "patient_id"),
        Index("ix_shares_clinician", "clinician_id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = Field(sa_column_args=[ForeignKey(ACCOUNT_FK, ondelete="CASCADE")])
    clinician_id: uuid.UUID | None = Field(
        default=None, sa_column_args=[ForeignKey(ACCOUNT_FK, ondelete="CASCADE")]
    )
    code_hash: str = Field(max_length=64, unique=True)
    """SHA-256 of the invite code; the code itself is shown once, to the patient."""
    code_expires_at: dt.datetime = Field(sa_type=UTCDateTime)
    accepted_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    ends_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    visible_from: dt.date | None = None
    visible_to: dt.date | None = None
    revoked_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_access_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)


class AccessLogRow(SQLModel, table=True):
    """One audited event; each row's hash covers the previous row's, so edits show."""

    __tablename__ = "access_log"
    __table_args__ = (
        UniqueConstraint("chain", "seq", name="uq_access_log_chain_seq"),
        Index("ix_access_log_subject", "subject_id", "seq"),
    )

    id: int | None = Field(default=None, primary_key=True)
    chain: str = Field(max_length=60)
    """`account:<id>` for events in an account's own log, `system` for unknown e-mails."""
    seq: int
    subject_id: uuid.UUID | None = None
    """The account whose log this event belongs to (the patient whose diary was read)."""
    actor_id: uuid.UUID | None = None
    actor_role: str | None = Field(default=None, max_length=20)
    action: str = Field(max_length=40)
    detail: str | None = Field(default=None, max_length=400)
    at: dt.datetime = Field(sa_type=UTCDateTime)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class PatientSummaryRow(SQLModel, table=True):
    """What a clinician's patient list shows, kept current after every change to the diary."""

    __tablename__ = "patient_summaries"

    patient_id: uuid.UUID = Field(
        primary_key=True, sa_column_args=[ForeignKey(ACCOUNT_FK, ondelete="CASCADE")]
    )
    latest_entry_date: dt.date | None = None
    latest_pain: int | None = None
    open_emergency: int = 0
    open_same_day: int = 0
    open_review: int = 0
    maintenance_status: str = Field(max_length=20)
    predicted_relief_end: dt.date | None = None
    discuss_from: dt.date | None = None
    computed_at: dt.datetime = Field(sa_type=UTCDateTime)
