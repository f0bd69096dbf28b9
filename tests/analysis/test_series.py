"""The fast building blocks give exactly what the plain, day-by-day definitions give."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from diary.analysis.series import (
    PainSeries,
    bad_day_spike,
    level_reader,
    noise_sd,
    without_bad_days,
)

logged_scores = st.dictionaries(st.integers(0, 60), st.integers(0, 10), max_size=60)


def series_of(scores: dict[int, int]) -> PainSeries:
    days = sorted(scores)
    return PainSeries.build(days, [scores[d] for d in days])


def plain_level(scores: dict[int, int], day: int, first: int, last: int) -> float | None:
    """The local straight-line fit of docs/analysis.md, summed entry by entry."""
    logged = [d for d in sorted(scores) if max(first, day - 3) <= d <= min(last, day + 3)]
    if len(logged) < 3:
        return None
    pains = [scores[d] for d in logged]
    mean = sum(pains) / len(logged)
    if logged[0] >= day or logged[-1] <= day:
        return mean
    xs = [d - day for d in logged]
    sum_x = sum(xs)
    spread = sum(x * x for x in xs) - sum_x * sum_x / len(xs)
    slope = (sum(x * y for x, y in zip(xs, pains, strict=True)) - sum_x * mean) / spread
    return min(max(mean - slope * sum_x / len(xs), min(pains)), max(pains))


@settings(max_examples=200, deadline=None)
@given(logged_scores, st.integers(0, 60), st.integers(0, 60))
def test_level_is_the_plain_local_fit_to_the_last_bit(
    scores: dict[int, int], first: int, length: int
) -> None:
    series = without_bad_days(series_of(scores))  # the series levels are read from
    level = level_reader(series, first, first + length, 3, 3)
    plain = dict(zip(series.days, series.scores, strict=True))
    for target in range(first, first + length + 1):
        assert level(target) == plain_level(plain, target, first, first + length)


@settings(max_examples=200, deadline=None)
@given(logged_scores, st.integers(-5, 70), st.integers(0, 20))
def test_means_and_counts_match_the_days(scores: dict[int, int], first: int, length: int) -> None:
    series = series_of(scores)
    inside = [scores[d] for d in sorted(scores) if first <= d <= first + length]
    mean, count = series.mean_between(first, first + length)
    assert count == len(inside) == series.count_between(first, first + length)
    assert mean == (sum(inside) / len(inside) if inside else None)


@settings(max_examples=200, deadline=None)
@given(logged_scores)
def test_noise_is_the_trimmed_spread_of_day_to_day_steps(scores: dict[int, int]) -> None:
    steps = sorted((scores[d + 1] - scores[d]) ** 2 for d in sorted(scores) if d + 1 in scores)
    kept = steps[: max(1, len(steps) * 9 // 10)]
    expected = max(0.3, math.sqrt(sum(kept) / len(kept) / 2 / 0.623)) if kept else 1.0
    assert noise_sd(series_of(scores)) == expected


def test_a_bad_day_stands_out_from_the_patients_own_scatter() -> None:
    assert [bad_day_spike(noise) for noise in (0.3, 0.5, 0.8)] == [2, 2, 2]
    assert [bad_day_spike(noise) for noise in (0.81, 1.0, 1.2, 1.21)] == [3, 3, 3, 4]


def test_a_bad_day_is_toned_down_however_far_its_neighbours_are() -> None:
    scores = {0: 3, 1: 3, 2: 7, 10: 3, 11: 3}
    assert without_bad_days(series_of(scores), spike=2).scores == (3, 3, 3, 3, 3)
    after_a_gap = {0: 3, 6: 7, 7: 3, 8: 3}
    assert without_bad_days(series_of(after_a_gap), spike=2).scores == (3, 3, 3, 3)


def test_only_scores_past_the_spike_are_toned_down() -> None:
    scores = {0: 3, 1: 5, 2: 3, 3: 6, 4: 3, 5: 3}
    assert without_bad_days(series_of(scores), spike=2).scores == (3, 3, 3, 3, 3, 3)
    assert without_bad_days(series_of(scores), spike=3).scores == (3, 5, 3, 3, 3, 3)
