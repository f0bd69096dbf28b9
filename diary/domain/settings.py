"""The analysis settings of design.md §3: every threshold is a setting, not a constant.

The defaults are the product's documented defaults; a clinic may change them, and every one
of them must be signed off by the clinicians who use the diary (see docs/analysis.md).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

Days = Annotated[int, Field(ge=1, le=366)]
Percent = Annotated[float, Field(gt=0, le=100)]
Points = Annotated[float, Field(gt=0, le=10)]
ScoreLevel = Annotated[int, Field(ge=0, le=10)]


class AnalysisSettings(BaseModel):
    """Thresholds and windows used by `diary.analysis`; immutable once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Courses (design.md §2).
    course_gap_days: Days = 3
    """Infusions at most this many days apart belong to one course (Fri→Mon is 3)."""

    # Baseline (design.md §3).
    baseline_days: Days = 7
    baseline_wide_days: Days = 14
    baseline_min_entries: Days = 4

    # Response (IMMPACT, Dworkin 2008).
    response_window_days: Days = 14
    """Best underlying pain is looked for in days 1..N after the course end."""
    substantial_pct: Percent = 50
    substantial_points: Points = 4
    response_pct: Percent = 30
    response_points: Points = 2
    minimal_pct: Percent = 10

    # Relief end.
    relief_threshold_pct: Percent = 70
    """Relief has ended when the underlying pain is back above this share of baseline."""
    smoothing_half_width_days: Annotated[int, Field(ge=1, le=14)] = 3
    """The underlying level of day D is estimated from the entries of D±N days."""
    smoothing_min_entries: Annotated[int, Field(ge=2, le=29)] = 3
    confirm_days: Days = 7
    """Relief has ended only if the underlying level stays above threshold this long."""
    confirm_min_entries: Days = 3
    confirm_z: Annotated[float, Field(ge=0, le=5)] = 1.0
    """The confirmation days' mean score must be above threshold by z standard errors (the
    patient's own day-to-day noise / √entries), so a noisy week in a shallow relief is not
    taken for the return."""
    confirm_strong_z: Annotated[float, Field(ge=0, le=10)] = 2.0
    """A return ending a relief the diary has shown (best level below the threshold) must also
    be substantiated: the confirmation days' mean above threshold by this many standard
    errors, or else the mean of the `confirm_long_days` from the return day (0 turns it off)."""
    confirm_long_days: Days = 14
    """The longer stretch that may substantiate a return whose first week is only marginally
    above the threshold (a slow fade): two weeks, the response window."""
    confirm_min_days_at_end: Days = 4
    """Near as_of a return may be confirmed by this many days (at least 3 entries): the
    maintenance suggestion should not wait a full week. Before a next course the full
    confirmation (and the data the smoother reads for it) must fit, so that adding a course
    can only censor an earlier course's relief, never move its end."""
    refine_return_day: bool = True
    """Place the return to the day with a low–rise–high fit around the smoother's day."""
    max_bridged_gap_days: Annotated[int, Field(ge=0, le=30)] = 4
    """A run of at most this many unlogged days may be read through; longer runs hide a return."""
    later_relief_days: Days = 28
    """The days after the response window (days 15–42 by default) whose pain may contradict
    "no relief" when the window ends before they are over (`later_relief_z`)."""
    later_relief_min_entries: Days = 7
    later_relief_z: Annotated[float, Field(ge=0, le=10)] = 2.0
    """A course judged not to have helped is censored instead when its window ends (next
    course or as_of) before the `later_relief_days` are over and their mean score, read
    through any next course, is below the relief threshold by this many standard errors,
    from at least `later_relief_min_entries` entries (0 turns it off; docs/analysis.md,
    Relief end)."""

    # Maintenance suggestion.
    lead_days: Annotated[int, Field(ge=0, le=120)] = 7
    """A clinic's booking lead time: discussion starts this long before the predicted relief end."""
    min_history_courses: Days = 2
    history_courses: Days = 6
    """Only the most recent N responding courses make up the relief history."""

    # Warning flags (design.md §3; CTCAE-style tiers).
    severe_score: ScoreLevel = 7
    upper_abdominal_pain_days: Days = 14
    vomiting_episodes: Annotated[int, Field(ge=1, le=50)] = 6
    bladder_review_score: ScoreLevel = 4
    nausea_review_min: ScoreLevel = 4
    nausea_review_max: ScoreLevel = 6
    consecutive_days: Days = 3
    pain_above_baseline_points: Points = 2
    poor_sleep_quality: ScoreLevel = 3
    poor_sleep_days: Days = 5
    poor_sleep_window_days: Days = 7
    bladder_rise_points: Points = 1
    shrinking_courses: Annotated[int, Field(ge=2, le=10)] = 3
    shrinking_min_pct: Percent = 20
    """Relief must shrink by at least this share from the first to the last of the courses."""

    @model_validator(mode="after")
    def _windows_in_order(self) -> AnalysisSettings:
        if self.baseline_wide_days < self.baseline_days:
            raise ValueError("baseline_wide_days must be at least baseline_days")
        if not self.minimal_pct < self.response_pct <= self.substantial_pct:
            raise ValueError("need minimal_pct < response_pct <= substantial_pct")
        if self.confirm_long_days < self.confirm_days:
            raise ValueError("confirm_long_days must be at least confirm_days")
        if self.nausea_review_min > self.nausea_review_max:
            raise ValueError("nausea_review_min must not exceed nausea_review_max")
        if self.poor_sleep_days > self.poor_sleep_window_days:
            raise ValueError("poor_sleep_days must not exceed poor_sleep_window_days")
        return self

    @property
    def relief_fraction(self) -> float:
        """Share of baseline above which relief is over (0.7 by default)."""
        return self.relief_threshold_pct / 100
