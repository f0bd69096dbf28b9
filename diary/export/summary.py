"""The appointment summary: what the PDF and the Markdown summary show, built from domain objects.

Every number of the analysis (baseline, best pain, relief, response, typical relief,
maintenance, flags) is copied from the `Insights` object, never worked out again, so the
summary always agrees with `diary insights --json` for the same diary and day. What the
analysis does not provide (side effects per course, averages, completeness) is counted here
from the entries, by the rules written next to each count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from diary.analysis import CourseInsight, Flag, Insights, Tier
from diary.analysis.models import TIER_ORDER
from diary.domain import DailyEntry, Infusion
from diary.domain.settings import AnalysisSettings
from diary.export.summary_counts import (
    Completeness,
    CourseSideEffects,
    DailyAverages,
    Mean,
    SideEffectDays,
    completeness,
    course_side_effects,
    daily_averages,
    side_effect_days,
)

BLADDER_RISING_RULE = "review.bladder_rising"


@dataclass(frozen=True)
class Period:
    """The days a summary covers, both ends included (empty when `start` is after `end`)."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return max(0, (self.end - self.start).days + 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


@dataclass(frozen=True)
class CourseRow:
    """One course as the summary's course table shows it: the analysis plus what was logged."""

    number: int
    """1 for the first course in the diary (the same number in the chart and the table)."""
    insight: CourseInsight
    period_last: dt.date
    """Last day of the course's period: the day before the next course, or the analysis day."""
    total_dose_mg: float | None
    relief_line: float | None
    """70% (the setting) of the shown baseline: pain above it means relief has gone."""
    side_effects: CourseSideEffects


@dataclass(frozen=True)
class FlagLine:
    """A warning flag of the period, whether the patient has marked it as seen, their note."""

    flag: Flag
    is_open: bool
    note: str | None


@dataclass(frozen=True)
class ReliefRange:
    """Shortest and longest relief of the courses behind the typical (median) relief."""

    courses: int
    shortest: CourseInsight
    longest: CourseInsight


@dataclass(frozen=True)
class AppointmentSummary:
    """Everything on the appointment summary, ready to be laid out."""

    patient_name: str
    period: Period
    insights: Insights
    courses: tuple[CourseRow, ...]
    relief_range: ReliefRange | None
    open_flags_by_tier: dict[Tier, int]
    flags: tuple[FlagLine, ...]
    bladder_rising: bool
    side_effects: SideEffectDays
    averages: DailyAverages
    rescue_before: Mean | None
    rescue_after: Mean | None
    completeness: Completeness
    entries: tuple[DailyEntry, ...]
    infusions: tuple[Infusion, ...]
    relief_fraction: float


def build_summary(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    insights: Insights,
    patient_name: str,
    period: Period,
    open_flag_keys: Collection[str] | None = None,
    settings: AnalysisSettings | None = None,
    today: dt.date | None = None,
) -> AppointmentSummary:
    """The summary of `period` from the whole diary up to `insights.as_of`.

    `entries` and `infusions` may reach before the period (the analysis needs them); only the
    period's days are listed. `open_flag_keys` are the keys of flags not yet marked as seen
    (default: every flag is open). `today`, the patient's today, is not counted as missed
    while it is not logged yet.
    """
    rules = settings or AnalysisSettings()
    shown = tuple(entry for entry in entries if entry.date in period)
    rows = _course_rows(entries, infusions, insights, period, rules)
    return AppointmentSummary(
        patient_name=patient_name,
        period=period,
        insights=insights,
        courses=rows,
        relief_range=relief_range(insights.courses),
        open_flags_by_tier=_open_by_tier(insights.flags, open_flag_keys),
        flags=_flag_lines(insights.flags, shown, period, open_flag_keys),
        bladder_rising=any(flag.rule == BLADDER_RISING_RULE for flag in insights.flags),
        side_effects=side_effect_days(shown),
        averages=daily_averages(shown),
        rescue_before=Mean.pooled(row.side_effects.rescue_before for row in rows),
        rescue_after=Mean.pooled(row.side_effects.rescue_after for row in rows),
        completeness=completeness(
            [entry.date for entry in shown], period.start, _last_day_due(period, shown, today)
        ),
        entries=shown,
        infusions=tuple(i for i in sorted(infusions, key=_by_date) if i.date in period),
        relief_fraction=rules.relief_fraction,
    )


def _last_day_due(period: Period, shown: Sequence[DailyEntry], today: dt.date | None) -> dt.date:
    """The period's last day an entry was due: not today while it is not logged yet (the day
    is not over), so an export made before logging shows no gap for it. A period that ends
    on an earlier day counts that day like any other."""
    if today is None:
        return period.end
    if period.start < period.end == today and not any(entry.date == today for entry in shown):
        return today - dt.timedelta(days=1)
    return period.end


def _by_date(infusion: Infusion) -> tuple[dt.date, str]:
    return infusion.date, str(infusion.id)


def _course_rows(
    entries: Sequence[DailyEntry],
    infusions: Sequence[Infusion],
    insights: Insights,
    period: Period,
    settings: AnalysisSettings,
) -> tuple[CourseRow, ...]:
    """Courses that overlap the period, numbered from the diary's first course."""
    rows = []
    courses = insights.courses
    for index, course in enumerate(courses):
        if course.end < period.start or course.start > period.end:
            continue
        period_last = _course_period_last(courses, index, insights.as_of)
        doses = [i.dose_mg for i in infusions if course.start <= i.date <= course.end]
        given = [dose for dose in doses if dose is not None]
        baseline = course.baseline_pain
        line = None if baseline is None else baseline * settings.relief_fraction
        effects = course_side_effects(entries, course, period_last, settings)
        total = sum(given) if given else None
        rows.append(CourseRow(index + 1, course, period_last, total, line, effects))
    return tuple(rows)


def _course_period_last(courses: Sequence[CourseInsight], index: int, as_of: dt.date) -> dt.date:
    """Last day of a course's period: the day before the next course, or `as_of`.

    The same period the analysis uses for its rising-bladder-scores rule.
    """
    if index + 1 < len(courses):
        return courses[index + 1].start - dt.timedelta(days=1)
    return as_of


def relief_range(courses: Sequence[CourseInsight]) -> ReliefRange | None:
    """Shortest and longest relief among the courses the typical relief is taken from.

    Those are the courses that responded and whose relief could be judged, censored ones
    included as "at least" (the same courses as `relief_days_median`).
    """
    spells = [c for c in courses if c.responded and c.relief_days is not None]
    if not spells:
        return None
    ordered = sorted(spells, key=lambda course: (course.relief_days or 0, course.start))
    return ReliefRange(len(spells), ordered[0], ordered[-1])


def _open_by_tier(flags: Sequence[Flag], open_keys: Collection[str] | None) -> dict[Tier, int]:
    counts = dict.fromkeys(Tier, 0)
    for flag in flags:
        if open_keys is None or flag.key in open_keys:
            counts[flag.tier] += 1
    return counts


def _flag_lines(
    flags: Sequence[Flag],
    entries: Sequence[DailyEntry],
    period: Period,
    open_keys: Collection[str] | None,
) -> tuple[FlagLine, ...]:
    """The period's flags, most urgent first, then by date; each with that day's note."""
    notes = {entry.date: entry.notes for entry in entries}
    ordered = sorted(flags, key=lambda flag: (TIER_ORDER[flag.tier], flag.date, flag.rule))
    return tuple(
        FlagLine(flag, open_keys is None or flag.key in open_keys, notes.get(flag.date))
        for flag in ordered
        if flag.date in period
    )
