"""The words of the appointment summary, shared by the PDF and the Markdown summary.

Numbers from the analysis are printed as `diary insights --json` holds them: baselines and
best pain to 1 decimal, relief in whole days, the typical relief to 1 decimal, dates as
YYYY-MM-DD. The diary suggests what to discuss; it never says "you need" or "book".
"""

from __future__ import annotations

import datetime as dt

from diary.analysis import CourseInsight, Maintenance, MaintenanceStatus, ResponseClass, Tier
from diary.export.counts_words import days_text
from diary.export.summary import AppointmentSummary, ReliefRange
from diary.export.summary_counts import Mean, Symptom

TITLE = "Ketamine infusion diary: appointment summary"
DISCLAIMER = (
    "Written by the patient in their own diary; the figures are worked out by the diary "
    "software. Suggestions to discuss, never medical advice: the clinician decides."
)
NOT_RECORDED = "–"
TIER_LABEL = {Tier.EMERGENCY: "emergency", Tier.SAME_DAY: "same day", Tier.REVIEW: "review"}
TIER_ACTION = {
    Tier.EMERGENCY: "call emergency services",
    Tier.SAME_DAY: "contact the clinic the same day",
    Tier.REVIEW: "raise at the next appointment",
}
RESPONSE_LABEL = {
    ResponseClass.SUBSTANTIAL: "substantial",
    ResponseClass.RESPONSE: "response",
    ResponseClass.MINIMAL: "minimal",
    ResponseClass.NONE: "none",
    ResponseClass.INSUFFICIENT_DATA: "not enough data",
}
MAINTENANCE_LABEL = {
    MaintenanceStatus.NOW: "consider raising a maintenance session now",
    MaintenanceStatus.SOON: "consider raising a maintenance session soon",
    MaintenanceStatus.NOT_YET: "not yet",
    MaintenanceStatus.NOT_APPLICABLE: "no suggestion",
}


def day(value: dt.date | None) -> str:
    return NOT_RECORDED if value is None else value.isoformat()


def one_decimal(value: float | None) -> str:
    return NOT_RECORDED if value is None else f"{value:.1f}"


def whole(value: int | None) -> str:
    return NOT_RECORDED if value is None else str(value)


def milligrams(value: float | None) -> str:
    return NOT_RECORDED if value is None else f"{value:g} mg"


def rule_label(rule: str) -> str:
    """`same_day.blood_in_urine` → `blood in urine`."""
    return rule.partition(".")[2].replace("_", " ")


def relief_text(course: CourseInsight) -> str:
    """Relief days as the analysis gives them: "21 days", "at least 16 days (ongoing)"."""
    if course.relief_days is None:
        return "not judged" if course.response is ResponseClass.INSUFFICIENT_DATA else "none"
    if not course.relief_days_known:
        return "not known yet (ongoing)" if course.ongoing else "not known"
    days = days_text(course.relief_days)
    if not course.censored:
        return days
    return f"at least {days}" + (" (ongoing)" if course.ongoing else "")


def maintenance_text(maintenance: Maintenance) -> str:
    """Status and dates in a few words, e.g. "not yet (worth raising from 2024-06-03)"."""
    text = MAINTENANCE_LABEL[maintenance.status]
    dates = []
    if maintenance.discuss_from is not None and maintenance.status is not MaintenanceStatus.NOW:
        dates.append(f"worth raising from {day(maintenance.discuss_from)}")
    if maintenance.predicted_relief_end is not None:
        # "predicted": true whether that day is still ahead or already past
        dates.append(f"relief predicted to fade around {day(maintenance.predicted_relief_end)}")
    return f"{text} ({'; '.join(dates)})" if dates else text


def open_flags_text(counts: dict[Tier, int]) -> str:
    if not any(counts.values()):
        return "No open warning flags"
    shown = ", ".join(f"{counts[tier]} {TIER_LABEL[tier]}" for tier in Tier)
    return f"Open warning flags: {shown}"


def current_picture(summary: AppointmentSummary) -> str:
    """The one line a clinician reads first."""
    maintenance = maintenance_text(summary.insights.maintenance)
    return f"Maintenance: {maintenance}. {open_flags_text(summary.open_flags_by_tier)}."


