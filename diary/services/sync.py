"""Offline sync for mobile clients: pull changes by cursor, push changes idempotently."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from diary.analysis import Flag
from diary.domain import Conflict, FieldProblem, InvalidInput, parse_entry, parse_infusion
from diary.domain.infusion import Infusion
from diary.services.diary import DiaryService
from diary.services.unit_of_work import UnitOfWork
from diary.storage.repositories import entry_from_row, infusion_from_row
from diary.storage.sync_repository import SyncRepository
from diary.storage.tables import EntryRow, IdempotencyRecordRow, InfusionRow

MAX_PUSH_ITEMS = 500
Table = Literal["entries", "infusions"]
Status = Literal["applied", "duplicate", "conflict", "rejected"]


class PushedChange(BaseModel):
    """One offline change: the row's sync id is its date (entries) or its UUID (infusions)."""

    model_config = ConfigDict(extra="forbid")

    table: Table
    op: Literal["upsert", "delete"]
    id: str = Field(max_length=64)
    base_version: int | None = Field(default=None, ge=0)
    """The server version the device last saw (None or 0 for a row the device created)."""
    data: dict[str, Any] | None = None


class PushRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    changes: list[PushedChange] = Field(max_length=MAX_PUSH_ITEMS)


class ServerChange(BaseModel):
    """A row as the server holds it; `data` is None for a deletion (tombstone)."""

    table: Table
    op: Literal["upsert", "delete"]
    id: str
    version: int
    data: dict[str, Any] | None


class PushResult(BaseModel):
    table: Table
    id: str
    status: Status
    version: int | None = None
    server: ServerChange | None = None
    reason: str | None = None


class StoredPushResults(BaseModel):
    """What the idempotency record keeps of a push: one result per change, in order."""

    results: list[PushResult]


class PushResponse(StoredPushResults):
    """The answer to a push: its results, and the warning flags its entry upserts raised."""

    flags: list[Flag] | None = Field(
        description="Warning flags raised by this push's applied entry upserts (deletes and "
        "infusion changes raise none), most urgent first; worked out again on a replay, so they "
        "reflect the diary at the time of this answer. Null if they could not be worked out "
        "(the changes are stored regardless)."
    )


class PullPage(BaseModel):
    changes: list[ServerChange]
    cursor: int
    has_more: bool


@dataclass
class _Outcome:
    status: Status
    row: EntryRow | InfusionRow | None = None
    reason: str | None = None


def server_change(row: EntryRow | InfusionRow) -> ServerChange:
    if isinstance(row, EntryRow):
        data = None if row.deleted else entry_from_row(row).model_dump(mode="json")
        return ServerChange(
            table="entries",
            op="delete" if row.deleted else "upsert",
            id=row.date.isoformat(),
            version=row.version,
            data=data,
        )
    data = None if row.deleted else infusion_from_row(row).model_dump(mode="json")
    return ServerChange(
        table="infusions",
        op="delete" if row.deleted else "upsert",
        id=str(row.id),
        version=row.version,
        data=data,
    )


class SyncService:
    def __init__(self, engine: Engine, diary: DiaryService) -> None:
        self.engine = engine
        self.diary = diary

    def pull(self, patient_id: uuid.UUID, cursor: int, limit: int) -> PullPage:
        with UnitOfWork(self.engine, read_only=True) as uow:
            rows = SyncRepository(uow.session).changes_after(patient_id, cursor, limit + 1)
        page = rows[:limit]
        next_cursor = page[-1].server_seq if page else cursor
        return PullPage(
            changes=[server_change(row) for row in page],
            cursor=next_cursor,
            has_more=len(rows) > limit,
        )

    def push(self, patient_id: uuid.UUID, key: str, request: PushRequest) -> PushResponse:
        """Apply every change in one transaction; the same key always gets the same results.

        The flags are worked out after the commit, on a replay too, so they are never stored.
        """
        body_hash = hashlib.sha256(
            json.dumps(request.model_dump(mode="json"), sort_keys=True).encode()
        ).hexdigest()
        try:
            pushed = self._push_once(patient_id, key, body_hash, request)
        except IntegrityError:
            replayed = self._replay(patient_id, key, body_hash)
            if replayed is None:
                raise
            return self._answer(patient_id, request, replayed)  # a concurrent retry won
        if any(result.status == "applied" for result in pushed.results):
            self.diary.notify_changed(patient_id)
        return self._answer(patient_id, request, pushed)

    def _push_once(
        self, patient_id: uuid.UUID, key: str, body_hash: str, request: PushRequest
    ) -> StoredPushResults:
        today = self.diary.today_for(patient_id)
        with UnitOfWork(self.engine) as uow:
            SyncRepository(uow.session).lock_patient(patient_id)
            stored = uow.idempotency.get(patient_id, key)
            if stored is not None:
                return _stored_results(stored, body_hash)
            results = [self._apply(uow, patient_id, change, today) for change in request.changes]
            pushed = StoredPushResults(results=results)
            uow.idempotency.add(
                IdempotencyRecordRow(
                    account_id=patient_id,
                    key=key,
                    request_hash=body_hash,
                    response=pushed.model_dump(mode="json"),
                    created_at=self.diary.clock.now(),
                )
            )
            return pushed

    def _replay(self, patient_id: uuid.UUID, key: str, body_hash: str) -> StoredPushResults | None:
        with UnitOfWork(self.engine, read_only=True) as uow:
            stored = uow.idempotency.get(patient_id, key)
        return None if stored is None else _stored_results(stored, body_hash)

    def _answer(
        self, patient_id: uuid.UUID, request: PushRequest, pushed: StoredPushResults
    ) -> PushResponse:
        """The results with the flags of the applied entry upserts, read from the diary now."""
        flags = self.diary.flags_raised(patient_id, _entry_days_saved(request, pushed))
        return PushResponse(results=pushed.results, flags=None if flags is None else list(flags))

    def _apply(
        self, uow: UnitOfWork, patient_id: uuid.UUID, change: PushedChange, today: dt.date
    ) -> PushResult:
        try:
            outcome = (_apply_entry if change.table == "entries" else _apply_infusion)(
                uow, patient_id, change, today, self.diary.clock.now()
            )
        except InvalidInput as error:
            outcome = _Outcome("rejected", reason=str(error))
        row = outcome.row
        server = server_change(row) if row is not None and outcome.status == "conflict" else None
        return PushResult(
            table=change.table,
            id=change.id,
            status=outcome.status,
            version=row.version if row is not None else None,
            server=server,
            reason=outcome.reason,
        )


