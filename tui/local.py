"""The gateway over the embedded diary: each call is one service use case."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from diary.analysis import Flag, compute_insights
from diary.domain import DailyEntry, Infusion, InfusionDetails
from diary.export.private_files import infusions_path_for, private_file
from diary.factory import Diary
from tui.gateway import DiaryOverview, ExportFormat, ExportRequest, SavedDay


class LocalGateway:
    """One patient's diary in a local database, opened by `diary.factory.open_diary`."""

    read_only = False

    def __init__(self, diary: Diary, patient_id: uuid.UUID, description: str) -> None:
        self.diary = diary
        self.patient_id = patient_id
        self._description = description

    @property
    def description(self) -> str:
        return self._description

    def overview(self) -> DiaryOverview:
        today = self.diary.entries.today_for(self.patient_id)
        settings = self.diary.entries.settings
        # Versions first: a change between the two reads then shows as a conflict on save,
        # never as a save over a change the patient did not see.
        versions = self.diary.entries.versions(self.patient_id, end=today)
        contents = self.diary.entries.contents(self.patient_id, end=today)
        insights = compute_insights(contents.entries, contents.infusions, today, settings)
        return DiaryOverview(
            today=today,
            entries=tuple(contents.entries),
            infusions=tuple(contents.infusions),
            insights=insights,
            open_flags=tuple(self.diary.insights.open_flags(self.patient_id, today)),
            relief_fraction=settings.relief_fraction,
            versions=versions,
        )

    def save_entry(self, entry: DailyEntry, expected_version: int | None = None) -> SavedDay:
        saved = self.diary.entries.save_entry(self.patient_id, entry, expected_version)
        still_open = tuple(self.diary.insights.open_flags(self.patient_id))
        return SavedDay(saved.entry, saved.created, saved.flags, still_open, saved.version)

    def delete_entry(self, day: dt.date) -> None:
        self.diary.entries.delete_entry(self.patient_id, day)

    def add_infusion(self, details: InfusionDetails) -> Infusion:
        return self.diary.entries.add_infusion(self.patient_id, details)

    def update_infusion(self, infusion_id: uuid.UUID, details: InfusionDetails) -> Infusion:
        return self.diary.entries.update_infusion(self.patient_id, infusion_id, details)

    def delete_infusion(self, infusion_id: uuid.UUID) -> None:
        self.diary.entries.delete_infusion(self.patient_id, infusion_id)

    def acknowledge(self, flag: Flag) -> None:
        self.diary.insights.acknowledge(self.patient_id, flag.date, flag.rule)

    def export(self, request: ExportRequest) -> list[Path]:
        patient, start, end = self.patient_id, request.start, request.end
        if request.format is ExportFormat.CSV:
            infusions_path = infusions_path_for(request.path)
            with private_file(request.path) as entries, private_file(infusions_path) as infusions:
                self.diary.transfer.export_csv(patient, entries, infusions, start, end)
            return [request.path, infusions_path]
        if request.format is ExportFormat.JSON:
            with private_file(request.path) as stream:
                stream.write(self.diary.transfer.export_json(patient, start, end))
            return [request.path]
        exported = self.diary.exports.export(patient, request.format, start, end)
        with private_file(request.path, binary=True) as stream:
            stream.write(exported.content)
        return [request.path]
