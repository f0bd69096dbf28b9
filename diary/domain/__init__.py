"""The diary's vocabulary as pydantic models: no storage, web or UI code may be imported here."""

from diary.domain.account import Account
from diary.domain.clock import Clock, FixedClock, SystemClock
from diary.domain.courses import Course, group_into_courses
from diary.domain.entry import BLADDER_FIELDS, SCORE_FIELDS, DailyEntry, EntryFields
from diary.domain.errors import (
    Conflict,
    DiaryError,
    FieldProblem,
    Forbidden,
    InvalidInput,
    NotFound,
    StaleVersion,
    TooManyAttempts,
    Unauthenticated,
)
from diary.domain.infusion import Infusion, InfusionDetails
from diary.domain.validation import check_not_in_future, parse_entry, parse_infusion
from diary.domain.vocabulary import BloodInUrine, Role, Route, WarningSign

__all__ = [
    "BLADDER_FIELDS",
    "SCORE_FIELDS",
    "Account",
    "BloodInUrine",
    "Clock",
    "Conflict",
    "Course",
    "DailyEntry",
    "DiaryError",
    "EntryFields",
    "FieldProblem",
    "FixedClock",
    "Forbidden",
    "Infusion",
    "InfusionDetails",
    "InvalidInput",
    "NotFound",
    "Role",
    "Route",
    "StaleVersion",
    "SystemClock",
    "TooManyAttempts",
    "Unauthenticated",
    "WarningSign",
    "check_not_in_future",
    "group_into_courses",
    "parse_entry",
    "parse_infusion",
]
