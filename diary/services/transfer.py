"""Importing and exporting whole diaries as CSV or JSON files."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import IO

from diary.domain import DailyEntry, Infusion
from diary.export import csv_format, json_format
from diary.services.diary import DiaryService


@dataclass(frozen=True)
class ImportSummary:
    entries: int
    infusions: int


class TransferService:
    """Reads files completely and checks every row before one transaction stores them."""

    def __init__(self, diary: DiaryService) -> None:
        self.diary = diary

    def import_csv(
        self,
        patient_id: uuid.UUID,
        entries_file: IO[str] | None = None,
        infusions_file: IO[str] | None = None,
    ) -> ImportSummary:
        today = self.diary.today_for(patient_id)
        entries = csv_format.read_entries(entries_file, today) if entries_file else []
        infusions = csv_format.read_infusions(infusions_file, today) if infusions_file else []
        return self._store(patient_id, entries, infusions)

    def import_json(self, patient_id: uuid.UUID, text: str) -> ImportSummary:
        document = json_format.load_diary(text, self.diary.today_for(patient_id))
        return self._store(patient_id, document.entries, document.infusions)

    def _store(
        self, patient_id: uuid.UUID, entries: list[DailyEntry], infusions: list[Infusion]
    ) -> ImportSummary:
        self.diary.import_contents(patient_id, entries, infusions)
        return ImportSummary(len(entries), len(infusions))

    def export_csv(
        self,
        patient_id: uuid.UUID,
        entries_file: IO[str],
        infusions_file: IO[str],
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> ImportSummary:
        contents = self.diary.contents(patient_id, start, end)
        csv_format.write_entries(contents.entries, entries_file)
        csv_format.write_infusions(contents.infusions, infusions_file)
        return ImportSummary(len(contents.entries), len(contents.infusions))

    def export_json(
        self, patient_id: uuid.UUID, start: dt.date | None = None, end: dt.date | None = None
    ) -> str:
        contents = self.diary.contents(patient_id, start, end)
        return json_format.dump_diary(contents.entries, contents.infusions, self.diary.clock.now())
