"""The bar at the top: every page with its key, the current one marked, open warnings counted."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Static

from tui.pages import HELP_KEY, PAGES, Page


class NavBar(Static):
    """Click a page or press its key; the app switches pages."""

    pages: reactive[tuple[Page, ...]] = reactive(PAGES)
    """The pages of this kind of diary, set by the page holding the bar."""
    current: reactive[str] = reactive("today")
    reader: reactive[str] = reactive("")
    """Whose diary a clinician is reading (shown at the end, with "read-only")."""
    open_flags: reactive[int] = reactive(0)
    """How many warning flags are still open (shown as ⚠ N on every page)."""

    def render(self) -> Content:
        parts = [self._tab(page) for page in self.pages]
        parts.append(Content.from_markup(f"[@click=app.help][dim]{HELP_KEY.upper()}[/] Help[/]"))
        if self.open_flags:
            parts.append(Content.from_markup(f" [bold $error]⚠ {self.open_flags}[/]"))
        if self.reader:
            parts.append(
                Content.from_markup(" [bold $accent]$name[/] [dim](read-only)[/]", name=self.reader)
            )
        return Content.assemble(*parts)

    def _tab(self, page: Page) -> Content:
        title = f"[reverse bold]{page.title}[/]" if page.mode == self.current else page.title
        return Content.from_markup(
            f"[@click=app.switch_page('{page.mode}')][dim]{page.key.upper()}[/] {title}[/] "
        )