def _stored_results(stored: IdempotencyRecordRow, body_hash: str) -> StoredPushResults:
    if stored.request_hash != body_hash:
        raise Conflict("this Idempotency-Key was already used for a different push")
    return StoredPushResults.model_validate(stored.response)


def _entry_days_saved(request: PushRequest, pushed: StoredPushResults) -> set[dt.date]:
    """The days of the entry upserts that were applied: the only changes that raise flags."""
    return {
        _entry_day(change.id)
        for change, result in zip(request.changes, pushed.results, strict=True)
        if change.table == "entries" and change.op == "upsert" and result.status == "applied"
    }


def _apply_entry(
    uow: UnitOfWork, patient_id: uuid.UUID, change: PushedChange, today: dt.date, now: dt.datetime
) -> _Outcome:
    day = _entry_day(change.id)
    current = uow.entries.get_with_tombstone(patient_id, day)
    if change.op == "delete":
        if current is None or current.deleted:
            return _Outcome("duplicate", current)
        uow.entries.delete(current, now)
        return _Outcome("applied", current)
    entry = parse_entry({**(change.data or {}), "date": day}, today)
    verdict = _upsert_verdict(
        current, change.base_version, lambda row: entry_from_row(row) == entry
    )
    if verdict is not None:
        return verdict
    row, _ = uow.entries.upsert(patient_id, entry, now)
    return _Outcome("applied", row)


def _apply_infusion(
    uow: UnitOfWork, patient_id: uuid.UUID, change: PushedChange, today: dt.date, now: dt.datetime
) -> _Outcome:
    infusion_id = _infusion_id(change.id)
    current = uow.infusions.get_with_tombstone(patient_id, infusion_id)
    if current is None and uow.infusions.exists_anywhere(infusion_id):
        return _Outcome("rejected", reason="id: is already used")
    if change.op == "delete":
        if current is None or current.deleted:
            return _Outcome("duplicate", current)
        uow.infusions.delete(current, now)
        return _Outcome("applied", current)
    details = parse_infusion({**(change.data or {}), "id": infusion_id})
    if details.date > today:
        return _Outcome("rejected", reason=f"date: must not be in the future (today is {today})")
    verdict = _upsert_verdict(
        current, change.base_version, lambda row: infusion_from_row(row) == details
    )
    if verdict is not None:
        return verdict
    if current is None:
        return _Outcome(
            "applied", uow.infusions.add(patient_id, Infusion(**details.model_dump()), now)
        )
    return _Outcome("applied", uow.infusions.replace(current, details, now))


def _upsert_verdict(current: Any, base_version: int | None, same_data: Any) -> _Outcome | None:
    """Duplicate or conflict for an upsert, or None when it should be applied.

    A deleted row stays deleted unless the device saw the deletion (delete wins over a stale
    edit); a live row changes only from the version the device last saw.
    """
    if current is None:
        return None
    seen = base_version or 0
    if current.deleted:
        return None if seen >= current.version else _Outcome("conflict", current)
    if same_data(current):
        return _Outcome("duplicate", current)
    return None if seen == current.version else _Outcome("conflict", current)


def _entry_day(sync_id: str) -> dt.date:
    try:
        return dt.date.fromisoformat(sync_id)
    except ValueError:
        rule = "must be the entry's date written YYYY-MM-DD"
        raise InvalidInput([FieldProblem("id", rule, sync_id)]) from None


def _infusion_id(sync_id: str) -> uuid.UUID:
    try:
        return uuid.UUID(sync_id)
    except ValueError:
        raise InvalidInput([FieldProblem("id", "must be the infusion's UUID", sync_id)]) from None
