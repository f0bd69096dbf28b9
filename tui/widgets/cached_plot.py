"""A textual-plotext plot that draws its figure once per change, not on every repaint."""

from __future__ import annotations

from textual.app import RenderResult
from textual_plotext import PlotextPlot


class CachedPlot(PlotextPlot):
    """Call `replot()` after changing the figure; repaints of the same size reuse the drawing.

    Plotext rebuilds the whole figure on each `render()`, and Textual may render a widget
    several times while a page is laid out; a long diary would pay for each of them.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._figure_version = 0
        self._drawn: tuple[object, RenderResult] | None = None

    def replot(self) -> None:
        self._figure_version += 1
        self.refresh()

    def render(self) -> RenderResult:
        key = (self.size, self.app.theme, self.theme, self._figure_version)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, super().render())
        return self._drawn[1]
