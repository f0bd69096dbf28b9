"""Relief: how long relief lasted after each course, the maintenance card and open flags."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label

from tui.gateway import DiaryOverview
from tui.screens.base import DiaryPage
from tui.widgets.relief.course_table import CourseTable
from tui.widgets.relief.flag_list import FlagList
from tui.widgets.relief.maintenance_card import MaintenanceCard
from tui.widgets.relief.relief_chart import ReliefChart

RELIEF_NOTE = (
    "Inf.: infusion days. mg: total dose. Base: average pain in the week before the course. "
    "Best: lowest usual pain in the two weeks after it. Relief lasts until your usual pain is "
    "back above 70% of Base and stays there; “at least”: its end is not known, because the "
    "next course came too soon after it, the diary stopped, or days went unlogged. Response: "
    "substantial is 50% (or 4 points) lower, responded 30% (or 2 points), minimal 10–29%."
)


class ReliefScreen(DiaryPage):
    """Every number here comes from `diary.analysis` (docs/analysis.md explains each one)."""

    MODE = "relief"

    def compose_page(self) -> ComposeResult:
        with VerticalScroll(id="body"):
            yield Label("Relief after each course", classes="section-title")
            yield CourseTable(id="courses")
            yield Label(RELIEF_NOTE, classes="section-note")
            yield Label("Days of relief per course (≥: at least)", classes="section-title")
            yield ReliefChart(id="relief-chart")
            yield MaintenanceCard(id="maintenance")
            yield Label("Open warning flags", classes="section-title")
            yield FlagList(id="open-flags")

    def show_overview(self, overview: DiaryOverview) -> None:
        insights = overview.insights
        self.query_one(CourseTable).show(insights.courses, overview.infusions)
        self.query_one(ReliefChart).show(insights.courses)
        self.query_one(MaintenanceCard).show(insights)
        self.query_one(FlagList).show(overview.open_flags)
