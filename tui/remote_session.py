"""One login to a diary server: tokens kept fresh, answers and failures turned into domain errors.

Every method blocks (the app calls them from thread workers). Refresh tokens rotate and each
works once; a refresh token sent twice makes the server end the whole login. So a refresh runs
under a lock (two workers never refresh at once), the new pair is stored before the new access
token is used, and a refresh that may have reached the server is never sent again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from diary.domain import (
    Clock,
    Conflict,
    DiaryError,
    FieldProblem,
    Forbidden,
    InvalidInput,
    NotFound,
    StaleVersion,
    TooManyAttempts,
    Unauthenticated,
)

REFRESH_MARGIN = dt.timedelta(seconds=60)
"""Refresh this long before the access token runs out, so no request carries a dying token."""
TIMEOUT = httpx.Timeout(20.0, connect=5.0)
"""For the client the CLI builds: a slow server is told apart from a missing one quickly."""


class ServerUnreachable(DiaryError):
    """No answer from the server: offline, a wrong address, or the server is down."""


class SessionEnded(Unauthenticated):
    """The login is over (expired, revoked, or logged out); log in again."""


@dataclass(frozen=True)
class Account:
    """Who is logged in, as `GET /v1/me` says."""

    id: uuid.UUID
    name: str
    email: str | None
    role: str
    timezone: str | None


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str
    expires_at: dt.datetime


class RemoteSession:
    """An HTTP client of the diary API for one account; build it, then `log_in`."""

    def __init__(self, client: httpx.Client, clock: Clock) -> None:
        self.client = client
        self.clock = clock
        self.account: Account | None = None
        self._tokens: Tokens | None = None
        self._refreshing = threading.Lock()

    @property
    def server(self) -> str:
        return str(self.client.base_url).rstrip("/")

    def log_in(self, email: str, password: str) -> Account:
        form = {"username": email, "password": password}
        answer = self._send("POST", "/v1/auth/token", data=form)
        self._store(answer.json())
        me = self.request("GET", "/v1/me").json()
        self.account = Account(
            uuid.UUID(me["id"]), me["name"], me.get("email"), me["role"], me.get("timezone")
        )
        return self.account

    def log_out(self) -> None:
        """End this login on the server (best effort: the tokens are forgotten either way)."""
        if self._tokens is not None:
            with contextlib.suppress(DiaryError):
                self.request("POST", "/v1/auth/logout")
        self._tokens = None

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send with a fresh access token; one retry after a refresh if the token was refused."""
        answer = self._send_signed(method, path, self._fresh_access(), **kwargs)
        if answer.status_code == httpx.codes.UNAUTHORIZED:
            answer = self._send_signed(method, path, self._fresh_access(force=True), **kwargs)
        return _checked(answer)

    def _send_signed(self, method: str, path: str, access: str, **kwargs: Any) -> httpx.Response:
        headers = {**kwargs.pop("headers", {}), "Authorization": f"Bearer {access}"}
        return self._send(method, path, check=False, headers=headers, **kwargs)

    def _fresh_access(self, force: bool = False) -> str:
        with self._refreshing:
            tokens = self._tokens
            if tokens is None:
                raise SessionEnded("you are not logged in (or the login ended): log in again")
            if force or self.clock.now() >= tokens.expires_at - REFRESH_MARGIN:
                tokens = self._refresh(tokens)
            return tokens.access

    def _refresh(self, tokens: Tokens) -> Tokens:
        """Swap the refresh token for a new pair; called with the lock held."""
        body = {"refresh_token": tokens.refresh}
        try:
            answer = self.client.post("/v1/auth/refresh", json=body)
        except httpx.ConnectError as error:
            raise self._unreachable() from error  # never sent: the old token still works
        except httpx.HTTPError as error:
            self._tokens = None  # it may have been used up: sending it again ends the login
            raise SessionEnded("lost contact while renewing the login: log in again") from error
        if answer.status_code != httpx.codes.OK:
            self._tokens = None
            raise SessionEnded("your login has ended (expired or revoked): log in again")
        return self._store(answer.json())

    def _store(self, pair: dict[str, Any]) -> Tokens:
        expires_at = self.clock.now() + dt.timedelta(seconds=int(pair["expires_in"]))
        self._tokens = Tokens(pair["access_token"], pair["refresh_token"], expires_at)
        return self._tokens

    def _send(self, method: str, path: str, check: bool = True, **kwargs: Any) -> httpx.Response:
        try:
            answer = self.client.request(method, path, **kwargs)
        except httpx.ConnectError as error:
            raise self._unreachable() from error
        except httpx.TimeoutException as error:
            raise ServerUnreachable(
                f"the server at {self.server} did not answer in time; a change you sent may or "
                "may not be stored: look before sending it again"
            ) from error
        except httpx.HTTPError as error:
            raise ServerUnreachable(f"lost contact with {self.server}: {error}") from error
        return _checked(answer) if check else answer

    def _unreachable(self) -> ServerUnreachable:
        return ServerUnreachable(
            f"server unreachable at {self.server}: you may be offline, or the server is down. "
            "Nothing was sent; try again when you are back online"
        )


def _checked(answer: httpx.Response) -> httpx.Response:
    """The answer itself when it succeeded; otherwise the domain error it stands for."""
    status = answer.status_code
    if status < 400:
        return answer
    if status == 422:
        raise InvalidInput(_problems(answer))
    detail = _detail(answer)
    errors: dict[int, type[DiaryError]] = {
        401: SessionEnded,
        403: Forbidden,
        404: NotFound,
        409: Conflict,
        412: StaleVersion,
    }
    if status in errors:
        raise errors[status](detail)
    if status == 429:
        raise TooManyAttempts(int(answer.headers.get("Retry-After", "60")))
    raise DiaryError(f"the server could not do this ({status}): {detail}")


def _detail(answer: httpx.Response) -> str:
    try:
        detail = answer.json().get("detail")
    except ValueError:
        detail = None
    return str(detail) if detail else answer.reason_phrase


def _problems(answer: httpx.Response) -> list[FieldProblem]:
    """FastAPI's 422 items as the domain's problems: `["body", "pain"]` becomes field `pain`."""
    try:
        items = answer.json().get("detail")
    except ValueError:
        items = None
    if not isinstance(items, list):
        return [FieldProblem("request", _detail(answer))]
    return [
        FieldProblem(_field(item.get("loc", [])), str(item.get("msg", "")), item.get("input"))
        for item in items
    ]


def _field(loc: list[Any]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "query", "path"}:
        parts = parts[1:]
    return ".".join(parts) or "request"
