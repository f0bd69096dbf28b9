"""Sharing a diary with clinicians, the clinician's patient list, and who read what."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, status
from pydantic import BaseModel, ConfigDict, Field

from diary.api.deps import CurrentAccount, DiaryDep, OwnerPatient
from diary.api.params import MAX_INVITE_DAYS
from diary.api.schemas import error_responses
from diary.domain.audit import AuditEvent, first_broken_link
from diary.domain.days import CalendarDay
from diary.domain.sharing import AccessEvent, AccessLog, Invite, Share, SharedPatient

router = APIRouter(prefix="/v1", tags=["sharing"], responses=error_responses(400, 401, 413, 503))
OWNER_ONLY = error_responses(404)


class InviteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    valid_days: int = Field(
        default=7, ge=1, le=MAX_INVITE_DAYS, description="Days the code can be used"
    )
    ends_on: CalendarDay | None = Field(default=None, description="Last day of the share")
    visible_from: CalendarDay | None = Field(default=None, description="First diary day shown")
    visible_to: CalendarDay | None = Field(default=None, description="Last diary day shown")


class AcceptRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=40)


@router.post(
    "/patients/{patient_id}/shares", status_code=status.HTTP_201_CREATED, responses=OWNER_ONLY
)
def create_invite(
    patient_id: OwnerPatient, diary: DiaryDep, body: Annotated[InviteRequest, Body()]
) -> Invite:
    return diary.sharing.invite(
        patient_id, body.valid_days, body.ends_on, body.visible_from, body.visible_to
    )


@router.get("/patients/{patient_id}/shares", responses=OWNER_ONLY)
def list_shares(patient_id: OwnerPatient, diary: DiaryDep) -> list[Share]:
    return diary.sharing.list_shares(patient_id)


@router.delete("/patients/{patient_id}/shares/{share_id}", responses=OWNER_ONLY)
def revoke_share(patient_id: OwnerPatient, share_id: uuid.UUID, diary: DiaryDep) -> Share:
    """The clinician's very next request is refused."""
    return diary.sharing.revoke(patient_id, share_id)


@router.get("/patients/{patient_id}/access-log", responses=OWNER_ONLY)
def access_log(patient_id: OwnerPatient, diary: DiaryDep) -> AccessLog:
    """Every clinician read and export, share change, login and failed login, oldest first."""
    rows = diary.sharing.access_log(patient_id)
    chain = [(AuditEvent.model_validate(row, from_attributes=True), row.hash) for row in rows]
    events = tuple(AccessEvent.model_validate(row, from_attributes=True) for row in rows)
    return AccessLog(events=events, chain_intact=first_broken_link(chain) is None)


@router.post("/shares/accept", responses=error_responses(403, 404))
def accept_invite(body: AcceptRequest, account: CurrentAccount, diary: DiaryDep) -> Share:
    """A clinician turns a patient's code into an active share."""
    return diary.sharing.accept(account, body.code)


@router.get("/clinician/patients", responses=error_responses(403))
def shared_patients(account: CurrentAccount, diary: DiaryDep) -> list[SharedPatient]:
    """The clinician's shared patients, those needing attention first."""
    return diary.summaries.shared_patients(account)
