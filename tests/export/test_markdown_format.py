"""The Markdown summary: the PDF's content as tables, with the patient's words kept plain."""

from __future__ import annotations

import pytest

from diary.analysis import Insights
from diary.export.markdown_format import escape, render_markdown
from diary.export.summary import AppointmentSummary
from diary.export.tables import COURSE_HEADINGS, DAY_HEADINGS, course_cells


@pytest.fixture(scope="module")
def markdown(demo_summary: AppointmentSummary) -> str:
    return render_markdown(demo_summary)


def _row(cells: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"


def test_same_sections_as_the_pdf(markdown: str) -> None:
    for heading in (
        "# Ketamine infusion diary: appointment summary",
        "## Pain and infusions",
        "## Courses",
        "## Side effects and warning flags",
        "## Mood, sleep and rescue medication",
        "## Rescue medication before and after courses",
        "## Data completeness",
        "## Patient notes on flagged days",
        "## Day by day",
    ):
        assert f"\n{heading}\n" in f"\n{markdown}", heading


def test_numbers_are_those_of_the_insights(
    markdown: str, demo_summary: AppointmentSummary, demo_insights: Insights
) -> None:
    assert f"Typical relief after a course: {demo_insights.relief_days_median:.1f} days" in markdown
    assert _row(COURSE_HEADINGS) in markdown
    for row in demo_summary.courses:
        assert _row(course_cells(row)) in markdown
    assert "Open warning flags: 0 emergency, 1 same day, 2 review." in markdown


def test_every_day_is_a_table_row(markdown: str, demo_summary: AppointmentSummary) -> None:
    section = markdown.split("## Day by day")[1].split("\n\n")[1]
    rows = section.splitlines()[2:]  # after the heading row and the rule
    days = {entry.date for entry in demo_summary.entries}
    days |= {infusion.date for infusion in demo_summary.infusions}
    assert [row.split(" | ")[0][-10:] for row in rows] == [day.isoformat() for day in sorted(days)]
    assert section.splitlines()[0] == _row((*DAY_HEADINGS, "Notes"))


def test_chart_becomes_pain_bars_per_month(markdown: str) -> None:
    chart = markdown.split("## Pain and infusions")[1].split("## Courses")[0]
    assert "| 2025-03 | `" in chart
    assert "| 2025-12 | `" in chart
    assert "| 2025-01-07 on | `" in chart  # the period starts mid-month


def test_patient_text_cannot_break_the_tables(markdown: str) -> None:
    assert r"Queasy \| after the \*drive\* home." in markdown
    assert r"\<b\>not bold\</b\>" in markdown
    for line in markdown.splitlines():
        if line.startswith("| ") and "Queasy" in line:
            assert line.count(" | ") == len(DAY_HEADINGS)  # 18 cells, none added by the note


def test_escape_keeps_text_on_one_line() -> None:
    assert escape("a|b\nc  \n\n*d*") == r"a\|b / c / \*d\*"
