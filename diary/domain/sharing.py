"""Sharing with clinicians as every interface shows it: the service returns these, the API
sends them, and the terminal UI reads them back from the API."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field


class _Shown(BaseModel):
    model_config = ConfigDict(frozen=True)


class Share(_Shown):
    """A share as the patient sees it in their list."""

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


class Invite(_Shown):
    code: str = Field(description="Give this to your clinician; it works once")
    """Shown once: the diary keeps only its hash."""
    share: Share


class AccessEvent(_Shown):
    seq: int
    at: dt.datetime
    action: str
    actor_id: uuid.UUID | None
    actor_role: str | None
    detail: str | None


class AccessLog(_Shown):
    events: tuple[AccessEvent, ...]
    chain_intact: bool = Field(description="False if any event was changed or removed")
    """False when an event was changed or removed: the log can no longer be trusted."""


class SharedPatient(_Shown):
    """A row of the clinician's list: those needing attention come first."""

    patient_id: uuid.UUID
    name: str
    share_id: uuid.UUID
    shared_since: dt.datetime
    latest_entry_date: dt.date | None
    latest_pain: int | None
    open_flags: dict[str, int]
    """Unacknowledged warning flags by tier: emergency, same_day, review."""
    maintenance_status: str
    discuss_from: dt.date | None
