"""How long relief lasted after each course, as bars; a course still going is marked ≥."""

from __future__ import annotations

from collections.abc import Sequence

from diary.analysis import CourseInsight
from tui.widgets.cached_plot import CachedPlot


class ReliefChart(CachedPlot):
    """Bars of relief days per course, labelled by the course's start."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._courses: tuple[CourseInsight, ...] = ()

    def show(self, courses: Sequence[CourseInsight]) -> None:
        self._courses = tuple(courses)
        self.replot()

    def replot(self) -> None:
        plt = self.plt
        plt.clear_figure()
        measured = [course for course in self._courses if course.relief_days is not None]
        if measured:
            days = [course.relief_days or 0 for course in measured]
            plt.bar([_label(course) for course in measured], days, color="green", width=0.6)
            plt.yticks(sorted({0, max(days) // 2, max(days)}))
        else:
            plt.title("No course has a measured relief yet")
        super().replot()


def _label(course: CourseInsight) -> str:
    return f"{'≥' if course.censored else ''}{course.start:%d %b %y}"
