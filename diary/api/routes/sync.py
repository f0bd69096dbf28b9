"""Offline sync for mobile clients (docs/api.md walks through the protocol)."""

from __future__ import annotations

from fastapi import APIRouter

from diary.api.deps import CurrentAccount, DiaryDep
from diary.api.params import Cursor, IdempotencyKey, PullLimit
from diary.api.schemas import error_responses
from diary.domain import Account, Forbidden, Role
from diary.services.sync import PullPage, PushRequest, PushResponse

router = APIRouter(
    prefix="/v1/sync", tags=["sync"], responses=error_responses(400, 401, 403, 413, 503)
)


def _own_diary(account: Account) -> Account:
    if account.role is not Role.PATIENT:
        raise Forbidden("only a patient account has a diary to sync")
    return account


@router.get("/pull")
def pull(
    account: CurrentAccount,
    diary: DiaryDep,
    cursor: Cursor = 0,
    limit: PullLimit = 200,
) -> PullPage:
    """Changes after `cursor` in server order, deletions included as tombstones."""
    return diary.sync.pull(_own_diary(account).id, cursor, limit)


@router.post("/push", responses=error_responses(409))
def push(
    body: PushRequest,
    account: CurrentAccount,
    diary: DiaryDep,
    idempotency_key: IdempotencyKey,
) -> PushResponse:
    """Apply offline changes in one transaction; a retry with the same key gets the same answer."""
    return diary.sync.push(_own_diary(account).id, idempotency_key, body)
