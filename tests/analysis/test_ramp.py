"""Placing the return of pain to the day (`diary.analysis.ramp`)."""

from __future__ import annotations

import pytest

from diary.analysis.ramp import place_return
from diary.analysis.series import PainSeries

THRESHOLD = 4.9


def series_of(scores: dict[int, int]) -> PainSeries:
    days = sorted(scores)
    return PainSeries.build(days, [scores[day] for day in days])


@pytest.mark.parametrize("found", [18, 19, 20, 21, 22])
def test_sudden_return_is_placed_on_its_day(found: int) -> None:
    scores = {day: 3 if day < 20 else 7 for day in range(41)}
    assert place_return(series_of(scores), found, 0, 40, THRESHOLD) == 20


def test_gradual_return_is_placed_where_it_crosses_the_threshold() -> None:
    # 3 up to day 19, then 4, 5, 6, 7: the noise-free line is above 4.9 from day 21.
    scores = {day: min(7, max(3, day - 16)) for day in range(41)}
    assert place_return(series_of(scores), 22, 0, 40, THRESHOLD) == 21


def test_a_single_bad_day_before_the_return_is_not_taken_for_it() -> None:
    scores = {day: 3 if day < 20 else 7 for day in range(41)}
    scores[16] = 8
    assert place_return(series_of(scores), 21, 0, 40, THRESHOLD) == 20
