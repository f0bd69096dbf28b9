"""Accounts as the rest of the code sees them (never with their password hash)."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict

from diary.domain.vocabulary import Role


class Account(BaseModel):
    """A patient or a clinician."""

    model_config = ConfigDict(frozen=True)

    id: uuid.UUID
    email: str | None
    name: str
    role: Role
    timezone: str | None
