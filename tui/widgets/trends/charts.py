"""The Trends charts: pain with infusions and relief marks; mood and sleep; side effects.

Each chart keeps its data and draws it in `replot()`, as textual-plotext's own examples do.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.trend_data import Point, TrendData
from tui.widgets.cached_plot import CachedPlot

INFUSION_MARK_LEVEL = 0.3


class TrendChart(CachedPlot):
    """A chart of some series of `TrendData`; empty until data arrives."""

    Y_TOP = 10.0

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._data: TrendData | None = None

    def show(self, data: TrendData) -> None:
        self._data = data
        self.replot()

    def replot(self) -> None:
        plt = self.plt
        plt.clear_figure()
        if self._data is not None:
            self.draw(self._data)
            plt.xlim(0, max(self._data.width, 1))
            positions, labels = zip(*self._data.ticks, strict=True)
            plt.xticks(list(positions), list(labels))
        plt.ylim(0, self.Y_TOP)
        plt.yticks([0, 2, 4, 6, 8, 10])
        super().replot()

    def draw(self, data: TrendData) -> None:
        raise NotImplementedError

    def line(self, points: Sequence[Point], color: str) -> None:
        if points:
            xs, ys = zip(*points, strict=True)
            self.plt.plot(list(xs), list(ys), color=color, marker="braille")


class PainChart(TrendChart):
    """Pain, each course's baseline and 70% threshold, and a ▲ on every infusion day."""

    def draw(self, data: TrendData) -> None:
        for mark in data.relief_marks:
            span = [mark.first, mark.last]
            self.plt.plot(span, [mark.baseline] * 2, color="orange", marker="hd")
            self.plt.plot(span, [mark.threshold] * 2, color="red", marker="dot")
        self.line(data.pain, "cyan")
        if data.infusion_days:
            level = [INFUSION_MARK_LEVEL] * len(data.infusion_days)
            self.plt.scatter(data.infusion_days, level, color="magenta", marker="▲")


class WellbeingChart(TrendChart):
    """Mood, sleep quality (0–10) and hours slept."""

    Y_TOP = 12.0

    def draw(self, data: TrendData) -> None:
        self.line(data.mood, "green")
        self.line(data.sleep_quality, "blue")
        self.line(data.sleep_hours, "yellow")


class SideEffectsChart(TrendChart):
    """The worst dissociation, nausea and bladder score of each stretch of days."""

    def draw(self, data: TrendData) -> None:
        self.line(data.dissociation, "magenta")
        self.line(data.nausea, "yellow")
        self.line(data.bladder, "red")
