"""Domain errors become HTTP answers here, once for the whole API; every body is JSON."""

from __future__ import annotations

import json

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from diary.api.params import REQUEST_RULES
from diary.domain import (
    Conflict,
    DiaryError,
    Forbidden,
    InvalidInput,
    NotFound,
    StaleVersion,
    TooManyAttempts,
    Unauthenticated,
)
from diary.domain.validation import rule_text

ECHO_LIMIT = 200


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(InvalidInput, _invalid_input)  # type: ignore[arg-type]
    app.add_exception_handler(DiaryError, _diary_error)  # type: ignore[arg-type]


async def _invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
    """FastAPI's 422, with each message worded as the diary's rule for that field."""
    detail = [
        {
            "loc": list(item["loc"]),
            "msg": rule_text(item, REQUEST_RULES),
            "type": item["type"],
            "input": _shown_input(item.get("input")),
        }
        for item in error.errors()
    ]
    return JSONResponse(jsonable_encoder({"detail": detail}), status_code=422)


def _shown_input(value: object) -> object:
    """The offending value as the answer echoes it: JSON-safe and short.

    Raw bytes (a body that is not UTF-8) are not echoed; infinities and other values JSON
    cannot hold are shown as text; long text is cut.
    """
    if isinstance(value, bytes | bytearray):
        return None
    try:
        json.dumps(jsonable_encoder(value), allow_nan=False)
    except (ValueError, TypeError):
        return repr(value)[:ECHO_LIMIT]
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return value[:ECHO_LIMIT] + "…"
    return value


async def _invalid_input(_request: Request, error: InvalidInput) -> JSONResponse:
    """422 in FastAPI's own shape: one item per broken rule, with the field's path."""
    detail = [
        {
            "loc": ["body", *problem.field.split(".")],
            "msg": problem.rule,
            "type": "value_error",
            "input": _shown_input(problem.value),
        }
        for problem in error.problems
    ]
    return JSONResponse({"detail": detail}, status_code=422)


STATUS_OF: tuple[tuple[type[DiaryError], int], ...] = (
    (StaleVersion, 412),
    (NotFound, 404),
    (Unauthenticated, 401),
    (Forbidden, 403),
    (Conflict, 409),
    (TooManyAttempts, 429),
)


async def _diary_error(_request: Request, error: DiaryError) -> JSONResponse:
    status = next((code for kind, code in STATUS_OF if isinstance(error, kind)), 400)
    headers = {}
    if isinstance(error, Unauthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(error, TooManyAttempts):
        headers["Retry-After"] = str(error.retry_after_seconds)
    return JSONResponse({"detail": str(error)}, status_code=status, headers=headers)
