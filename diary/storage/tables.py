"""SQLModel tables: every diary row belongs to a patient account from day one."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from diary.storage.types import UTCDateTime


class AccountRow(SQLModel, table=True):
    """A patient or clinician; the local diary has one implicit patient with no e-mail."""

    __tablename__ = "accounts"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str | None = Field(default=None, unique=True, max_length=320)
    name: str = Field(max_length=200)
    role: str = Field(max_length=20)
    password_hash: str | None = Field(default=None, max_length=500)
    is_local_owner: bool = Field(default=False)
    timezone: str | None = Field(default=None, max_length=64)
    """IANA zone of the patient's local date; None means this machine's zone (local diary)."""
    change_seq: int = Field(default=0, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"})
    """Last sync sequence number given to a change of this patient's diary."""
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class SyncedColumns(SQLModel):
    """The bookkeeping every row that phones sync carries (entries and infusions)."""

    version: int = Field(default=1)
    server_seq: int = Field(default=0, sa_type=BigInteger, sa_column_kwargs={"server_default": "0"})
    """The patient's change sequence at this row's last change: what sync pulls by."""
    deleted: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    """A tombstone: the row was deleted, and stays so other devices learn of it."""
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class EntryRow(SyncedColumns, table=True):
    """One daily entry; (patient_id, date) is unique."""

    __tablename__ = "entries"
    __table_args__ = (
        UniqueConstraint("patient_id", "date", name="uq_entries_patient_date"),
        Index("ix_entries_patient_seq", "patient_id", "server_seq"),
    )

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = Field(sa_column_args=[ForeignKey("accounts.id", ondelete="CASCADE")])
    date: dt.date
    pain: int
    pain_worst: int | None = None
    mood: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    dissociation: int | None = None
    hallucinations: bool | None = None
    nausea: int | None = None
    vomiting: int | None = None
    urinary_frequency: int | None = None
    urinary_urgency: int | None = None
    urination_pain: int | None = None
    bladder_pain: int | None = None
    blood_in_urine: str | None = Field(default=None, max_length=10)
    unable_to_urinate: bool | None = None
    warning_signs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    rescue_doses: int | None = None
    notes: str | None = Field(default=None, max_length=2000)


class InfusionRow(SyncedColumns, table=True):
    """One infusion day, identified by a UUID that clients and exports keep."""

    __tablename__ = "infusions"
    __table_args__ = (
        Index("ix_infusions_patient_date", "patient_id", "date"),
        Index("ix_infusions_patient_seq", "patient_id", "server_seq"),
    )

    id: uuid.UUID = Field(primary_key=True)
    patient_id: uuid.UUID = Field(sa_column_args=[ForeignKey("accounts.id", ondelete="CASCADE")])
    date: dt.date
    route: str = Field(max_length=20)
    dose_mg: float | None = None
    duration_min: int | None = None
    notes: str | None = Field(default=None, max_length=2000)


class FlagAcknowledgementRow(SQLModel, table=True):
    """A patient has seen a warning flag; the flag is then no longer shown as open."""

    __tablename__ = "flag_acknowledgements"
    __table_args__ = (
        UniqueConstraint("patient_id", "flag_date", "rule", name="uq_flag_ack_patient_flag"),
    )

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = Field(sa_column_args=[ForeignKey("accounts.id", ondelete="CASCADE")])
    flag_date: dt.date
    rule: str = Field(max_length=80)
    acknowledged_at: dt.datetime = Field(sa_type=UTCDateTime)


class AuthTokenRow(SQLModel, table=True):
    """An access or refresh token, stored only as its SHA-256; a login starts a family."""

    __tablename__ = "auth_tokens"

    id: int | None = Field(default=None, primary_key=True)
    account_id: uuid.UUID = Field(sa_column_args=[ForeignKey("accounts.id", ondelete="CASCADE")])
    family_id: uuid.UUID = Field(index=True)
    kind: str = Field(max_length=10)
    token_hash: str = Field(max_length=64, unique=True)
    issued_at: dt.datetime = Field(sa_type=UTCDateTime)
    expires_at: dt.datetime = Field(sa_type=UTCDateTime)
    used_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: dt.datetime | None = Field(default=None, sa_type=UTCDateTime)


class LoginFailureRow(SQLModel, table=True):
    """One failed login, counted per account and per client address for the back-off."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_subject_time", "subject", "failed_at"),)

    id: int | None = Field(default=None, primary_key=True)
    subject: str = Field(max_length=400)
    failed_at: dt.datetime = Field(sa_type=UTCDateTime)


class IdempotencyRecordRow(SQLModel, table=True):
    """The answer to a sync push, kept under its Idempotency-Key so a retry gets it again."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("account_id", "key", name="uq_idempotency_account_key"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: uuid.UUID = Field(sa_column_args=[ForeignKey("accounts.id", ondelete="CASCADE")])
    key: str = Field(max_length=200)
    request_hash: str = Field(max_length=64)
    response: dict[str, object] = Field(sa_column=Column(JSON, nullable=False))
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
