"""The patient's open warning flags, and marking one as seen."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from diary.analysis import Flag
from diary.api.deps import DiaryDep, OwnerPatient, WritablePatient
from diary.api.schemas import error_responses
from diary.domain.days import CalendarDay

router = APIRouter(
    prefix="/v1/patients/{patient_id}",
    tags=["diary"],
    responses=error_responses(400, 401, 404, 413, 503),
)


class FlagSeen(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: CalendarDay
    rule: str = Field(min_length=1, max_length=80, examples=["same_day.blood_in_urine"])


@router.get("/flags")
def open_flags(patient_id: OwnerPatient, diary: DiaryDep) -> list[Flag]:
    """Warning flags the patient has not marked as seen, most urgent first."""
    return diary.insights.open_flags(patient_id)


@router.post("/flags/acknowledge")
def acknowledge_flag(patient_id: WritablePatient, body: FlagSeen, diary: DiaryDep) -> Flag:
    """Mark a flag as seen; it stays in insights but is no longer open."""
    return diary.insights.acknowledge(patient_id, body.date, body.rule)
