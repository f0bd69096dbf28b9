"""An infusion: one record per day ketamine was given (design.md §2)."""

from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from diary.domain.days import CalendarDay
from diary.domain.vocabulary import Route

INFUSION_NOTES_MAX_CHARS = 2000


class InfusionDetails(BaseModel):
    """The fields a patient enters for an infusion day."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: CalendarDay
    route: Route = Route.IV
    dose_mg: Annotated[float, Field(gt=0, le=10_000)] | None = None
    duration_min: Annotated[int, Field(gt=0, le=24 * 60)] | None = None
    notes: Annotated[str, Field(max_length=INFUSION_NOTES_MAX_CHARS)] | None = None


class Infusion(InfusionDetails):
    """A stored infusion, identified by a UUID that stays the same across devices and exports."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
