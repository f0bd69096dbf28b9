"""Open warning flags, most urgent first, each with what to do in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from diary.analysis import Flag, Tier
from tui.wording import TIER_HEADING, long_day

TIER_STYLE = {Tier.EMERGENCY: "bold white on red", Tier.SAME_DAY: "bold red", Tier.REVIEW: "bold"}


class FlagList(Static):
    """Shown on the Relief page; acknowledge a flag on the Today or Diary page."""

    def show(self, flags: Sequence[Flag]) -> None:
        text = Text()
        if not flags:
            text.append("No open warning flags.")
        for flag in flags:
            text.append(f"{TIER_HEADING[flag.tier]}", style=TIER_STYLE[flag.tier])
            text.append(f" · {long_day(flag.date)}\n", style="bold")
            text.append(f"{flag.message}\n")
        self.update(text)
