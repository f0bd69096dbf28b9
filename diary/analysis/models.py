"""What the analysis hands out: the `diary insights --json` document of design.md §4.

`Insights.model_dump(mode="json")` is exactly that document; nothing here is computed.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict


class ResponseClass(StrEnum):
    """IMMPACT class of a course's best improvement (Dworkin et al. 2008)."""

    SUBSTANTIAL = "substantial"
    RESPONSE = "response"
    MINIMAL = "minimal"
    NONE = "none"
    INSUFFICIENT_DATA = "insufficient_data"


class Tier(StrEnum):
    """How soon a warning flag needs action."""

    EMERGENCY = "emergency"
    """Call emergency services now."""
    SAME_DAY = "same_day"
    """Contact the clinic today."""
    REVIEW = "review"
    """Raise at the next appointment."""


TIER_ORDER: dict[Tier, int] = {Tier.EMERGENCY: 0, Tier.SAME_DAY: 1, Tier.REVIEW: 2}


class MaintenanceStatus(StrEnum):
    """Whether to bring up a maintenance session with the clinician (a suggestion only)."""

    NOW = "now"
    SOON = "soon"
    NOT_YET = "not_yet"
    NOT_APPLICABLE = "not_applicable"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


_Model = TypeVar("_Model", bound=_Frozen)
_set = object.__setattr__


def trusted(model: type[_Model], **fields: Any) -> _Model:
    """`model(**fields)` without validating the values: for values the analysis computed
    itself, already of the field types (validating them again was a tenth of the analysis).

    Every field must be given, in declaration order (the order `repr` shows). This is what
    `model_construct` does when every field is given (these models have no aliases,
    defaults, private attributes or post-init), without its per-field alias and default
    handling, which makes it slower than validating.
    """
    instance = model.__new__(model)
    _set(instance, "__dict__", fields)
    _set(instance, "__pydantic_fields_set__", set(fields))
    _set(instance, "__pydantic_extra__", None)
    _set(instance, "__pydantic_private__", None)
    return instance


class CourseInsight(_Frozen):
    """One infusion course and what the diary shows about its relief."""

    start: dt.date
    end: dt.date
    infusions: int
    """Number of infusion days in the course."""
    baseline_pain: float | None
    """Mean pain before the course, 1 decimal; None when there were too few entries."""
    best_pain: float | None
    """Best (lowest) underlying pain in days 1–14 after the course, 1 decimal."""
    best_relief_pct: int | None
    """How much lower than baseline the best underlying pain was, whole percent."""
    response: ResponseClass
    responded: bool | None
    """True for `response`/`substantial`, False for `minimal`/`none`, None when unknown."""
    relief_end: dt.date | None
    """First day the underlying pain was back above 70% of baseline and stayed there."""
    relief_days: int | None
    """relief_end − end; when censored, the number of days relief was seen to last at least."""
    censored: bool
    ongoing: bool
    """Nothing after this course yet and its relief has not been seen to end."""

    @property
    def relief_days_known(self) -> bool:
        """Is there a number of relief days to show? Not when unjudged, nor when censored at
        0 days (a course that just ended, or relief hidden by unlogged days after it): "at
        least 0 days" says nothing, so interfaces show "ongoing" or "unknown" instead."""
        return self.relief_days is not None and (self.relief_days > 0 or not self.censored)


class Maintenance(_Frozen):
    """The maintenance suggestion: when to consider raising a session with the clinician."""

    status: MaintenanceStatus
    predicted_relief_end: dt.date | None
    discuss_from: dt.date | None
    message: str


class Flag(_Frozen):
    """A warning sign found in the diary, with what to do about it in plain words."""

    date: dt.date
    tier: Tier
    rule: str
    message: str

    @property
    def key(self) -> str:
        """Stable identity for storing an acknowledgement, e.g. `2024-05-03:same_day.blood`."""
        return f"{self.date.isoformat()}:{self.rule}"


class Insights(_Frozen):
    """The whole analysis of a diary as it stood at the end of `as_of`."""

    as_of: dt.date
    courses: tuple[CourseInsight, ...]
    relief_days_median: float | None
    maintenance: Maintenance
    flags: tuple[Flag, ...]
