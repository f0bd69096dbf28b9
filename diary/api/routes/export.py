"""`GET /v1/patients/{patient_id}/export`: the diary as a file, in one of six formats."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from fastapi.exceptions import RequestValidationError

from diary.api.deps import DiaryDep, PatientReader
from diary.api.params import FromDay, ToDay
from diary.api.schemas import ErrorBody, error_responses
from diary.export.formats import ExportFormat, PageSize
from diary.services.exports import ExportReader

router = APIRouter(
    prefix="/v1/patients/{patient_id}",
    tags=["export"],
    responses=error_responses(400, 401, 413),
)

BINARY: dict[str, Any] = {"schema": {"type": "string", "format": "binary"}}
JSON_DOCUMENT: dict[str, Any] = {"schema": {"type": "object"}}
FILE_CONTENT = {
    "application/pdf": BINARY,
    "text/markdown": BINARY,
    "text/csv": BINARY,
    "application/json": JSON_DOCUMENT,
    "application/fhir+json": JSON_DOCUMENT,
    "text/calendar": BINARY,
}
ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "The file, with a Content-Disposition file name", "content": FILE_CONTENT},
    404: {
        "model": ErrorBody,
        "description": "Not found (also for a patient the account may not see); for `ics`, "
        "no day to raise maintenance yet",
    },
}

FormatParam = Annotated[
    ExportFormat,
    Query(
        alias="format",
        description="pdf or md: appointment summary; csv: entries; json: the whole diary; "
        "fhir: FHIR R4 Bundle; ics: calendar reminder to raise maintenance",
    ),
]
PageSizeParam = Annotated[PageSize, Query(description="Paper size of a PDF")]


@router.get("/export", response_class=Response, responses=ANSWERS)
def export_diary(
    grant: PatientReader,
    diary: DiaryDep,
    format_: FormatParam,
    start: FromDay = None,
    end: ToDay = None,
    page_size: PageSizeParam = PageSize.A4,
) -> Response:
    """The diary as a file: only this patient's data, only the days the caller may see.

    A clinician's export covers the share's dates and is written to the patient's access log.
    """
    first, last = grant.window(start, end)
    if first is not None and last is not None and first > last:
        rule = "must be on or before `to` (and within the days shared, for a clinician)"
        problem = {"loc": ("query", "from"), "msg": rule, "input": start}
        raise RequestValidationError([{**problem, "type": "value_error"}])
    reader = ExportReader(grant.visible_from, grant.audit(f"export_{format_.value}"))
    exported = diary.exports.export(
        grant.patient_id, format_, first, last, page_size, reader=reader
    )
    disposition = f'attachment; filename="{exported.filename}"'
    return Response(
        exported.content,
        media_type=exported.media_type,
        headers={"Content-Disposition": disposition},
    )
