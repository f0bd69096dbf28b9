"""ASGI middleware: a body-size limit and no caching of anything the API answers."""

from __future__ import annotations

import json
import logging

from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
logger = logging.getLogger(__name__)


class BodyTooLarge(Exception):
    pass


async def _send_json(
    send: Send, status: int, content: dict[str, str], extra: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps(content).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += extra or []
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class LimitBodySize:
    """Answer 413 to a body over the limit, whether it declares its length or streams."""

    def __init__(self, app: ASGIApp, max_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        await _send_json(send, 413, {"detail": f"request body larger than {self.max_bytes} bytes"})


class NoStore:
    """`Cache-Control: no-store` on every answer: patient data and tokens must not be cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"cache-control"]
                message["headers"] = [*headers, (b"cache-control", b"no-store")]
            await send(message)

        await self.app(scope, receive, send_with_header)


UNAVAILABLE = {"detail": "the diary's database is not answering; please try again shortly"}


class ContainFaults:
    """Answer a database outage with 503, any other fault with a bare 500, and keep the
    exception inside the app.

    Starlette's own error middleware re-raises after answering, so the server would log the
    traceback, and an exception's message can hold patient data (SQL parameters, notes).
    Here only the exception's type is logged.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except (OperationalError, InterfaceError) as fault:
            logger.error(
                "database unavailable (%s) while answering a request", type(fault).__name__
            )
            if not started:
                await _send_json(send, 503, UNAVAILABLE, [(b"retry-after", b"2")])
        except Exception as fault:
            logger.error("unexpected %s while answering a request", type(fault).__name__)
            if not started:
                await _send_json(send, 500, {"detail": "internal server error"})
