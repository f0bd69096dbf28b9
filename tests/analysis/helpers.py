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


# Two random diaries on which a later course once moved an earlier course's relief end
# (docs/analysis.md, Relief end): (scores, infusion days, the last of them the later
# course, as_of).
NO_RELIEF_THEN_BOOSTER = ([
    (0, 7), (2, 7), (3, 8), (5, 7), (6, 10), (7, 10), (8, 7), (9, 9), (10, 8), (12, 7),
    (13, 8), (14, 7), (15, 10), (17, 10), (18, 8), (19, 4), (20, 5), (21, 7), (25, 8),
    (27, 10), (28, 7), (29, 9), (31, 5), (32, 10), (33, 9), (39, 8), (41, 8),
    (43, 10), (44, 8), (45, 10), (46, 7), (48, 8), (50, 9), (51, 8), (52, 8), (56, 5),
], (15, 16, 17, 31), 57)  # fmt: skip
SHALLOW_RELIEF_THEN_BOOSTER = ([
    (0, 7), (2, 7), (3, 7), (5, 7), (6, 7), (7, 7), (8, 7), (9, 7), (10, 7), (11, 7),
    (13, 7), (14, 3), (16, 4), (17, 7), (18, 6), (19, 6), (21, 7), (22, 7), (25, 4),
    (26, 7), (27, 7), (28, 6), (33, 3), (34, 7), (35, 6), (36, 5), (38, 7), (39, 7), (41, 7),
], (11, 12, 25), 43)  # fmt: skip
