"""What every page shares: the nav bar, the overview handed down by the app, progress, errors."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker

from diary.analysis import Flag
from diary.domain import Clock
from tui.gateway import DiaryGateway, DiaryOverview
from tui.messages import DiaryChanged
from tui.pages import PageContext
from tui.saving import FlagAcknowledged
from tui.screens.progress import track_worker
from tui.widgets.common.busy_line import BusyLine
from tui.widgets.common.flag_banner import FlagBanner
from tui.widgets.common.nav_bar import NavBar

EDITING_ACTIONS = frozenset(
    {
        "save",
        "use_yesterday",
        "reopen",
        "edit_day",
        "log_other_day",
        "delete_day",
        "add_infusion",
        "edit_infusion",
        "delete_infusion",
    }
)
"""Page actions that change the diary: hidden and refused on a read-only (clinician) view."""


class DiaryPage(Screen[None]):
    """A page showing part of the diary; the app hands each fresh overview down to it.

    Until the first overview arrives the page's `#body` shows a loading indicator.
    """

    MODE: ClassVar[str] = ""
    """The app mode (see tui.pages) this page is the base screen of."""

    def __init__(self, context: PageContext, overview: DiaryOverview | None = None) -> None:
        super().__init__()
        self.context = context
        self.gateway: DiaryGateway = context.gateway
        self.clock: Clock = context.clock
        self.overview = overview
        self._suspended = False
        """Whether the page has been left (for another page or a dialog) since it mounted."""

    def compose(self) -> ComposeResult:
        yield NavBar(id="nav")
        yield from self.compose_page()
        yield BusyLine()
        yield Footer(compact=True)

    def compose_page(self) -> ComposeResult:
        """The page's own widgets (the main one with id `body`), above the footer."""
        raise NotImplementedError

    @property
    def read_only(self) -> bool:
        return self.gateway.read_only

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.read_only and action in EDITING_ACTIONS)

    def on_mount(self) -> None:
        nav = self.query_one(NavBar)
        nav.pages, nav.current = self.context.pages, self.MODE
        nav.reader = self.context.patient_name or ""
        if self.overview is None:
            self.query_one("#body").loading = True
        else:
            self._fill(self.overview)

    @on(events.ScreenResume)
    def keep_fresh_styles(self, event: events.ScreenResume) -> None:
        if not self._suspended:
            # The widgets got their styles from the current style sheet as they mounted;
            # Textual would otherwise apply them all again before the first frame.
            event.refresh_styles = False

    @on(events.ScreenSuspend)
    def note_suspended(self) -> None:
        self._suspended = True

    def receive_overview(self, overview: DiaryOverview) -> None:
        """Called by the app with each fresh overview."""
        self.overview = overview
        if self.is_mounted:
            self._fill(overview)

    def _fill(self, overview: DiaryOverview) -> None:
        self.query_one(NavBar).open_flags = len(overview.open_flags)
        self.show_overview(overview)
        body = self.query_one("#body")
        if body.loading:
            body.loading = False
            self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        if self.focused is None and self.AUTO_FOCUS:
            self.query(self.AUTO_FOCUS).first().focus()

    def show_overview(self, overview: DiaryOverview) -> None:
        """Fill the page's widgets from `overview`."""
        raise NotImplementedError

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        track_worker(self, event)

    @on(FlagBanner.Acknowledged)
    def acknowledge(self, message: FlagBanner.Acknowledged) -> None:
        self.store_acknowledgement(message.flag)

    @work(
        thread=True, group="flags", exit_on_error=False, description="Marking the warning as seen"
    )
    def store_acknowledgement(self, flag: Flag) -> None:
        self.gateway.acknowledge(flag)
        self.post_message(FlagAcknowledged(flag))

    @on(FlagAcknowledged)
    def drop_acknowledged(self, message: FlagAcknowledged) -> None:
        for banner in self.query(FlagBanner).results(FlagBanner):
            banner.flags = tuple(flag for flag in banner.flags if flag.key != message.flag.key)
        self.post_message(DiaryChanged())
