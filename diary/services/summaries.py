"""What a clinician's list of shared patients shows, kept ready so the list is one query."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from diary.analysis import MaintenanceStatus, Tier
from diary.domain import Account, Forbidden, Role
from diary.domain.sharing import SharedPatient
from diary.services.insights import InsightsService
from diary.services.unit_of_work import UnitOfWork
from diary.storage.sharing_tables import PatientSummaryRow, ShareRow
from diary.storage.tables import AccountRow

ATTENTION_ORDER = {"now": 0, "soon": 1, "not_yet": 2, "not_applicable": 3}


class SummaryService:
    def __init__(self, insights: InsightsService) -> None:
        self.insights = insights
        self.diary = insights.diary

    def forget(self, patient_id: uuid.UUID) -> None:
        """Drop the patient's summary after a change; the next clinician list recomputes it.

        Phones write often and clinicians list rarely, so the work is done on reading.
        """
        with UnitOfWork(self.diary.engine) as uow:
            uow.summaries.drop(patient_id)

    def _summarise(
        self, patient_id: uuid.UUID, since: dt.date | None, until: dt.date | None
    ) -> PatientSummaryRow:
        today = self.diary.today_for(patient_id)
        as_of = min(today, until) if until else today
        insights = self.insights.insights(patient_id, as_of, since=since)
        latest = self.diary.list_entries(patient_id, as_of - dt.timedelta(days=400), as_of)
        flags = [
            f for f in self.insights.open_flags(patient_id, as_of) if not since or f.date >= since
        ]
        count = {tier: sum(1 for f in flags if f.tier is tier) for tier in Tier}
        if since:
            latest = [entry for entry in latest if entry.date >= since]
        return PatientSummaryRow(
            patient_id=patient_id,
            latest_entry_date=latest[-1].date if latest else None,
            latest_pain=latest[-1].pain if latest else None,
            open_emergency=count[Tier.EMERGENCY],
            open_same_day=count[Tier.SAME_DAY],
            open_review=count[Tier.REVIEW],
            maintenance_status=insights.maintenance.status.value,
            predicted_relief_end=insights.maintenance.predicted_relief_end,
            discuss_from=insights.maintenance.discuss_from,
            computed_at=self.diary.clock.now(),
        )

    def shared_patients(self, clinician: Account) -> list[SharedPatient]:
        """The clinician's shared patients, those needing attention first."""
        if clinician.role is not Role.CLINICIAN:
            raise Forbidden("only a clinician has shared patients")
        with UnitOfWork(self.diary.engine, read_only=True) as uow:
            shares = uow.shares.active(self.diary.clock.now(), clinician.id)
            summaries = uow.summaries.of_patients([share.patient_id for share in shares])
            accounts = uow.accounts.many([share.patient_id for share in shares])
        self._fill_missing(shares, summaries)
        listed = [
            self._listed(share, summaries[share.patient_id], accounts[share.patient_id])
            for share in shares
        ]
        return sorted(listed, key=_attention)

    def _fill_missing(
        self, shares: Sequence[ShareRow], summaries: dict[uuid.UUID, PatientSummaryRow]
    ) -> None:
        """Compute and keep the summaries not made yet (a patient shared before any change)."""
        missing = {share.patient_id for share in shares} - summaries.keys()
        made = {patient: self._summarise(patient, None, None) for patient in missing}
        if made:
            with UnitOfWork(self.diary.engine) as uow:
                for summary in made.values():
                    uow.summaries.put(summary)
            summaries.update(made)

    def _listed(
        self, share: ShareRow, summary: PatientSummaryRow, account: AccountRow
    ) -> SharedPatient:
        if share.visible_from or share.visible_to:
            summary = self._summarise(share.patient_id, share.visible_from, share.visible_to)
        return SharedPatient(
            patient_id=share.patient_id,
            name=account.name,
            share_id=share.id,
            shared_since=share.accepted_at or share.created_at,
            latest_entry_date=summary.latest_entry_date,
            latest_pain=summary.latest_pain,
            open_flags={
                "emergency": summary.open_emergency,
                "same_day": summary.open_same_day,
                "review": summary.open_review,
            },
            maintenance_status=self._status_today(summary, account.timezone),
            discuss_from=summary.discuss_from,
        )

    def _status_today(self, summary: PatientSummaryRow, zone: str | None) -> str:
        """`not_yet` turns into `soon` on its own once the discussion date comes."""
        status = summary.maintenance_status
        now = self.diary.clock.now()
        today = now.astimezone(ZoneInfo(zone)).date() if zone else self.diary.clock.today()
        due = summary.discuss_from is not None and summary.discuss_from <= today
        if status == MaintenanceStatus.NOT_YET and due:
            return MaintenanceStatus.SOON.value
        return status


def _attention(patient: SharedPatient) -> tuple[int, int, int, int, str]:
    return (
        -patient.open_flags["emergency"],
        -patient.open_flags["same_day"],
        ATTENTION_ORDER.get(patient.maintenance_status, 9),
        -patient.open_flags["review"],
        patient.name.lower(),
    )
