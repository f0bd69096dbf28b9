"""Liveness for load balancers and `diary serve` users."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from diary.api.deps import DiaryDep
from diary.api.schemas import error_responses

router = APIRouter(tags=["health"], responses=error_responses(503))


@router.get("/healthz")
def healthz(diary: DiaryDep) -> dict[str, str]:
    """`{"status": "ok"}` when the database answers."""
    with diary.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return {"status": "ok"}
