"""Dependencies of the routes: the diary, the signed-in account, and access to a patient."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from diary.domain import Account, Unauthenticated
from diary.factory import Diary
from diary.services.access import Access

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


def readable_patient(patient_id: uuid.UUID, account: CurrentAccount, diary: DiaryDep) -> uuid.UUID:
    """The patient whose diary the account may read; 404 for everyone else."""
    return diary.access.require(account, patient_id, Access.READ)


def writable_patient(patient_id: uuid.UUID, account: CurrentAccount, diary: DiaryDep) -> uuid.UUID:
    """The patient whose diary the account may change; 404 for everyone else."""
    return diary.access.require(account, patient_id, Access.WRITE)


ReadablePatient = Annotated[uuid.UUID, Depends(readable_patient)]
WritablePatient = Annotated[uuid.UUID, Depends(writable_patient)]
