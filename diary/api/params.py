"""Query and path parameters shared by the routes: days are written YYYY-MM-DD, nothing else."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from diary.domain.days import CalendarDay

FromDay = Annotated[CalendarDay | None, Query(alias="from", description="First day, inclusive")]
ToDay = Annotated[CalendarDay | None, Query(alias="to", description="Last day, inclusive")]
AsOf = Annotated[CalendarDay | None, Query(description="Ignore everything after this day")]
