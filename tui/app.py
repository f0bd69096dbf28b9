"""The Textual app: its pages (modes), the global keys, and the overview every page shows.

The app reads the diary through its gateway in a thread worker, then hands each fresh
overview down to the pages; pages post `DiaryChanged` up after every write.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial
from typing import ClassVar, Protocol, runtime_checkable

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.gateway import DiaryGateway, DiaryOverview
from tui.messages import DiaryChanged, OverviewLoaded
from tui.pages import (
    HELP_KEY,
    PAGE_KEYS,
    PAGES_BY_MODE,
    THEME_KEY,
    Page,
    PageContext,
    load_page_screen,
)
from tui.screens.base import DiaryPage
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import Area, HelpScreen
from tui.screens.progress import failure_text

DARK, LIGHT = "textual-dark", "textual-light"


def set_aside_long_lived_objects() -> None:
    """Collect once, then leave everything alive now out of later full collections.

    Called when the app has settled after start-up (the first page shown, the other pages'
    code loaded), while the patient reads the first page. What exists then (the libraries,
    the first page, the diary's overview) mostly lives as long as the app, yet Python's
    full collections would scan all of it again: one of them landing while Trends draws its
    first frame took 40–75 ms of a 3-year diary's page switch. Frozen objects are still
    freed as soon as nothing refers to them; only reference cycles among them are kept.
    """
    gc.collect()
    gc.freeze()


def own_bindings(screen: type[Screen[None]]) -> list[BindingType]:
    """The keys a page class declares itself, not those it inherits from Textual's Screen."""
    declared: list[BindingType] = vars(screen).get("BINDINGS", [])
    return declared


@runtime_checkable
class HoldsAnswers(Protocol):
    """A page or dialog whose form may hold answers that are not stored yet."""

    @property
    def has_unsaved_changes(self) -> bool: ...


class DiaryApp(App[None]):
    """A pain and side-effect diary; build it with `tui.factory.make_app`."""

    CSS_PATH = "app.tcss"
    TITLE = "Pain diary"
    DEFAULT_MODE = "today"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(HELP_KEY, "help", "Help: every key"),
        *(Binding(key, f"switch_key('{key}')", "Go to a page", show=False) for key in PAGE_KEYS),
        Binding("ctrl+r", "reread", "Read the diary again", show=False),
        Binding(THEME_KEY, "toggle_theme", "Light or dark theme", show=False),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self,
        context: PageContext | None,
        overview: DiaryOverview | None = None,
    ) -> None:
        """The app over `context` (its gateway and pages); None until a login provides one."""
        super().__init__()
        self.context = context
        self.overview = overview
        """The latest overview, handed to every page; read in a worker unless given."""
        self._pages: dict[str, DiaryPage] = {}
        self._changes = 0
        self._page_modes: set[str] = set()
        """Modes showing a page of the current diary (replaced when another diary opens)."""
        for page in context.pages if context else ():
            self._page_modes.add(page.mode)
            self.add_mode(page.mode, self._page_opener(page.mode))

    @property
    def gateway(self) -> DiaryGateway | None:
        return self.context.gateway if self.context else None

    @property
    def pages(self) -> tuple[Page, ...]:
        return self.context.pages if self.context else ()

    def open_diary(self, context: PageContext, first_mode: str) -> None:
        """Show another diary (after a login, or a clinician opening a patient): fresh pages."""
        for page in self.pages:
            if page.mode != self.current_mode and page.mode in self._page_modes:
                self.remove_mode(page.mode)
                self._page_modes.discard(page.mode)
        self.context, self.overview, self._pages = context, None, {}
        self._changes += 1
        for page in context.pages:
            if page.mode not in self._modes:
                self._page_modes.add(page.mode)
                self.add_mode(page.mode, self._page_opener(page.mode))
        self.switch_mode(first_mode)
        self.read_diary(self._changes)

    def _page_opener(self, mode: str) -> Callable[[], Screen[None]]:
        if self.context is None:
            raise RuntimeError("pages exist only once a diary is open")
        context = self.context  # the diary these pages show; a new diary adds new modes

        def open_page() -> DiaryPage:
            page = load_page_screen(PAGES_BY_MODE[mode])(context, self.overview)
            if self._pages:
                # A later page gets its styles as it mounts, from the style sheet Textual
                # brought up to date when it showed the first page; without this Textual
                # re-parses every style sheet on the first two visits to each page (about
                # 0.1 s each time). The first page is left to Textual: in a terminal, the
                # styles it mounts with are not final (marking them current left Today's
                # text in its background colour).
                page._css_update_count = self._css_update_count
            self._pages[mode] = page
            return page

        return open_page

    def on_mount(self) -> None:
        if self.context is None:
            return  # a login comes first
        if self.overview is None:
            self.read_diary(self._changes)
        else:
            self.call_after_refresh(self.warm_up_pages)

    @work(
        thread=True,
        exclusive=True,
        group="overview",
        exit_on_error=False,
        description="Reading your diary",
    )
    def read_diary(self, changes_seen: int) -> None:
        if self.gateway is None:
            return
        overview = self.gateway.overview()
        if not get_current_worker().is_cancelled:
            self.post_message(OverviewLoaded(overview, changes_seen))

    @on(OverviewLoaded)
    def hand_down(self, message: OverviewLoaded) -> None:
        if message.changes_seen < self._changes:
            return  # read before a later write: a newer read is on its way
        first = self.overview is None
        self.overview = message.overview
        for page in self._pages.values():
            page.receive_overview(message.overview)
        if first:
            self.warm_up_pages()

    @work(thread=True, group="warm-up", exit_on_error=False, description="Preparing the pages")
    def warm_up_pages(self) -> None:
        """Import the other pages' code while the patient looks at the first one."""
        for page in self.pages:
            load_page_screen(page)

    @on(DiaryChanged)
    def action_reread(self) -> None:
        self._changes += 1
        self.read_diary(self._changes)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.notify(failure_text(event.worker), severity="error", timeout=30, markup=False)
        elif event.state is WorkerState.SUCCESS and event.worker.group == "warm-up":
            set_aside_long_lived_objects()

    def action_switch_key(self, key: str) -> None:
        """Go to the page this kind of diary has on `key` (F9 is Sharing or Patients)."""
        pages = [page for page in self.pages if page.key == key]
        if pages:
            self.action_switch_page(pages[0].mode)
        else:
            self.bell()

    def action_switch_page(self, mode: str) -> None:
        """Go to a page; not while a dialog is open, so no dialog is left behind unseen."""
        if self.context is None or not self.context.has_page(mode):
            self.bell()
            return
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        elif self.screen.is_modal:
            self.bell()
            return
        self.switch_mode(mode)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            where = self.gateway.description if self.gateway else "Not signed in yet."
            self.push_screen(HelpScreen(self.key_areas(), where))

    def key_areas(self) -> list[Area]:
        """Every page's and dialog's keys, for the help screen and the user guide."""
        from tui.screens.entry_editor import EntryEditorScreen
        from tui.screens.infusion_editor import InfusionEditorScreen
        from tui.widgets.today.score_field import ScoreField

        # A page's own keys: those every Textual screen has (Tab, copy) are under Everywhere.
        pages = [(page.title, own_bindings(load_page_screen(page))) for page in self.pages]
        going = [Binding(page.key, "", page.title) for page in self.pages]
        anywhere: Area = ("Any page", [self.BINDINGS[0], *going, *self.BINDINGS[-3:]])
        if self.gateway is not None and self.gateway.read_only:
            return [anywhere, *(area for area in pages if area[1])]
        return [
            anywhere,
            pages[0],
            ("A score on Today", ScoreField.BINDINGS),
            *(area for area in pages[1:] if area[1]),
            ("Editing a day", EntryEditorScreen.BINDINGS),
            ("Editing an infusion", InfusionEditorScreen.BINDINGS),
        ]

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    async def action_quit(self) -> None:
        if not self.has_unsaved_changes:
            self.exit()
            return
        question = "You have changes that are not saved. Quit anyway and lose them?"
        confirm = ConfirmScreen(question, "Quit without saving", "Keep editing")
        self.push_screen(confirm, self._quit_if_confirmed)

    @property
    def has_unsaved_changes(self) -> bool:
        """A page (Today) or an open dialog holds answers that are not stored yet."""
        screens = [*self._pages.values(), *self.screen_stack]
        return any(isinstance(s, HoldsAnswers) and s.has_unsaved_changes for s in screens)

    def _quit_if_confirmed(self, quit_anyway: bool | None) -> None:
        if quit_anyway:
            self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for page in self.pages:
            yield SystemCommand(
                f"Go to {page.title}", page.purpose, partial(self.action_switch_page, page.mode)
            )
        yield SystemCommand("Help", "List every key", self.action_help)
        yield SystemCommand(
            "Light or dark", "Switch between the light and dark theme", self.action_toggle_theme
        )
        yield from super().get_system_commands(screen)
