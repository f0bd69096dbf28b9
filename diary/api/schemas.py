"""Request and response bodies of the HTTP API that are not domain models already."""

from __future__ import annotations

import uuid
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

from diary.analysis import Flag
from diary.domain import DailyEntry, Infusion, Role

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class RegisterRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: str = Field(max_length=320, pattern=EMAIL_PATTERN)
    password: str = Field(min_length=10, max_length=1024)
    name: str = Field(min_length=1, max_length=200)
    role: Role
    timezone: str | None = Field(
        default=None, max_length=64, description="IANA zone of your local date, e.g. Europe/Paris"
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("must be an IANA time zone such as Europe/Paris") from None
        return value


class AccountPublic(BaseModel):
    id: uuid.UUID
    email: str | None
    name: str
    role: Role
    timezone: str | None


class TokenResponse(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105  (the OAuth2 token type, not a secret)
    expires_in: int


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=200)


class DeleteAccountRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(min_length=1, max_length=1024)


class SavedEntryResponse(BaseModel):
    entry: DailyEntry
    version: int
    created: bool
    flags: list[Flag] | None = Field(
        description="Warning flags this save raised, most urgent first; null if they could "
        "not be worked out (the entry is stored regardless)."
    )


class SavedInfusionResponse(Infusion):
    """The infusion as stored, with the warning flags saving it raised."""

    flags: list[Flag] | None = Field(
        description="Warning flags this infusion raised (an entry's flag it completes, e.g. "
        "upper abdominal pain within 14 days after an infusion), most urgent first; null if "
        "they could not be worked out (the infusion is stored regardless)."
    )


class ErrorBody(BaseModel):
    """Every error other than 422 answers `{"detail": "what went wrong"}`."""

    detail: str


def error_responses(*codes: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI entries for the error answers a route can give."""
    meaning = {
        400: "The body could not be read",
        401: "Not signed in, or the token is expired or revoked",
        403: "This account may not do this",
        404: "Not found (also for a patient the account may not see)",
        409: "Clashes with what is stored",
        412: "If-Match: the day was changed since that version; read it again",
        413: "Body larger than 2 MiB",
        429: "Too many failed logins; see Retry-After",
        503: "The database is not answering; try again after Retry-After seconds",
    }
    return {code: {"model": ErrorBody, "description": meaning[code]} for code in codes}
