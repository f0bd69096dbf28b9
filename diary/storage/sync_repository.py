"""Reading a patient's changes in sequence order, for offline sync."""

from __future__ import annotations

import uuid

from sqlmodel import Session, col, select

from diary.storage.tables import AccountRow, EntryRow, InfusionRow


class SyncRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def changes_after(
        self, patient_id: uuid.UUID, cursor: int, limit: int
    ) -> list[EntryRow | InfusionRow]:
        """Up to `limit` changed rows (tombstones included) with a sequence above `cursor`."""
        entries = select(EntryRow).where(
            EntryRow.patient_id == patient_id, col(EntryRow.server_seq) > cursor
        )
        infusions = select(InfusionRow).where(
            InfusionRow.patient_id == patient_id, col(InfusionRow.server_seq) > cursor
        )
        rows: list[EntryRow | InfusionRow] = [
            *self.session.exec(entries.order_by(col(EntryRow.server_seq)).limit(limit)),
            *self.session.exec(infusions.order_by(col(InfusionRow.server_seq)).limit(limit)),
        ]
        rows.sort(key=lambda row: row.server_seq)
        return rows[:limit]

    def lock_patient(self, patient_id: uuid.UUID) -> None:
        """Hold the patient's account row until commit: one push per patient at a time."""
        query = select(AccountRow.id).where(AccountRow.id == patient_id).with_for_update()
        self.session.exec(query).first()
