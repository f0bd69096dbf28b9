"""The chart's date labels: weeks for a short period, months for a long one."""

from __future__ import annotations

import datetime as dt

from diary.export.pdf_chart import _date_ticks


def labels(start: dt.date, end: dt.date) -> list[str]:
    return [label for _, label in _date_ticks(start, end)]


def test_a_month_is_labelled_by_its_mondays() -> None:
    assert labels(dt.date(2026, 10, 25), dt.date(2026, 11, 22)) == [
        "26 Oct",
        "2 Nov",
        "9 Nov",
        "16 Nov",
    ]


def test_a_few_days_without_a_monday_still_get_a_label() -> None:
    assert labels(dt.date(2026, 11, 3), dt.date(2026, 11, 8)) == ["3 Nov"]


def test_weeks_across_new_year_name_the_year() -> None:
    assert labels(dt.date(2026, 12, 20), dt.date(2027, 1, 12)) == [
        "21 Dec",
        "28 Dec",
        "4 Jan 2027",
        "11 Jan",
    ]


def test_a_year_is_labelled_by_its_months() -> None:
    year = labels(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert year[:3] == ["Jan 2026", "Feb", "Mar"]
    assert len(year) == 12
