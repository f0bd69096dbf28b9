"""Insights benchmark: `python bench/bench_insights.py` (or `--quick`).

1. One patient, 10 years of daily entries, 100 courses: target ≤ 20 ms per `compute_insights`.
2. 1,000 patients with one-year diaries analysed one after another: target ≤ 1 s in total.

Each figure is printed with a ratio against a baseline measured in the same run: the naive
3-day-mean method of `diary.simulation.naive` over the same diaries, so machine speed cancels.
Diaries are built before timing starts; only the analysis is timed.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable

from diary.analysis import AnalysisSettings, compute_insights
from diary.domain import DailyEntry, Infusion
from diary.simulation import simulate_patient
from diary.simulation.naive import naive_courses

SETTINGS = AnalysisSettings()


def ten_year_diary(seed: int = 1) -> tuple[list[DailyEntry], list[Infusion], dt.date]:
    """3,650 daily entries and 100 two-day courses about every 36 days, relief ~3 weeks."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    course_days = {36 * k + offset for k in range(1, 101) for offset in (0, 1)}
    infusions = [
        Infusion(id=uuid.UUID(int=day + 1), date=start + dt.timedelta(days=day))
        for day in sorted(course_days)
        if day < 3650
    ]
    entries = []
    for day in range(3650):
        since = day % 36
        level = 3.0 if 2 <= since <= 22 else 7.0
        pain = min(10, max(0, round(level + rng.gauss(0, 0.8))))
        entries.append(DailyEntry(date=start + dt.timedelta(days=day), pain=pain, nausea=1))
    return entries, infusions, start + dt.timedelta(days=3649)


def best_of(runs: int, action: Callable[[], object]) -> float:
    """Median of `runs` timings, in seconds."""
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def main(quick: bool) -> None:
    load = os.getloadavg()[0]
    print(f"1-minute load average at start: {load:.2f} (time on a quieter machine if above 1)")
    entries, infusions, as_of = ten_year_diary()
    courses = len(compute_insights(entries, infusions, as_of).courses)
    one = best_of(5 if quick else 21, lambda: compute_insights(entries, infusions, as_of))
    naive_one = best_of(5, lambda: naive_courses(entries, infusions, as_of, SETTINGS))
    print(f"10 years, {len(entries)} entries, {courses} courses:")
    print(
        f"  compute_insights {one * 1000:.1f} ms (target 20 ms); naive {naive_one * 1000:.1f} ms;"
        f" ratio {one / naive_one:.2f}"
    )

    patients = 100 if quick else 1000
    cohort = [simulate_patient(seed, days=365) for seed in range(patients)]

    def analyse_all() -> None:
        for d in cohort:
            compute_insights(d.entries, d.infusions, d.as_of)

    def naive_all() -> None:
        for d in cohort:
            naive_courses(d.entries, d.infusions, d.as_of, SETTINGS)

    total = best_of(3, analyse_all)
    naive_total = best_of(3, naive_all)
    n_courses = sum(len(d.courses) for d in cohort)
    print(f"{patients} one-year diaries ({n_courses} courses):")
    print(
        f"  compute_insights {total:.3f} s (target 1 s for 1,000); naive {naive_total:.3f} s;"
        f" ratio {total / naive_total:.2f}"
    )


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
