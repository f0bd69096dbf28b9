"""The analysis settings refuse combinations the analysis cannot honour."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from diary.domain.settings import AnalysisSettings


def test_the_substantiating_stretch_may_not_be_shorter_than_the_confirmation() -> None:
    with pytest.raises(ValidationError, match="confirm_long_days must be at least confirm_days"):
        AnalysisSettings(confirm_days=7, confirm_long_days=6)
    assert AnalysisSettings(confirm_days=7, confirm_long_days=7).confirm_long_days == 7


def test_a_negative_substantiation_margin_is_refused_by_name() -> None:
    with pytest.raises(ValidationError) as raised:
        AnalysisSettings(confirm_strong_z=-1)
    assert raised.value.errors()[0]["loc"] == ("confirm_strong_z",)
