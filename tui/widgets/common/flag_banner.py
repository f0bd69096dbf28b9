"""The warning banner: the most urgent open flag, shown until the patient marks it as seen."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from diary.analysis import Flag, Tier
from tui.wording import TIER_HEADING, long_day

UNCHECKED_MESSAGE = (
    "The day was saved, but the warning checks could not run. Please look over this day, and "
    "contact your clinic if anything worries you."
)


class FlagBanner(Vertical):
    """Emergency first: one flag at a time, each acknowledged on purpose."""

    flags: reactive[tuple[Flag, ...]] = reactive(())
    """Open flags, most urgent first."""
    unchecked: reactive[bool] = reactive(False)
    """True after a save whose warning checks could not run."""

    @dataclass
    class Acknowledged(Message):
        """The patient has read `flag`."""

        flag: Flag

    def compose(self) -> ComposeResult:
        # Empty until there is a warning to show: most days have none, and the parts (a
        # button among them) would only slow down the Today page's first frame.
        yield from ()

    def watch_flags(self) -> None:
        self._show()

    def watch_unchecked(self) -> None:
        self._show()

    def _show(self) -> None:
        self.display = bool(self.flags) or self.unchecked
        top_tier = self.flags[0].tier if self.flags else None
        self.set_class(top_tier is Tier.EMERGENCY, "-emergency")
        self.set_class(top_tier is Tier.SAME_DAY, "-same-day")
        if not self.is_mounted or not self.display:
            return
        if self.flags:
            flag = self.flags[0]
            heading, message = f"{TIER_HEADING[flag.tier]} · {long_day(flag.date)}", flag.message
        else:
            heading, message = "Warning checks did not run", UNCHECKED_MESSAGE
        more = len(self.flags) - 1
        more_text = f"+{more} more" if more > 0 else ""
        if not self.children:
            self.mount_all(_banner_parts(heading, more_text, message))
            return
        self.query_one("#flag-heading", Label).update(heading)
        self.query_one("#flag-message", Static).update(message)
        self.query_one("#flag-more", Label).update(more_text)

    def on_mount(self) -> None:
        self._show()

    @on(Button.Pressed, "#acknowledge")
    def mark_as_seen(self, event: Button.Pressed) -> None:
        event.stop()
        if self.flags:
            self.post_message(self.Acknowledged(self.flags[0]))
        else:
            self.unchecked = False


def _banner_parts(heading: str, more: str, message: str) -> list[Widget]:
    """The banner's heading line (with the button) and its message, filled in."""
    top = Horizontal(
        Label(heading, id="flag-heading"),
        Label(more, id="flag-more"),
        Button("I have read this", id="acknowledge", compact=True),
        id="flag-top",
    )
    return [top, Static(message, id="flag-message", markup=False)]
