"""A calendar day as the diary accepts it: a date, or text written exactly YYYY-MM-DD.

Pydantic on its own would also read `0` as 1970-01-01 (a Unix time) and a timestamp as its
day; in a diary such input is a mistake, not a date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DAY_RULE = "must be a date written YYYY-MM-DD"


def _only_iso_days(value: object) -> object:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return value
    raise ValueError(DAY_RULE)


CalendarDay = Annotated[dt.date, BeforeValidator(_only_iso_days)]
