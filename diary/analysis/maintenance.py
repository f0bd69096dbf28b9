"""Maintenance suggestion (design.md §3): when to consider raising a session; never a booking."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from diary.analysis.history import median_relief_days, relief_history
from diary.analysis.models import Maintenance, MaintenanceStatus
from diary.analysis.outcomes import CourseOutcome
from diary.domain.settings import AnalysisSettings

RAISE = "consider raising a maintenance session with your clinician"


@dataclass(frozen=True)
class Prediction:
    """When the latest course's relief may fade, from the patient's own earlier courses."""

    median_days: float
    relief_end: dt.date
    discuss_from: dt.date


def predict_relief_end(
    outcomes: Sequence[CourseOutcome], settings: AnalysisSettings
) -> Prediction | None:
    """Latest course end + the censoring-aware median of the earlier courses' relief."""
    if not outcomes:
        return None
    history = relief_history(outcomes[:-1])[-settings.history_courses :]
    if len(history) < settings.min_history_courses:
        return None
    median = median_relief_days(history)
    if median is None:
        return None
    relief_end = outcomes[-1].course.end + dt.timedelta(days=math.floor(median + 0.5))
    return Prediction(median, relief_end, relief_end - dt.timedelta(days=settings.lead_days))


def suggest_maintenance(
    outcomes: Sequence[CourseOutcome], as_of: dt.date, settings: AnalysisSettings
) -> Maintenance:
    """`now`, `soon`, `not_yet` or `not_applicable`, with a message in plain words."""
    if not outcomes:
        text = "No infusion course is in the diary yet, so there is nothing to suggest."
        return Maintenance(
            status=MaintenanceStatus.NOT_APPLICABLE,
            predicted_relief_end=None,
            discuss_from=None,
            message=text,
        )
    latest = outcomes[-1]
    prediction = predict_relief_end(outcomes, settings)
    if latest.responded is False:
        return _no_response(latest)
    if latest.responded is None:
        return _too_little_data(latest, as_of, prediction, settings)
    if latest.relief_is_over:
        return _relief_over(latest, prediction)
    return _relief_ongoing(as_of, prediction, _relief_seen_until(latest))


def _build(status: MaintenanceStatus, prediction: Prediction | None, text: str) -> Maintenance:
    return Maintenance(
        status=status,
        predicted_relief_end=prediction.relief_end if prediction else None,
        discuss_from=prediction.discuss_from if prediction else None,
        message=text,
    )


def _no_response(latest: CourseOutcome) -> Maintenance:
    text = (
        f"The course that ended on {latest.course.end.isoformat()} did not bring a clear "
        "(30% or 2-point) improvement in your pain. Consider reviewing the treatment "
        "with your clinician."
    )
    return _build(MaintenanceStatus.NOT_APPLICABLE, None, text)


def _too_little_data(
    latest: CourseOutcome, as_of: dt.date, prediction: Prediction | None, s: AnalysisSettings
) -> Maintenance:
    ended = latest.course.end.isoformat()
    if (as_of - latest.course.end).days <= s.response_window_days:
        text = (
            f"It is too early to tell how the course that ended on {ended} is working. "
            "Keep logging your pain every day."
        )
        if prediction is None:
            return _build(MaintenanceStatus.NOT_YET, None, text)
        return _from_history(as_of, prediction, f"{text} ")
    text = (
        f"There are not enough diary entries around the course that ended on {ended} to "
        "judge its effect. Logging pain daily, including the week before a course, helps."
    )
    return _build(MaintenanceStatus.NOT_APPLICABLE, None, text)


def _relief_over(latest: CourseOutcome, prediction: Prediction | None) -> Maintenance:
    relief = latest.relief
    since = ""
    if relief is not None and relief.relief_end is not None:
        since = f" since {dt.date.fromordinal(relief.relief_end).isoformat()}"
    text = (
        f"Your pain has been back above 70% of your baseline{since}: the relief from the "
        f"course that ended on {latest.course.end.isoformat()} seems to have faded. "
        f"You may {RAISE}."
    )
    return _build(MaintenanceStatus.NOW, prediction, text)


def _relief_seen_until(latest: CourseOutcome) -> dt.date | None:
    """The last day the latest course's relief was seen (None when it was never judged)."""
    relief = latest.relief
    if relief is None or relief.seen_until is None:
        return None
    return dt.date.fromordinal(relief.seen_until)


def _relief_ongoing(
    as_of: dt.date, prediction: Prediction | None, seen_until: dt.date | None
) -> Maintenance:
    if prediction is None:
        text = (
            "Your relief is ongoing. Once at least two earlier courses show how long your "
            "relief lasts, the diary can suggest when to talk about a maintenance session."
        )
        return _build(MaintenanceStatus.NOT_YET, None, text)
    return _from_history(as_of, prediction, "", _since_then(prediction, seen_until))


def _since_then(prediction: Prediction, seen_until: dt.date | None) -> str:
    """What the diary shows of relief after the predicted day, once that day has passed."""
    if seen_until is not None and seen_until > prediction.relief_end:
        return "; this time it has lasted longer so far"
    if seen_until is not None:
        return f"; the diary shows relief until {seen_until.isoformat()} and nothing since"
    return ""


def _from_history(
    as_of: dt.date, prediction: Prediction, opening: str, since_then: str = ""
) -> Maintenance:
    """`soon` from `discuss_from` on, `not_yet` before it (design.md §3).

    Once the predicted day has passed, the prediction is told in the past ("would have
    faded"), followed by `since_then`: what the diary shows of relief after that day.
    """
    usual = f"{opening}In your earlier courses relief lasted about {prediction.median_days:g} days"
    fade_day = prediction.relief_end.isoformat()
    if as_of > prediction.relief_end:
        fade = f"so it would have faded around {fade_day}"
        text = f"{usual}, {fade}{since_then}. You may {RAISE} now."
        return _build(MaintenanceStatus.SOON, prediction, text)
    fade = f"so it may fade around {fade_day}"
    if as_of >= prediction.discuss_from:
        text = f"{usual}, {fade}. You may {RAISE} now."
        return _build(MaintenanceStatus.SOON, prediction, text)
    text = f"{usual}, {fade}. From {prediction.discuss_from.isoformat()}, you may {RAISE}."
    return _build(MaintenanceStatus.NOT_YET, prediction, text)
