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
        contents = self.diary.entries.contents(self.patient_id, end=today)
        insights = compute_insights(contents.entries, contents.infusions, today, settings)
        return DiaryOverview(
            today=today,
            entries=tuple(contents.entries),
            infusions=tuple(contents.infusions),
            insights=insights,
            open_flags=tuple(self.diary.insights.open_flags(self.patient_id, today)),
            relief_fraction=settings.relief_fraction,
        )

    def save_entry(self, entry: DailyEntry) -> SavedDay:
        saved = self.diary.entries.save_entry(self.patient_id, entry)
        still_open = tuple(self.diary.insights.open_flags(self.patient_id))
        return SavedDay(saved.entry, saved.created, saved.flags, still_open)

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
        transfer, patient = self.diary.transfer, self.patient_id
        if request.format is ExportFormat.JSON:
            with private_file(request.path) as stream:
                stream.write(transfer.export_json(patient, request.start, request.end))
            return [request.path]
        infusions_path = infusions_path_for(request.path)
        with private_file(request.path) as entries, private_file(infusions_path) as infusions:
            transfer.export_csv(patient, entries, infusions, request.start, request.end)
        return [request.path, infusions_path]
