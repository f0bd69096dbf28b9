"""Small builders for analysis tests."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from typing import Any

from diary.domain import DailyEntry, Infusion

DAY0 = dt.date(2024, 1, 1)


def day(offset: int) -> dt.date:
    return DAY0 + dt.timedelta(days=offset)


def entry(offset: int, pain: int, **fields: Any) -> DailyEntry:
    return DailyEntry(date=day(offset), pain=pain, **fields)


def entries_from(pains: Iterable[tuple[int, int]]) -> list[DailyEntry]:
    return [entry(offset, pain) for offset, pain in pains]


def infusions_on(*offsets: int) -> list[Infusion]:
    return [Infusion(id=uuid.UUID(int=offset + 1), date=day(offset)) for offset in offsets]
