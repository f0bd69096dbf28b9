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

from enum import Enum, StrEnum
from itertools import compress
from typing import NamedTuple

from diary.analysis.ramp import NEIGHBOURHOOD_DAYS, place_return
from diary.analysis.series import PainSeries, level_reader
from diary.domain.settings import AnalysisSettings

RISING_TAIL_ENTRIES = 2
"""Entries above threshold in a row that end a window the next course cut short."""


class CensorReason(StrEnum):
    """Why a course's relief end is not known, only a lower bound."""

    NEXT_COURSE = "next_course"
    END_OF_DATA = "end_of_data"
    GAP = "gap"


class _Check(Enum):
    CONFIRMED = "confirmed"
    NOT_SUSTAINED = "not_sustained"
    DATA_RUN_OUT = "data_run_out"


class ReliefWindow(NamedTuple):
    """The days after a course in which its relief can be seen: up to the next course or as_of."""

    course_end: int
    last: int
    next_course_start: int | None

    @property
    def first(self) -> int:
        return self.course_end + 1


class ReliefFinding(NamedTuple):
    """Relief end if seen; otherwise the reason and the day through which relief was seen.

    A named tuple rather than a frozen dataclass: as immutable, and cheaper to build once per
    course (so are the other per-course records of the analysis).
    """

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
    """One course's relief window, with the underlying level of each day computed on demand.

    The settings the scan reads for every candidate day are copied into slots once, as
    reading a slot is cheaper than reading a pydantic field or a property.
    """

    __slots__ = (
        "confirm_days",
        "confirm_min_entries",
        "first",
        "last",
        "latest_confirmable",
        "level",
        "margin_per_entry",
        "series",
        "settings",
        "strong_per_entry",
        "threshold",
        "window",
    )

    def __init__(
        self,
        series: PainSeries,
        window: ReliefWindow,
        threshold: float,
        s: AnalysisSettings,
        noise: float,
        substantiate: bool,
    ) -> None:
        self.series, self.window, self.threshold, self.settings = series, window, threshold, s
        self.first, self.last = window.course_end + 1, window.last
        self.strong_per_entry = s.confirm_strong_z * noise if substantiate else 0.0
        """z·σ of the substantiation (`_substantiated`), times √n; 0 when not asked for (a
        confirmed mean is above the threshold already)."""
        self.margin_per_entry = s.confirm_z * noise
        """z·σ: how far above threshold the confirmation days' mean must be, times √n."""
        self.level = level_reader(
            series, self.first, self.last, s.smoothing_half_width_days, s.smoothing_min_entries
        )
        """`underlying_level` of a day within the window, computed once."""
        self.confirm_days, self.confirm_min_entries = s.confirm_days, s.confirm_min_entries
        self.latest_confirmable = self.last - _confirmation_reach(window, s)
        """The last day whose confirmation reads no day beyond the window."""

    def stays_above(self, day: int) -> _Check:
        """Whether the level stays above threshold from `day` through the confirmation days."""
        wanted_last = day + self.confirm_days - 1
        last = wanted_last if wanted_last < self.last else self.last
        level, threshold = self.level, self.threshold
        for later in range(day + 1, last + 1):
            above = level(later)
            if above is not None and above <= threshold:
                return _Check.NOT_SUSTAINED
        if day > self.latest_confirmable:
            return _Check.DATA_RUN_OUT
        mean, count = self.series.mean_between(day, last)
        if count >= self.confirm_min_entries:
            if mean is None or not self._above(mean, count, self.margin_per_entry):
                return _Check.NOT_SUSTAINED
            return self._substantiated(day, mean, count)
        return _Check.DATA_RUN_OUT if wanted_last > self.last else _Check.NOT_SUSTAINED

    def _substantiated(self, day: int, mean: float, count: int) -> _Check:
        """Does a confirmed return end a relief the diary has shown, beyond its noise?

        The confirmation days' mean must be above threshold by `confirm_strong_z` standard
        errors, or, failing that, the mean of the `confirm_long_days` from `day` (a slow fade
        is only a little above the threshold in its first week, and further above it in the
        second; a relief level that sits just over a threshold read low, or a noisy week, is
        not). When those days go past the window, the data run out: the course is censored
        before the return, so a later course still only censors an earlier one.
        """
        if self._above(mean, count, self.strong_per_entry):
            return _Check.CONFIRMED
        long_last = day + self.settings.confirm_long_days - 1
        if long_last > self.last:
            return _Check.DATA_RUN_OUT
        long_mean, long_count = self.series.mean_between(day, long_last)
        if long_mean is not None and self._above(long_mean, long_count, self.strong_per_entry):
            return _Check.CONFIRMED
        return _Check.NOT_SUSTAINED

    def _above(self, mean: float, count: int, margin_per_entry: float) -> bool:
        """Is a mean of `count` scores above threshold by more than z·σ/√n (`margin_per_entry`
        being z·σ)?"""
        return mean > self.threshold + margin_per_entry / float(count**0.5)


