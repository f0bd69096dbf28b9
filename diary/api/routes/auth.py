"""Accounts and tokens: register, log in, refresh, log out, who am I."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from diary.api.deps import BearerToken, CurrentAccount, DiaryDep
from diary.api.schemas import (
    AccountPublic,
    DeleteAccountRequest,
    RefreshRequest,
    RegisterRequest,
    TokenResponse,
    error_responses,
)
from diary.domain import Account
from diary.services.auth import TokenPair

router = APIRouter(prefix="/v1", tags=["auth"], responses=error_responses(400, 413, 503))


def _public(account: Account) -> AccountPublic:
    return AccountPublic.model_validate(account.model_dump())


def _tokens(pair: TokenPair) -> TokenResponse:
    return TokenResponse(
        access_token=pair.access_token, refresh_token=pair.refresh_token, expires_in=pair.expires_in
    )


@router.post("/auth/register", status_code=status.HTTP_201_CREATED, responses=error_responses(409))
def register(body: RegisterRequest, diary: DiaryDep) -> AccountPublic:
    account = diary.auth.register(body.email, body.password, body.name, body.role, body.timezone)
    return _public(account)


@router.post("/auth/token", responses=error_responses(401, 429))
def log_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], request: Request, diary: DiaryDep
) -> TokenResponse:
    """OAuth2 password flow: `username` is the e-mail."""
    address = request.client.host if request.client else "unknown"
    return _tokens(diary.auth.login(form.username, form.password, address))


@router.post("/auth/refresh", responses=error_responses(401))
def refresh(body: RefreshRequest, diary: DiaryDep) -> TokenResponse:
    """A new token pair; the refresh token sent is used up (sending it again revokes the login)."""
    return _tokens(diary.auth.refresh(body.refresh_token))


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(401))
def log_out(account: CurrentAccount, token: BearerToken, diary: DiaryDep) -> Response:
    """Revoke this login's access and refresh tokens."""
    del account  # authenticated above; the token itself says which login to end
    diary.auth.logout(token or "")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


PATIENT_OPERATIONS = (
    "list_entries",
    "get_entry",
    "put_entry",
    "delete_entry",
    "list_infusions",
    "add_infusion",
    "insights",
    "export_diary",
    "create_invite",
    "list_shares",
    "access_log",
)
ME_LINKS = {
    operation: {"operationId": operation, "parameters": {"patient_id": "$response.body#/id"}}
    for operation in PATIENT_OPERATIONS
}
"""OpenAPI links: a patient's own diary is at /v1/patients/{the `id` of /v1/me}."""


@router.get("/me", responses={200: {"links": ME_LINKS}, **error_responses(401)})
def me(account: CurrentAccount) -> AccountPublic:
    return _public(account)


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT, responses=error_responses(401))
def delete_me(body: DeleteAccountRequest, account: CurrentAccount, diary: DiaryDep) -> Response:
    """Delete the account and everything in it (export it first). Needs the password again."""
    diary.auth.delete_account(account, body.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
