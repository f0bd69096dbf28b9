"""The censoring-aware median of relief days."""

from __future__ import annotations

from diary.analysis.history import ReliefSpell, median_relief_days


def test_without_censoring_it_is_the_ordinary_median() -> None:
    assert median_relief_days([ReliefSpell(d, True) for d in (10, 30, 20)]) == 20
    assert median_relief_days([ReliefSpell(d, True) for d in (10, 20)]) == 15


def test_censored_spells_count_as_at_least() -> None:
    spells = [ReliefSpell(10, True), ReliefSpell(12, False), ReliefSpell(30, True)]
    # Dropping the censored spell would give 20; counting it as ended would give 12.
    assert median_relief_days(spells) == 30


def test_mostly_censored_history_has_no_median() -> None:
    spells = [ReliefSpell(10, True), ReliefSpell(40, False), ReliefSpell(50, False)]
    assert median_relief_days(spells) is None
    assert median_relief_days([]) is None
