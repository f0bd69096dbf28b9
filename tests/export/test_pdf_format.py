"""The PDF summary, read back as text: the numbers of `diary insights --json`, real fonts."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from diary.analysis import Insights
from diary.export.formats import PageSize
from diary.export.pdf_format import render_pdf
from diary.export.summary import AppointmentSummary, Period, build_summary
from diary.export.tables import course_cells
from diary.export.wording import RESPONSE_LABEL, relief_text
from tests.export.conftest import Demo
from tests.export.demo import UNICODE_NOTE

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


@pytest.fixture(scope="module")
def pdf(demo_summary: AppointmentSummary) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(demo_summary)))


@pytest.fixture(scope="module")
def first_page(pdf: PdfReader) -> str:
    return pdf.pages[0].extract_text()


def test_first_page_numbers_are_those_of_the_insights(
    first_page: str, demo_insights: Insights
) -> None:
    document = demo_insights.model_dump(mode="json")
    assert f"Typical relief after a course: {document['relief_days_median']:.1f} days" in first_page
    assert f"Analysis as of: {document['as_of']}" in first_page
    assert f"worth raising from {document['maintenance']['discuss_from']}" in first_page
    assert f"fade around {document['maintenance']['predicted_relief_end']}" in first_page
    for course in document["courses"]:
        row = [course["start"], course["end"], str(course["infusions"])]
        row += [f"{course['baseline_pain']:.1f}", f"{course['best_pain']:.1f}"]
        row += [f"({course['best_relief_pct']}%)", RESPONSE_LABEL[course["response"]]]
        days = f"{course['relief_days']} days"
        row.append(f"at least {days}" if course["censored"] else days)
        assert all(cell in first_page for cell in row), row


def test_course_rows_read_back_in_order(first_page: str, demo_summary: AppointmentSummary) -> None:
    lines = first_page.splitlines()
    for row in demo_summary.courses:
        cells = [cell for cell in course_cells(row) if cell]
        start = lines.index(cells[1]) - 1
        assert lines[start : start + len(cells)] == cells
        assert relief_text(row.insight) in cells


def test_first_page_has_every_section(first_page: str) -> None:
    for heading in (
        "Maintenance:",
        "Open warning flags: 0 emergency, 1 same day, 2 review.",
        "Pain and infusions",
        "Courses",
        "Side effects and warning flags",
        "Bladder trend by course",
        "Mood and sleep",
        "Rescue medication",
        "Data completeness",
        "Patient notes on flagged days",
        "course baseline",
        "70% of baseline",
    ):
        assert heading in first_page, heading


def test_patient_text_is_real_unicode_and_never_markup(first_page: str) -> None:
    assert UNICODE_NOTE in first_page  # Greek, Cyrillic, ☕ and a literal <b> survive


def test_fonts_are_embedded_and_nothing_else_is_used(pdf: PdfReader) -> None:
    fonts = set()
    for page in pdf.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", DictionaryObject()).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, font
            assert "/FontFile2" in descriptor.get_object(), font
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert fonts == {"DejaVuSansCondensed", "DejaVuSansCondensed-Bold"}


def test_chart_is_vector_not_a_picture(pdf: PdfReader) -> None:
    assert list(pdf.pages[0].images) == []
    drawing = pdf.pages[0].get_contents()
    assert drawing is not None
    assert drawing.get_data().count(b" l") > 300  # line segments of the pain line


def test_day_by_day_pages_follow(pdf: PdfReader, demo_summary: AppointmentSummary) -> None:
    rest = "\n".join(page.extract_text() for page in pdf.pages[1:])
    assert "Day by day" in rest
    assert "January 2025" in rest
    assert "December 2025" in rest
    for entry in demo_summary.entries[:: len(demo_summary.entries) // 10]:
        assert entry.date.isoformat() in rest
    assert "Queasy | after the *drive* home." in rest  # a note under its day's row


@pytest.mark.parametrize(("size", "points"), [(PageSize.A4, A4), (PageSize.LETTER, LETTER)])
def test_page_sizes(
    demo_summary: AppointmentSummary, size: PageSize, points: tuple[float, float]
) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(demo_summary, size)))
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == points
    assert "Patient notes on flagged days" in reader.pages[0].extract_text()


def test_many_courses_keep_the_first_page_whole(demo: Demo, demo_insights: Insights) -> None:
    """With more courses than fit, page 1 shows the latest and a later page has them all."""
    entries, infusions, as_of = demo
    courses = demo_insights.courses * 2  # 16 courses: more than page 1 shows
    insights = demo_insights.model_copy(update={"courses": courses})
    summary = build_summary(entries, infusions, insights, "A", Period(entries[0].date, as_of))
    reader = PdfReader(io.BytesIO(render_pdf(summary)))
    first = reader.pages[0].extract_text()
    assert "The 10 latest of 16 courses; all on page 2." in first
    assert "Patient notes on flagged days" in first
    assert "All courses" in reader.pages[1].extract_text()


def test_an_empty_period_still_renders(demo: Demo, demo_insights: Insights) -> None:
    entries, infusions, _ = demo
    import datetime as dt

    period = Period(dt.date(2030, 1, 1), dt.date(2029, 12, 31))
    summary = build_summary(entries, infusions, demo_insights, "A", period)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(summary))).pages)
    assert "No entries in this period." in text
