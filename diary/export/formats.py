"""The export formats and paper sizes, kept apart from the writers so that naming a format
(a CLI option, an API parameter) does not load the PDF, FHIR and calendar libraries."""

from __future__ import annotations

import enum


class ExportFormat(enum.StrEnum):
    PDF = "pdf"
    MARKDOWN = "md"
    CSV = "csv"
    JSON = "json"
    FHIR = "fhir"
    CALENDAR = "ics"


class PageSize(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"


MEDIA_TYPES = {
    ExportFormat.PDF: "application/pdf",
    ExportFormat.MARKDOWN: "text/markdown; charset=utf-8",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.JSON: "application/json",
    ExportFormat.FHIR: "application/fhir+json",
    ExportFormat.CALENDAR: "text/calendar; charset=utf-8",
}
