"""Use cases of the analysis: insights as of a day, open warning flags, acknowledging a flag."""

from __future__ import annotations

import datetime as dt
import uuid

from diary.analysis import Flag, Insights, compute_insights, evaluate_flags
from diary.domain import NotFound
from diary.services.access import ReadAudit
from diary.services.diary import DiaryService
from diary.services.unit_of_work import UnitOfWork


class InsightsService:
    """Reads the diary as it stood at the end of a day and analyses it."""

    def __init__(self, diary: DiaryService) -> None:
        self.diary = diary

    def insights(
        self,
        patient_id: uuid.UUID,
        as_of: dt.date | None = None,
        audit: ReadAudit | None = None,
        since: dt.date | None = None,
    ) -> Insights:
        """The analysis at the end of `as_of` (default today); later rows are not even read,
        nor rows before `since` (a share's window)."""
        day = as_of or self.diary.today_for(patient_id)
        contents = self.diary.contents(patient_id, since, day, audit)
        return compute_insights(contents.entries, contents.infusions, day, self.diary.settings)

    def open_flags(self, patient_id: uuid.UUID, as_of: dt.date | None = None) -> list[Flag]:
        """Flags the patient has not acknowledged yet, most urgent first."""
        flags = self._all_flags(patient_id, as_of)
        with UnitOfWork(self.diary.engine, read_only=True) as uow:
            seen = uow.acknowledgements.acknowledged(patient_id)
        return [flag for flag in flags if (flag.date, flag.rule) not in seen]

    def acknowledge(self, patient_id: uuid.UUID, flag_date: dt.date, rule: str) -> Flag:
        """Store that the patient has seen this flag; it must be one the diary raises."""
        matching = [
            flag
            for flag in self._all_flags(patient_id, None)
            if (flag.date, flag.rule) == (flag_date, rule)
        ]
        if not matching:
            raise NotFound(f"no warning flag {rule!r} on {flag_date.isoformat()}")
        with UnitOfWork(self.diary.engine) as uow:
            uow.acknowledgements.add(patient_id, flag_date, rule, self.diary.clock.now())
        self.diary.notify_changed(patient_id)
        return matching[0]

    def _all_flags(self, patient_id: uuid.UUID, as_of: dt.date | None) -> list[Flag]:
        day = as_of or self.diary.today_for(patient_id)
        contents = self.diary.contents(patient_id, end=day)
        return evaluate_flags(contents.entries, contents.infusions, day, self.diary.settings)
