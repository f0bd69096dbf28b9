"""Query, path and header parameters shared by the routes, and the rule each one's 422 states.

Days are written YYYY-MM-DD, nothing else. `REQUEST_RULES` words the broken rule of every
parameter, of the diary's fields and of the API's own dates and numbers in bodies, keyed by the
name that ends an error's `loc`; errors.py hands it to `rule_text`, so such a 422 never carries
pydantic's wording ("month value is outside expected range").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, get_args

from fastapi import Header, Query

from diary.domain.days import DAY_RULE, CalendarDay
from diary.domain.validation import FIELD_RULES, listed
from diary.export.formats import ExportFormat, PageSize
from diary.services.sync import Table

FromDay = Annotated[CalendarDay | None, Query(alias="from", description="First day, inclusive")]
ToDay = Annotated[CalendarDay | None, Query(alias="to", description="Last day, inclusive")]
AsOf = Annotated[CalendarDay | None, Query(description="Ignore everything after this day")]

MAX_CURSOR = 2**62
MAX_PULL_LIMIT = 1000
MAX_INVITE_DAYS = 30
KEY_CHARS = (8, 200)

Cursor = Annotated[
    int, Query(ge=0, le=MAX_CURSOR, description="From the last pull; 0 the first time")
]
PullLimit = Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)]
IdempotencyKey = Annotated[
    str,
    Header(
        min_length=KEY_CHARS[0],
        max_length=KEY_CHARS[1],
        description="Required: one key per batch (e.g. a UUID), so a retried push applies once",
    ),
]


def _one_of(values: Iterable[str]) -> str:
    return f"must be one of: {listed(values)}"


DAY_PARAMETERS = ("day", "from", "to", "as_of", "ends_on", "visible_from", "visible_to")

PARAMETER_RULES: dict[str, str] = {
    **dict.fromkeys(DAY_PARAMETERS, DAY_RULE),
    **dict.fromkeys(("patient_id", "infusion_id", "share_id"), "must be a UUID"),
    "cursor": f"must be a whole number from 0 to {MAX_CURSOR}: the last pull's (0 the first time)",
    "limit": f"must be a whole number from 1 to {MAX_PULL_LIMIT}",
    "idempotency-key": f"must be {KEY_CHARS[0]} to {KEY_CHARS[1]} characters, one per batch",
    "format": _one_of(ExportFormat),
    "page_size": _one_of(PageSize),
    "valid_days": f"must be a whole number of days from 1 to {MAX_INVITE_DAYS}",
    "table": _one_of(get_args(Table)),
    "op": _one_of(("upsert", "delete")),
    "id": "must be the row's sync id (at most 64 characters): an entry's date, an infusion's UUID",
    "base_version": "must be a whole number, 0 or more (or null for a row the phone created)",
}
REQUEST_RULES: dict[str, str] = {**FIELD_RULES, **PARAMETER_RULES}
