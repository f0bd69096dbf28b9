"""The diary's vocabulary as pydantic models: no storage, web or UI code may be imported here."""

from diary.domain.clock import Clock, FixedClock, SystemClock
from diary.domain.courses import Course, group_into_courses
from diary.domain.entry import BLADDER_FIELDS, SCORE_FIELDS, DailyEntry
from diary.domain.errors import DiaryError, FieldProblem, InvalidInput, NotFound
from diary.domain.infusion import Infusion, InfusionDetails
from diary.domain.validation import check_not_in_future, parse_entry, parse_infusion
from diary.domain.vocabulary import BloodInUrine, Role, Route, WarningSign

__all__ = [
    "BLADDER_FIELDS",
    "SCORE_FIELDS",
    "BloodInUrine",
    "Clock",
    "Course",
    "DailyEntry",
    "DiaryError",
    "FieldProblem",
    "FixedClock",
    "Infusion",
    "InfusionDetails",
    "InvalidInput",
    "NotFound",
    "Role",
    "Route",
    "SystemClock",
    "WarningSign",
    "check_not_in_future",
    "group_into_courses",
    "parse_entry",
    "parse_infusion",
]
