"""One row per infusion course: dates, dose, baseline, best, how long relief lasted, response."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import DataTable

from diary.analysis import CourseInsight
from diary.domain import Infusion
from diary.export.counts_words import relief_cell
from tui.wording import RESPONSE_WORDS, course_dates, number

COLUMNS = ("Course", "Inf.", "mg", "Base", "Best", "Relief", "Response")


class CourseTable(DataTable[str]):
    """Courses oldest first, as the analysis lists them."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.add_columns(*COLUMNS)

    def show(self, courses: Sequence[CourseInsight], infusions: Sequence[Infusion]) -> None:
        self.clear()
        for course in courses:
            self.add_row(
                course_dates(course),
                str(course.infusions),
                number(_total_dose(course, infusions), "?"),
                number(course.baseline_pain, "?"),
                number(course.best_pain, "?"),
                relief_cell(course),
                RESPONSE_WORDS[course.response],
            )


def _total_dose(course: CourseInsight, infusions: Sequence[Infusion]) -> float | None:
    doses = [
        given.dose_mg
        for given in infusions
        if course.start <= given.date <= course.end and given.dose_mg is not None
    ]
    return sum(doses) if doses else None
