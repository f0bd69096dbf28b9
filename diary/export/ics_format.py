"""A calendar file (iCalendar, RFC 5545) reminding the patient to raise maintenance.

One all-day event on the maintenance suggestion's `discuss_from` day. It is a reminder to
bring the subject up, never an appointment: the event is marked free time (TRANSP), and its
text says so.
"""

from __future__ import annotations

import datetime as dt
import uuid

import icalendar

from diary.analysis import Maintenance
from diary.export.fhir_codes import DIARY_IDS

SUMMARY = "Raise a maintenance session with your clinician"
PRODUCT_ID = "-//ketamine-diary//appointment summary//EN"
NAMESPACE = uuid.UUID(DIARY_IDS.removeprefix("urn:uuid:"))


def maintenance_calendar(
    maintenance: Maintenance, patient_id: uuid.UUID, made_at: dt.datetime
) -> bytes | None:
    """The .ics file's bytes, or None when the analysis gives no day to start discussing."""
    day = maintenance.discuss_from
    if day is None:
        return None
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add_component(_event(maintenance, day, patient_id, made_at))
    content: bytes = calendar.to_ical()
    return content


def _event(
    maintenance: Maintenance, day: dt.date, patient_id: uuid.UUID, made_at: dt.datetime
) -> icalendar.Event:
    event = icalendar.Event()
    # The same suggestion keeps the same UID, so importing a newer file updates the event.
    event.add("uid", f"{uuid.uuid5(NAMESPACE, f'{patient_id}/maintenance/{day}')}@ketamine-diary")
    event.add("dtstamp", made_at.astimezone(dt.UTC))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", SUMMARY)
    event.add("description", _description(maintenance))
    event.add("transp", "TRANSPARENT")
    return event


def _description(maintenance: Maintenance) -> str:
    lines = [maintenance.message]  # it gives the predicted day, in the right tense
    lines.append(
        "This is a reminder from your pain diary to bring the subject up; it is not an "
        "appointment and not medical advice. Your clinician decides."
    )
    return "\n\n".join(lines)
