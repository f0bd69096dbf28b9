"""When did a course's relief end? The estimator of docs/analysis.md, "Relief end".

Relief ends on the first day D whose *underlying* pain level (see `underlying_level`) is above
the relief threshold (70% of baseline) and stays above it: every estimable day of D..D+6 is
above threshold, with at least 3 entries logged in those days, and the mean score of those
days is above threshold by at least z·σ/√n (σ the patient's own day-to-day noise, z =
`confirm_z`), so a noisy week in a shallow relief is not taken for the return. One bad day
moves a 7-day local fit by about a seventh of its excess, so it cannot end relief on its own.
A return that falls in a stretch too sparse to estimate (a gap of 5 or more unlogged days)
is not guessed: the course is censored at the last day relief was seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from itertools import compress

from diary.analysis.ramp import NEIGHBOURHOOD_DAYS, place_return
from diary.analysis.series import PainSeries, level_reader
from diary.domain.settings import AnalysisSettings


class CensorReason(StrEnum):
    """Why a course's relief end is not known, only a lower bound."""

    NEXT_COURSE = "next_course"
    END_OF_DATA = "end_of_data"
    GAP = "gap"


class _Check(Enum):
    CONFIRMED = "confirmed"
    NOT_SUSTAINED = "not_sustained"
    DATA_RUN_OUT = "data_run_out"


@dataclass(frozen=True)
class ReliefWindow:
    """The days after a course in which its relief can be seen: up to the next course or as_of."""

    course_end: int
    last: int
    next_course_start: int | None

    @property
    def first(self) -> int:
        return self.course_end + 1


@dataclass(frozen=True)
class ReliefFinding:
    """Relief end if seen; otherwise the reason and the day through which relief was seen."""

    relief_end: int | None
    censored_by: CensorReason | None = None
    seen_until: int | None = None
    returned: bool = False
    """Pain is known to be back even though the day it came back is hidden."""

    def relief_days(self, course_end: int) -> int:
        """relief_end − course end, or at least this many days when censored."""
        day = self.relief_end if self.relief_end is not None else self.seen_until
        return max(0, (day if day is not None else course_end) - course_end)


class _Scan:
    """One course's relief window, with the underlying level of each day computed on demand."""

    def __init__(
        self, series: PainSeries, window: ReliefWindow, threshold: float, s: AnalysisSettings
    ) -> None:
        self.series, self.window, self.threshold, self.settings = series, window, threshold, s
        self.margin_per_entry = 0.0
        """z·σ: how far above threshold the confirmation days' mean must be, times √n."""
        self.level = level_reader(
            series, window.first, window.last, s.smoothing_half_width_days, s.smoothing_min_entries
        )
        """`underlying_level` of a day within the window, computed once."""

    def stays_above(self, day: int) -> _Check:
        """Whether the level stays above threshold from `day` through the confirmation days."""
        s, window = self.settings, self.window
        wanted_last = day + s.confirm_days - 1
        last = min(wanted_last, window.last)
        for later in range(day + 1, last + 1):
            level = self.level(later)
            if level is not None and level <= self.threshold:
                return _Check.NOT_SUSTAINED
        if self._reads_beyond_window(day, wanted_last):
            return _Check.DATA_RUN_OUT
        if self.series.count_between(day, last) >= s.confirm_min_entries:
            return _Check.CONFIRMED if self._clearly_above(day, last) else _Check.NOT_SUSTAINED
        return _Check.DATA_RUN_OUT if wanted_last > window.last else _Check.NOT_SUSTAINED

    def _clearly_above(self, day: int, last: int) -> bool:
        """Is the mean score of day..last above threshold by more than its noise (z·σ/√n)?"""
        mean, count = self.series.mean_between(day, last)
        return mean is not None and mean > self.threshold + self.margin_per_entry / count**0.5

    def _reads_beyond_window(self, day: int, wanted_last: int) -> bool:
        """Would confirming `day` need days the window does not have?"""
        s, window = self.settings, self.window
        if window.next_course_start is None:
            return day + s.confirm_min_days_at_end - 1 > window.last
        reach = wanted_last + s.smoothing_half_width_days
        if s.refine_return_day:
            reach = max(reach, day + NEIGHBOURHOOD_DAYS)
        return reach > window.last


def find_relief_end(
    series: PainSeries,
    window: ReliefWindow,
    threshold: float,
    settings: AnalysisSettings,
    noise: float = 0.0,
) -> ReliefFinding:
    """Scan the window for the first day relief is over (only days near a high score can be)."""
    scan = _Scan(series, window, threshold, settings)
    scan.margin_per_entry = settings.confirm_z * noise
    half_width = settings.smoothing_half_width_days
    checked = window.first - 1
    logged_days = series.logged_between(window.first, window.last)
    scores = series.scores_between(window.first, window.last)
    level = scan.level
    for logged in compress(logged_days, map(threshold.__lt__, scores)):
        for day in range(
            max(checked + 1, logged - half_width), min(window.last, logged + half_width) + 1
        ):
            checked = day
            above = level(day)
            if above is None or above <= threshold:
                continue
            check = scan.stays_above(day)
            if check is _Check.CONFIRMED:
                return _returned_on(scan, day)
            if check is _Check.DATA_RUN_OUT:
                return _still_in_relief(scan, seen_until=_placed(scan, day) - 1)
    return _still_in_relief(scan, seen_until=window.last)


def _returned_on(scan: _Scan, day: int) -> ReliefFinding:
    """Relief ended on `day`, unless the rise came out of a gap that hides when it happened."""
    window = scan.window
    if day == window.first or scan.level(day - 1) is not None:
        return ReliefFinding(relief_end=_placed(scan, day))
    last_seen = scan.series.last_logged_at_or_before(day - 1, window.first)
    return ReliefFinding(
        relief_end=None,
        censored_by=CensorReason.GAP,
        seen_until=last_seen if last_seen is not None else window.course_end,
        returned=True,
    )


def _placed(scan: _Scan, day: int) -> int:
    """The smoother's return day, placed more exactly by `place_return` when enabled."""
    if not scan.settings.refine_return_day:
        return day
    window = scan.window
    return place_return(scan.series, day, window.first, window.last, scan.threshold)


def _still_in_relief(scan: _Scan, seen_until: int) -> ReliefFinding:
    """Censored: by the next course or the end of the data, or by a gap before either."""
    window, series = scan.window, scan.series
    last_logged = series.last_logged_at_or_before(seen_until, window.first)
    hidden = last_logged is None or last_logged < seen_until - scan.settings.max_bridged_gap_days
    if hidden and seen_until > window.course_end:
        seen = last_logged if last_logged is not None else window.course_end
        return ReliefFinding(None, CensorReason.GAP, seen_until=seen)
    if window.next_course_start is None:
        return ReliefFinding(None, CensorReason.END_OF_DATA, seen_until=seen_until)
    reached_next = seen_until == window.last
    seen = window.next_course_start if reached_next else seen_until
    return ReliefFinding(None, CensorReason.NEXT_COURSE, seen_until=seen)