def _confirmation_reach(window: ReliefWindow, s: AnalysisSettings) -> int:
    """How many days past a candidate day confirming it reads.

    At the end of the data, `confirm_min_days_at_end` days; before a next course, the full
    confirmation, the smoother's half width beyond it, and the return placement's
    neighbourhood.
    """
    if window.next_course_start is None:
        return s.confirm_min_days_at_end - 1
    reach = s.confirm_days - 1 + s.smoothing_half_width_days
    return max(reach, NEIGHBOURHOOD_DAYS) if s.refine_return_day else reach


def find_relief_end(
    series: PainSeries,
    window: ReliefWindow,
    threshold: float,
    settings: AnalysisSettings,
    noise: float,
    substantiate: bool,
) -> ReliefFinding:
    """Scan the window for the first day relief is over (only days near a high score can be).

    `substantiate`: the diary has shown relief (best level below the threshold), so a return
    must also clear `_Scan._substantiated`.
    """
    scan = _Scan(series, window, threshold, settings, noise, substantiate)
    half_width = settings.smoothing_half_width_days
    first, last = scan.first, scan.last
    low, high = series.position(first), series.position(last + 1)
    high_days = compress(series.days[low:high], map(threshold.__lt__, series.scores[low:high]))
    checked = first - 1  # each day is looked at once, though high days' reaches overlap
    level = scan.level
    for logged in high_days:
        # max(checked + 1, logged - half_width) .. min(last, logged + half_width), inlined
        begin = logged - half_width if logged - half_width > checked else checked + 1
        end = logged + half_width if logged + half_width < last else last
        for day in range(begin, end + 1):
            above = level(day)
            if above is None or above <= threshold:
                continue
            check = scan.stays_above(day)
            if check is _Check.CONFIRMED:
                return _returned_on(scan, day)
            if check is _Check.DATA_RUN_OUT:
                return _still_in_relief(scan, seen_until=_placed(scan, day) - 1)
        if end > checked:
            checked = end
    return _still_in_relief(scan, seen_until=_before_rising_tail(scan))


def _before_rising_tail(scan: _Scan) -> int:
    """The last day relief can be said to have lasted when no return was confirmed.

    That is the window's last day, except when the next course came so soon after a return
    that the return could not be confirmed: when the window ends with `RISING_TAIL_ENTRIES`
    or more entries in a row above threshold (after one at or below it), relief is only said
    to have lasted until the day before the first of them. A censored course's "at least"
    then never counts days whose scores show the pain back. Two entries, not one, so that a
    single bad day just before a booster does not shorten it (it cannot end relief either).
    When every entry (two or more) is above the threshold, relief was never seen: the course
    end, "at least 0 days".
    """
    if scan.window.next_course_start is None:
        return scan.last
    series = scan.series
    low, high = series.position(scan.first), series.position(scan.last + 1)
    above = 0
    for score in reversed(series.scores[low:high]):
        if score <= scan.threshold:
            break
        above += 1
    if above < RISING_TAIL_ENTRIES:
        return scan.last
    if above == high - low:
        return scan.window.course_end  # every entry above the threshold: relief never seen
    return series.days[high - above] - 1


def _returned_on(scan: _Scan, day: int) -> ReliefFinding:
    """Relief ended on `day`, unless the rise came out of a gap that hides when it happened."""
    window = scan.window
    if day == scan.first or scan.level(day - 1) is not None:
        return ReliefFinding(relief_end=_placed(scan, day))
    last_seen = scan.series.last_logged_at_or_before(day - 1, scan.first)
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
    return place_return(scan.series, day, scan.first, scan.last, scan.threshold)


def _still_in_relief(scan: _Scan, seen_until: int) -> ReliefFinding:
    """Censored: by the next course or the end of the data, or by a gap before either."""
    window, series = scan.window, scan.series
    last_logged = series.last_logged_at_or_before(seen_until, scan.first)
    hidden = last_logged is None or last_logged < seen_until - scan.settings.max_bridged_gap_days
    if hidden and seen_until > window.course_end:
        seen = last_logged if last_logged is not None else window.course_end
        return ReliefFinding(None, CensorReason.GAP, seen_until=seen)
    if window.next_course_start is None:
        return ReliefFinding(None, CensorReason.END_OF_DATA, seen_until=seen_until)
    reached_next = seen_until == scan.last
    seen = window.next_course_start if reached_next else seen_until
    return ReliefFinding(None, CensorReason.NEXT_COURSE, seen_until=seen)
