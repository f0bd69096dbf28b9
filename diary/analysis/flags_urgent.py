"""Emergency and same-day flags: each is raised by a single day's entry (design.md §3).

Tiers follow CTCAE grading in spirit (grade 3 or worse, or a sign of organ injury, means act
today; life-threatening signs mean call emergency services). Thresholds are settings; the
wording must be signed off by the clinicians who use the diary.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from diary.analysis.models import Flag, Tier
from diary.domain.entry import DailyEntry
from diary.domain.settings import AnalysisSettings
from diary.domain.vocabulary import BloodInUrine, WarningSign

CALL_EMERGENCY = (
    "Call emergency services now (for example 911 in the US and Canada, 112 in the EU, "
    "999 in the UK). "
)
CRISIS_LINE = (
    "If you are in crisis or thinking about harming yourself, you can also call or text a "
    "crisis line: 988 in the US, Samaritans 116 123 in the UK and Ireland, or your local one."
)
CONTACT_CLINIC = "Please contact your clinic or doctor today."

EMERGENCY_SIGNS: dict[WarningSign, str] = {
    WarningSign.CHEST_PAIN: "chest pain",
    WarningSign.SHORTNESS_OF_BREATH: "shortness of breath",
    WarningSign.FAINTING: "fainting",
    WarningSign.SEIZURE: "a seizure",
    WarningSign.CONFUSION: "confusion",
    WarningSign.SELF_HARM_THOUGHTS: "thoughts of harming yourself",
}
LIVER_SIGNS: dict[WarningSign, str] = {
    WarningSign.YELLOW_SKIN_OR_EYES: "yellow skin or eyes",
    WarningSign.DARK_URINE: "dark urine",
    WarningSign.PALE_STOOLS: "pale stools",
}
VISIBLE_BLOOD = (BloodInUrine.RED, BloodInUrine.CLOTS)


def may_be_urgent(entry: DailyEntry, severe: int) -> bool:
    """A cheap first look: False means the entry cannot raise an emergency or same-day flag."""
    return bool(
        entry.warning_signs
        or entry.unable_to_urinate
        or entry.hallucinations
        or entry.blood_in_urine in VISIBLE_BLOOD
        or (entry.urination_pain or 0) >= severe
        or (entry.bladder_pain or 0) >= severe
        or (entry.dissociation or 0) >= severe
        or (entry.nausea or 0) >= severe
    )


def urgent_flags(
    entry: DailyEntry, infusion_days: tuple[int, ...], settings: AnalysisSettings
) -> Iterator[Flag]:
    """The emergency and same-day flags raised by one day's entry."""
    if not may_be_urgent(entry, settings.severe_score):
        return
    yield from _emergency(entry)
    yield from _bladder(entry, settings)
    yield from _liver(entry, infusion_days, settings)
    yield from _mind(entry, infusion_days, settings)
    if (
        entry.nausea is not None
        and entry.nausea >= settings.severe_score
        and (entry.vomiting or 0) >= settings.vomiting_episodes
    ):
        text = f"severe nausea with {entry.vomiting} episodes of vomiting"
        yield _same_day(entry, "nausea_vomiting", text)


def _emergency(entry: DailyEntry) -> Iterator[Flag]:
    for sign in entry.warning_signs:
        label = EMERGENCY_SIGNS.get(sign)
        if label is not None:
            message = f"You recorded {label} on {entry.date.isoformat()}. {CALL_EMERGENCY}"
            yield Flag(
                date=entry.date,
                tier=Tier.EMERGENCY,
                rule=f"emergency.{sign.value}",
                message=message + CRISIS_LINE,
            )


def _same_day(entry: DailyEntry, rule: str, what: str) -> Flag:
    message = f"You recorded {what} on {entry.date.isoformat()}. {CONTACT_CLINIC}"
    return Flag(date=entry.date, tier=Tier.SAME_DAY, rule=f"same_day.{rule}", message=message)


def _bladder(entry: DailyEntry, settings: AnalysisSettings) -> Iterator[Flag]:
    """Visible blood, retention and severe bladder pain can mean ketamine bladder injury."""
    if entry.blood_in_urine in VISIBLE_BLOOD:
        what = (
            "blood clots in your urine"
            if entry.blood_in_urine is BloodInUrine.CLOTS
            else ("red blood in your urine")
        )
        yield _same_day(entry, "blood_in_urine", what)
    if entry.unable_to_urinate:
        yield _same_day(entry, "unable_to_urinate", "that you were unable to pass urine")
    if entry.urination_pain is not None and entry.urination_pain >= settings.severe_score:
        yield _same_day(entry, "urination_pain", f"pain passing urine of {entry.urination_pain}/10")
    if entry.bladder_pain is not None and entry.bladder_pain >= settings.severe_score:
        yield _same_day(entry, "bladder_pain", f"bladder pain of {entry.bladder_pain}/10")


def _liver(
    entry: DailyEntry, infusion_days: tuple[int, ...], settings: AnalysisSettings
) -> Iterator[Flag]:
    """Signs that the liver or bile ducts may be affected."""
    for sign in entry.warning_signs:
        label = LIVER_SIGNS.get(sign)
        if label is not None:
            yield _same_day(entry, sign.value, label)
    if WarningSign.UPPER_ABDOMINAL_PAIN in entry.warning_signs:
        since = _days_since_infusion(entry.date.toordinal(), infusion_days)
        if since is not None and since <= settings.upper_abdominal_pain_days:
            what = f"upper abdominal pain {since} days after an infusion"
            yield _same_day(entry, "upper_abdominal_pain", what)


def _mind(
    entry: DailyEntry, infusion_days: tuple[int, ...], settings: AnalysisSettings
) -> Iterator[Flag]:
    """Hallucinations or strong dissociation that outlast the infusion day and the day after."""
    hallucinated = bool(entry.hallucinations)
    dissociated = entry.dissociation is not None and entry.dissociation >= settings.severe_score
    if not (hallucinated or dissociated):
        return
    since = _days_since_infusion(entry.date.toordinal(), infusion_days)
    if since is not None and since <= 1:
        return
    if hallucinated:
        yield _same_day(entry, "hallucinations", "seeing or hearing things others didn't")
    if dissociated:
        what = f"feeling detached or unreal at {entry.dissociation}/10"
        yield _same_day(entry, "dissociation", what)


def _days_since_infusion(day: int, infusion_days: tuple[int, ...]) -> int | None:
    """Days since the latest infusion on or before `day`; None if there was none."""
    index = bisect_right(infusion_days, day) - 1
    return day - infusion_days[index] if index >= 0 else None
