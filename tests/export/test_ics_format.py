"""The calendar reminder: one all-day event on discuss_from, read back with icalendar."""

from __future__ import annotations

import datetime as dt
import uuid

import icalendar

from diary.analysis import Maintenance, MaintenanceStatus
from diary.export.ics_format import SUMMARY, maintenance_calendar

PATIENT = uuid.UUID(int=7)
MADE = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
SOON = Maintenance(
    status=MaintenanceStatus.SOON,
    predicted_relief_end=dt.date(2026, 1, 7),
    discuss_from=dt.date(2025, 12, 31),
    message=(
        "In your earlier courses relief lasted about 21 days, so it may fade around 2026-01-07."
        " You may consider raising a maintenance session with your clinician now."
    ),
)


def test_one_all_day_event_on_discuss_from() -> None:
    content = maintenance_calendar(SOON, PATIENT, MADE)
    assert content is not None
    (event,) = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2025, 12, 31)
    assert event.decoded("dtend") == dt.date(2026, 1, 1)
    assert str(event["summary"]) == SUMMARY == "Raise a maintenance session with your clinician"
    description = str(event["description"])
    assert SOON.message in description
    assert description.count("2026-01-07") == 1  # the message's own, not told twice
    assert "not an appointment" in description
    assert str(event["transp"]) == "TRANSPARENT"


def test_same_suggestion_same_uid_so_a_new_file_updates_the_event() -> None:
    first = maintenance_calendar(SOON, PATIENT, MADE)
    later = maintenance_calendar(SOON, PATIENT, MADE + dt.timedelta(days=2))
    other = maintenance_calendar(SOON, uuid.UUID(int=8), MADE)
    assert first is not None
    assert later is not None
    assert other is not None

    def uid(content: bytes) -> str:
        return str(icalendar.Calendar.from_ical(content).walk("VEVENT")[0]["uid"])

    assert uid(first) == uid(later) != uid(other)


def test_no_event_without_a_day() -> None:
    none_yet = SOON.model_copy(update={"discuss_from": None, "predicted_relief_end": None})
    assert maintenance_calendar(none_yet, PATIENT, MADE) is None
