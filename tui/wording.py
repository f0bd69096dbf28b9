"""How numbers, dates and analysis results read on screen, in the patient's words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from diary.analysis import CourseInsight, Flag, MaintenanceStatus, ResponseClass, Tier

TIER_HEADING: dict[Tier, str] = {
    Tier.EMERGENCY: "EMERGENCY",
    Tier.SAME_DAY: "Contact your clinic today",
    Tier.REVIEW: "Raise at your next appointment",
}
TIER_SHORT: dict[Tier, str] = {
    Tier.EMERGENCY: "emergency",
    Tier.SAME_DAY: "clinic today",
    Tier.REVIEW: "review",
}
RESPONSE_WORDS: dict[ResponseClass, str] = {
    ResponseClass.SUBSTANTIAL: "substantial",
    ResponseClass.RESPONSE: "responded",
    ResponseClass.MINIMAL: "minimal",
    ResponseClass.NONE: "no change",
    ResponseClass.INSUFFICIENT_DATA: "too few days",
}
MAINTENANCE_HEADING: dict[MaintenanceStatus, str] = {
    MaintenanceStatus.NOW: "Worth raising now",
    MaintenanceStatus.SOON: "Worth raising soon",
    MaintenanceStatus.NOT_YET: "Not yet",
    MaintenanceStatus.NOT_APPLICABLE: "Nothing to suggest",
}


def by_urgency(flags: Iterable[Flag]) -> tuple[Flag, ...]:
    """Most urgent tier first, newest first within a tier."""
    tiers = list(Tier)
    newest_first = sorted(flags, key=lambda flag: flag.date, reverse=True)
    return tuple(sorted(newest_first, key=lambda flag: tiers.index(flag.tier)))


def long_day(day: dt.date) -> str:
    """E.g. `Monday 15 June 2026`."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_day(day: dt.date) -> str:
    """E.g. `Mon 15 Jun`."""
    return f"{day:%a} {day.day} {day:%b}"


def number(value: float | None, empty: str = "") -> str:
    """A number without a trailing `.0`; `empty` when not recorded."""
    return empty if value is None else f"{value:g}"


def course_dates(course: CourseInsight) -> str:
    if course.start == course.end:
        return f"{course.start:%d %b %Y}"
    return f"{course.start:%d %b}–{course.end:%d %b %Y}"