def typical_relief(summary: AppointmentSummary) -> str:
    median = summary.insights.relief_days_median
    spread = summary.relief_range
    if spread is None:
        return "Typical relief: no course has responded yet, so there is no relief history."
    if median is None:
        middle = "not known yet (more than half of these reliefs had not ended)"
    else:
        middle = f"{median:.1f} days (median)"
    return f"Typical relief after a course: {middle}; {_range_text(spread)}."


def _range_text(spread: ReliefRange) -> str:
    plural = "s" if spread.courses != 1 else ""
    if spread.courses == 1:
        return f"from 1 responding course: {relief_text(spread.shortest)}"
    shortest, longest = relief_text(spread.shortest), relief_text(spread.longest)
    courses = f"{spread.courses} responding course{plural}"
    return f"shortest {shortest}, longest {longest}, over {courses}"


def mean_text(mean: Mean | None, unit: str = "") -> str:
    """ "5.7/10 (314 days)": a mean and how many days recorded the value."""
    if mean is None:
        return "not recorded"
    return f"{mean.value:.1f}{unit} ({days_text(mean.days)})"


def averages_lines(summary: AppointmentSummary) -> list[str]:
    averages = summary.averages
    return [
        f"Pain: {mean_text(averages.pain, '/10')}",
        f"Mood (10 very good): {mean_text(averages.mood, '/10')}",
        f"Sleep: {mean_text(averages.sleep_hours, ' h a night')}",
        f"Sleep quality (10 excellent): {mean_text(averages.sleep_quality, '/10')}",
    ]


def rescue_lines(summary: AppointmentSummary) -> list[str]:
    """Rescue doses a day before courses against after them (pooled over the courses)."""
    if summary.rescue_before is None and summary.rescue_after is None:
        return ["Rescue medication: not recorded around the courses."]
    return [
        f"Week before courses: {mean_text(summary.rescue_before, ' doses a day')}",
        f"Days 1–14 after: {mean_text(summary.rescue_after, ' doses a day')}",
    ]


def completeness_lines(summary: AppointmentSummary) -> list[str]:
    done = summary.completeness
    if done.share_logged is None:
        return ["No days in this period."]
    lines = [f"Days logged: {done.days_logged} of {done.days_in_period} ({done.share_logged:.0%})"]
    if done.longest_gap_days:
        gap = f"{day(done.longest_gap_start)} to {day(done.longest_gap_end)}"
        lines.append(f"Longest gap: {days_text(done.longest_gap_days)} ({gap})")
    else:
        lines.append("Longest gap: none, every day logged")
    return lines


def side_effect_lines(summary: AppointmentSummary) -> list[str]:
    effects = summary.side_effects
    lines = [
        f"Dissociation (not a validated scale): {_symptom_text(effects.dissociation)}",
        f"Nausea: {_symptom_text(effects.nausea)}; vomiting on {days_text(effects.vomiting_days)}",
        f"Bladder (highest of the four scores): {_symptom_text(effects.bladder)}",
        f"Blood in urine on {days_text(effects.blood_in_urine_days)} "
        f"({effects.visible_blood_days} red or clots); unable to urinate on "
        f"{days_text(effects.unable_to_urinate_days)}",
        f"Hallucinations on {days_text(effects.hallucination_days)}; warning signs ticked on "
        f"{days_text(effects.warning_sign_days)}",
    ]
    return [*lines, bladder_trend(summary)]


def _symptom_text(symptom: Symptom) -> str:
    if symptom.worst is None:
        return "not recorded"
    return f"worst {symptom.worst}/10, 4 or more on {days_text(symptom.moderate_days)}"


def bladder_trend(summary: AppointmentSummary) -> str:
    """Bladder scores course by course, called out when the analysis flagged a rise."""
    averages = [row.side_effects.bladder_average for row in summary.courses]
    heading = "Bladder trend by course (mean of each day's highest score)"
    if not summary.courses:
        return f"{heading}: no courses"
    if all(value is None for value in averages):
        return f"{heading}: not recorded"
    shown = " → ".join(one_decimal(value) for value in averages)
    verdict = (
        "RISING across courses (review flag raised)"
        if summary.bladder_rising
        else "no steady rise across courses"
    )
    return f"{heading}: {shown}: {verdict}"
