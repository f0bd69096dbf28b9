"""A patient's entries, infusions and insights under /v1/patients/{patient_id}."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from diary.analysis import Insights
from diary.api.deps import DiaryDep, ReadablePatient, WritablePatient
from diary.api.schemas import SavedEntryResponse, error_responses
from diary.domain import DailyEntry, EntryFields, Infusion, InfusionDetails

router = APIRouter(
    prefix="/v1/patients/{patient_id}",
    tags=["diary"],
    responses=error_responses(400, 401, 404, 413),
)

FromDay = Annotated[dt.date | None, Query(alias="from", description="First day, inclusive")]
ToDay = Annotated[dt.date | None, Query(alias="to", description="Last day, inclusive")]


@router.get("/entries")
def list_entries(
    patient_id: ReadablePatient, diary: DiaryDep, start: FromDay = None, end: ToDay = None
) -> list[DailyEntry]:
    return diary.entries.list_entries(patient_id, start, end)


@router.get("/entries/{day}")
def get_entry(patient_id: ReadablePatient, day: dt.date, diary: DiaryDep) -> DailyEntry:
    return diary.entries.get_entry(patient_id, day)


@router.put("/entries/{day}", responses={201: {"model": SavedEntryResponse}})
def put_entry(
    patient_id: WritablePatient,
    day: dt.date,
    body: EntryFields,
    diary: DiaryDep,
    response: Response,
) -> SavedEntryResponse:
    """Create the day or replace all of it; the answer carries the warning flags it raised."""
    saved = diary.entries.save_entry(patient_id, DailyEntry(date=day, **body.model_dump()))
    response.status_code = status.HTTP_201_CREATED if saved.created else status.HTTP_200_OK
    flags = None if saved.flags is None else list(saved.flags)
    return SavedEntryResponse(
        entry=saved.entry, version=saved.version, created=saved.created, flags=flags
    )


@router.delete("/entries/{day}", status_code=status.HTTP_204_NO_CONTENT)
def delete_entry(patient_id: WritablePatient, day: dt.date, diary: DiaryDep) -> Response:
    diary.entries.delete_entry(patient_id, day)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/infusions")
def list_infusions(
    patient_id: ReadablePatient, diary: DiaryDep, start: FromDay = None, end: ToDay = None
) -> list[Infusion]:
    return diary.entries.list_infusions(patient_id, start, end)


@router.post("/infusions", status_code=status.HTTP_201_CREATED)
def add_infusion(patient_id: WritablePatient, body: InfusionDetails, diary: DiaryDep) -> Infusion:
    return diary.entries.add_infusion(patient_id, body)


@router.get("/infusions/{infusion_id}")
def get_infusion(patient_id: ReadablePatient, infusion_id: uuid.UUID, diary: DiaryDep) -> Infusion:
    return diary.entries.get_infusion(patient_id, infusion_id)


@router.put("/infusions/{infusion_id}")
def replace_infusion(
    patient_id: WritablePatient, infusion_id: uuid.UUID, body: InfusionDetails, diary: DiaryDep
) -> Infusion:
    return diary.entries.update_infusion(patient_id, infusion_id, body)


@router.delete("/infusions/{infusion_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_infusion(
    patient_id: WritablePatient, infusion_id: uuid.UUID, diary: DiaryDep
) -> Response:
    diary.entries.delete_infusion(patient_id, infusion_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/insights")
def insights(
    patient_id: ReadablePatient,
    diary: DiaryDep,
    as_of: Annotated[dt.date | None, Query(description="Ignore everything after this day")] = None,
) -> Insights:
    """The same document as `diary insights --json`."""
    return diary.insights.insights(patient_id, as_of)
