"""SQLModel tables: every diary row belongs to a patient account from day one."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Column, ForeignKey, Index, UniqueConstraint
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
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class EntryRow(SQLModel, table=True):
    """One daily entry; (patient_id, date) is unique."""

    __tablename__ = "entries"
    __table_args__ = (UniqueConstraint("patient_id", "date", name="uq_entries_patient_date"),)

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
    version: int = Field(default=1)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)


class InfusionRow(SQLModel, table=True):
    """One infusion day, identified by a UUID that clients and exports keep."""

    __tablename__ = "infusions"
    __table_args__ = (Index("ix_infusions_patient_date", "patient_id", "date"),)

    id: uuid.UUID = Field(primary_key=True)
    patient_id: uuid.UUID = Field(sa_column_args=[ForeignKey("accounts.id", ondelete="CASCADE")])
    date: dt.date
    route: str = Field(max_length=20)
    dose_mg: float | None = None
    duration_min: int | None = None
    notes: str | None = Field(default=None, max_length=2000)
    version: int = Field(default=1)
    created_at: dt.datetime = Field(sa_type=UTCDateTime)
    updated_at: dt.datetime = Field(sa_type=UTCDateTime)
