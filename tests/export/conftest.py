"""The demo year, its analysis and its summary, built once for the export tests."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.analysis import Insights, compute_insights
from diary.domain import DailyEntry, Infusion
from diary.export.summary import AppointmentSummary, Period, build_summary
from tests.export.demo import DEMO_NAME, demo_contents

Demo = tuple[list[DailyEntry], list[Infusion], dt.date]


@pytest.fixture(scope="session")
def demo() -> Demo:
    return demo_contents()


@pytest.fixture(scope="session")
def demo_insights(demo: Demo) -> Insights:
    entries, infusions, as_of = demo
    return compute_insights(entries, infusions, as_of)


@pytest.fixture(scope="session")
def demo_summary(demo: Demo, demo_insights: Insights) -> AppointmentSummary:
    entries, infusions, as_of = demo
    return build_summary(
        entries, infusions, demo_insights, DEMO_NAME, Period(entries[0].date, as_of)
    )
