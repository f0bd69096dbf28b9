"""Dependencies of the routes: the diary, the signed-in account, and access to a patient."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from diary.domain import Account, Unauthenticated
from diary.factory import Diary
from diary.services.access import Access, AccessGrant

bearer_token = OAuth2PasswordBearer(tokenUrl="/v1/auth/token", auto_error=False)


def get_diary(request: Request) -> Diary:
    diary: Diary = request.app.state.diary
    return diary


DiaryDep = Annotated[Diary, Depends(get_diary)]
BearerToken = Annotated[str | None, Depends(bearer_token)]


def current_account(diary: DiaryDep, token: BearerToken) -> Account:
    if not token:
        raise Unauthenticated("sign in first: no bearer token was sent")
    return diary.auth.authenticate(token)


CurrentAccount = Annotated[Account, Depends(current_account)]


def patient_reader(patient_id: uuid.UUID, account: CurrentAccount, diary: DiaryDep) -> AccessGrant:
    """The account's right to read this patient's diary (and within which dates); 404 for
    everyone without one."""
    return diary.access.require(account, patient_id, Access.READ)


PatientReader = Annotated[AccessGrant, Depends(patient_reader)]


def readable_patient(grant: PatientReader) -> uuid.UUID:
    """The patient whose diary the account may read; 404 for everyone else."""
    return grant.patient_id


def writable_patient(patient_id: uuid.UUID, account: CurrentAccount, diary: DiaryDep) -> uuid.UUID:
    """The patient whose diary the account may change: the patient themself."""
    return diary.access.require(account, patient_id, Access.WRITE).patient_id


def owner_patient(patient_id: uuid.UUID, account: CurrentAccount, diary: DiaryDep) -> uuid.UUID:
    """The patient, for what only they may see (their shares, their access log)."""
    return diary.access.require(account, patient_id, Access.OWNER).patient_id


ReadablePatient = Annotated[uuid.UUID, Depends(readable_patient)]
WritablePatient = Annotated[uuid.UUID, Depends(writable_patient)]
OwnerPatient = Annotated[uuid.UUID, Depends(owner_patient)]
