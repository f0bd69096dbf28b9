"""Trends: pain over time with infusions and relief marked; mood and sleep; side effects."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Label

from tui.gateway import DiaryOverview
from tui.screens.base import DiaryPage
from tui.trend_data import TrendData, trend_data
from tui.widgets.trends.charts import PainChart, SideEffectsChart, TrendChart, WellbeingChart
from tui.widgets.trends.span_bar import SpanBar

SPANS: dict[str, int | None] = {"30": 30, "90": 90, "365": 365, "all": None}
SPAN_TITLES = {"30": "30 days", "90": "90 days", "365": "A year", "all": "Everything"}
SPAN_KEYS = {"30": "3", "90": "9", "365": "y", "all": "a"}
PAIN_KEY = (
    "[cyan]━ pain[/]  [orange]━ baseline[/]  [red]┈ relief threshold (70%)[/]  "
    "[magenta]▲ infusion[/]"
)
WELLBEING_KEY = "[green]━ mood[/]  [blue]━ sleep quality[/]  [yellow]━ hours slept[/]"
SIDE_EFFECTS_KEY = (
    "[magenta]━ detached/unreal[/]  [yellow]━ nausea[/]  [red]━ worst bladder score[/]"
)


class TrendsScreen(DiaryPage):
    """Ranges switch instantly: the overview is already in memory, the charts are downsampled."""

    MODE = "trends"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(SPAN_KEYS["30"], "span('30')", "30 days"),
        Binding(SPAN_KEYS["90"], "span('90')", "90 days"),
        Binding(SPAN_KEYS["365"], "span('365')", "Year"),
        Binding(SPAN_KEYS["all"], "span('all')", "All"),
    ]

    span: reactive[str] = reactive("90", init=False)
    """The key of SPANS being shown."""

    def compose_page(self) -> ComposeResult:
        with Vertical(id="body"):
            spans = {span: (SPAN_KEYS[span], title) for span, title in SPAN_TITLES.items()}
            yield SpanBar(spans, id="spans").data_bind(current=TrendsScreen.span)
            with VerticalScroll(id="charts"):
                yield Label("Pain", classes="chart-title", id="pain-title")
                yield PainChart(id="pain-chart")
                yield Label(PAIN_KEY, classes="chart-key")
                yield Label("Mood and sleep", classes="chart-title")
                yield WellbeingChart(id="wellbeing-chart")
                yield Label(WELLBEING_KEY, classes="chart-key")
                yield Label("Side effects", classes="chart-title")
                yield SideEffectsChart(id="side-effects-chart")
                yield Label(SIDE_EFFECTS_KEY, classes="chart-key")

    def show_overview(self, overview: DiaryOverview) -> None:
        self._draw()

    def action_span(self, span: str) -> None:
        self.span = span

    def watch_span(self, span: str) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.overview is None:
            return
        data = trend_data(self.overview, SPANS[self.span])
        with self.app.batch_update():
            for chart in self.query(TrendChart).results(TrendChart):
                chart.show(data)
            self.query_one("#pain-title", Label).update(_pain_title(data))


def _pain_title(data: TrendData) -> str:
    each = "each day" if data.bucket_days == 1 else f"average of each {data.bucket_days} days"
    return f"Pain, {data.start:%d %b %Y} to {data.end:%d %b %Y} ({each})"
