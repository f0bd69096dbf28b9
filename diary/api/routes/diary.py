"""A patient's entries, infusions and insights under /v1/patients/{patient_id}."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Response, status
from fastapi.exceptions import RequestValidationError

from diary.analysis import Insights
from diary.api.deps import DiaryDep, PatientReader, WritablePatient
from diary.api.params import AsOf, FromDay, ToDay
from diary.api.schemas import SavedEntryResponse, SavedInfusionResponse, error_responses
from diary.domain import (
    DailyEntry,
    EntryFields,
    Infusion,
    InfusionDetails,
    NotFound,
)
from diary.domain.days import CalendarDay
from diary.factory import Diary

router = APIRouter(
    prefix="/v1/patients/{patient_id}",
    tags=["diary"],
    responses=error_responses(400, 401, 404, 413, 503),
)


@router.get("/entries")
def list_entries(
    grant: PatientReader, diary: DiaryDep, start: FromDay = None, end: ToDay = None
) -> list[DailyEntry]:
    first, last = grant.window(start, end)
    return diary.entries.list_entries(grant.patient_id, first, last, grant.audit("read_entries"))


@router.get("/entries/versions")
def entry_versions(
    grant: PatientReader, diary: DiaryDep, start: FromDay = None, end: ToDay = None
) -> dict[str, int]:
    """The stored version of each day (`{"2026-11-20": 3}`), for `If-Match` on saves."""
    first, last = grant.window(start, end)
    versions = diary.entries.versions(grant.patient_id, first, last)
    return {day.isoformat(): version for day, version in versions.items()}


@router.get("/entries/{day}")
def get_entry(
    grant: PatientReader, day: CalendarDay, diary: DiaryDep, response: Response
) -> DailyEntry:
    """One day; its `ETag` is the stored version, for `If-Match` on a later PUT."""
    if grant.window(day, day) != (day, day):
        raise NotFound(f"no entry for {day.isoformat()}")
    entry, version = diary.entries.get_entry_and_version(
        grant.patient_id, day, grant.audit("read_entry")
    )
    response.headers["ETag"] = f'"{version}"'
    return entry


@router.put(
    "/entries/{day}",
    responses={201: {"model": SavedEntryResponse}, **error_responses(412)},
)
def put_entry(
    patient_id: WritablePatient,
    day: CalendarDay,
    body: EntryFields,
    diary: DiaryDep,
    response: Response,
    if_match: Annotated[
        str | None,
        Header(description='The ETag read with the day, e.g. "3"; "0" for a day seen empty'),
    ] = None,
) -> SavedEntryResponse:
    """Create the day or replace all of it; the answer carries the warning flags it raised.

    With `If-Match`, a day changed since that version is refused with 412, not overwritten.
    """
    entry = DailyEntry(date=day, **body.model_dump())
    saved = diary.entries.save_entry(patient_id, entry, expected_version(if_match))
    response.status_code = status.HTTP_201_CREATED if saved.created else status.HTTP_200_OK
    response.headers["ETag"] = f'"{saved.version}"'
    flags = None if saved.flags is None else list(saved.flags)
    return SavedEntryResponse(
        entry=saved.entry, version=saved.version, created=saved.created, flags=flags
    )


def expected_version(if_match: str | None) -> int | None:
    if if_match is None:
        return None
    tag = if_match.strip().removeprefix("W/").strip('"')
    if not tag.isascii() or not tag.isdigit() or len(tag) > 18:
        # A header, so the 422 names it where FastAPI would: ["header", "if-match"].
        rule = 'must be a version number such as "3"'
        problem = {"loc": ("header", "if-match"), "msg": rule, "type": "value_error"}
        raise RequestValidationError([{**problem, "input": if_match}])
    return int(tag)


@router.delete("/entries/{day}", status_code=status.HTTP_204_NO_CONTENT)
def delete_entry(patient_id: WritablePatient, day: CalendarDay, diary: DiaryDep) -> Response:
    diary.entries.delete_entry(patient_id, day)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/infusions")
def list_infusions(
    grant: PatientReader, diary: DiaryDep, start: FromDay = None, end: ToDay = None
) -> list[Infusion]:
    first, last = grant.window(start, end)
    audit = grant.audit("read_infusions")
    return diary.entries.list_infusions(grant.patient_id, first, last, audit)


@router.post("/infusions", status_code=status.HTTP_201_CREATED)
def add_infusion(
    patient_id: WritablePatient, body: InfusionDetails, diary: DiaryDep
) -> SavedInfusionResponse:
    """Record an infusion; the answer carries the warning flags it raised, as a save does."""
    return _with_flags(diary.entries.add_infusion(patient_id, body), patient_id, diary)


@router.get("/infusions/{infusion_id}")
def get_infusion(grant: PatientReader, infusion_id: uuid.UUID, diary: DiaryDep) -> Infusion:
    audit = grant.audit("read_infusion")
    infusion = diary.entries.get_infusion(grant.patient_id, infusion_id, audit)
    if grant.window(infusion.date, infusion.date) != (infusion.date, infusion.date):
        raise NotFound(f"no infusion {infusion_id}")
    return infusion


@router.put("/infusions/{infusion_id}")
def replace_infusion(
    patient_id: WritablePatient, infusion_id: uuid.UUID, body: InfusionDetails, diary: DiaryDep
) -> SavedInfusionResponse:
    changed = diary.entries.update_infusion(patient_id, infusion_id, body)
    return _with_flags(changed, patient_id, diary)


def _with_flags(infusion: Infusion, patient_id: uuid.UUID, diary: Diary) -> SavedInfusionResponse:
    flags = diary.entries.flags_raised_by_infusion(patient_id, infusion)
    listed = None if flags is None else list(flags)
    return SavedInfusionResponse(**infusion.model_dump(), flags=listed)


@router.delete("/infusions/{infusion_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_infusion(
    patient_id: WritablePatient, infusion_id: uuid.UUID, diary: DiaryDep
) -> Response:
    diary.entries.delete_infusion(patient_id, infusion_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/insights")
def insights(
    grant: PatientReader,
    diary: DiaryDep,
    as_of: AsOf = None,
) -> Insights:
    """The same document as `diary insights --json` (for a clinician, within the shared dates)."""
    since, until = grant.window(None, as_of)
    audit = grant.audit("read_insights")
    return diary.insights.insights(grant.patient_id, until, audit, since)
