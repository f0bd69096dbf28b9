"""Sync push answers through the service: flags on the path where a concurrent retry won."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy.exc import IntegrityError

from diary.analysis import Tier
from diary.factory import Diary
from diary.services.sync import PushedChange, PushRequest

DAY = dt.date(2026, 6, 1)


def red_urine_push() -> PushRequest:
    data = {"pain": 4, "blood_in_urine": "red"}
    change = PushedChange(table="entries", op="upsert", id=DAY.isoformat(), data=data)
    return PushRequest(changes=[change])


def test_retry_that_lost_the_race_replays_results_with_flags(
    diary: Diary, patient: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: the retry's insert of the key fails because the first push committed."""
    first = diary.sync.push(patient, "phone-1-batch-0001", red_urine_push())

    def lost_race(*_args: object) -> None:
        raise IntegrityError("INSERT INTO idempotency_records", {}, Exception("unique key"))

    monkeypatch.setattr(diary.sync, "_push_once", lost_race)
    again = diary.sync.push(patient, "phone-1-batch-0001", red_urine_push())
    assert again == first
    assert again.flags is not None
    assert [(f.date, f.tier) for f in again.flags] == [(DAY, Tier.SAME_DAY)]
