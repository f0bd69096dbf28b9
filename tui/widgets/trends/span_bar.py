"""The range picker above the charts: each range with its key, the one shown marked."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static


class SpanBar(Static):
    """Click a range or press its key (3, 9, y, a); the Trends page redraws its charts.

    One line of text, like the page bar at the top, rather than a row of tab widgets: it
    shows the same and is drawn in a fraction of the time on the page's first visit.
    """

    current: reactive[str] = reactive("90")

    def __init__(self, spans: dict[str, tuple[str, str]], *, id: str | None = None) -> None:
        """`spans`: range key → (keyboard key, title), in the order shown."""
        super().__init__(id=id)
        self.spans = spans

    def render(self) -> Content:
        return Content.assemble(*(self._choice(span) for span in self.spans))

    def _choice(self, span: str) -> Content:
        key, title = self.spans[span]
        shown = f"[reverse bold]{title}[/]" if span == self.current else title
        return Content.from_markup(f"[@click=screen.span('{span}')][dim]{key}[/] {shown}[/]  ")
