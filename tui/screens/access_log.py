"""Who read or exported the diary, and every login and share change, oldest first."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tui.sharing_data import AccessLog
from tui.widgets.sharing.share_table import shown_time

BROKEN_CHAIN = (
    "⚠ THE ACCESS LOG HAS BEEN TAMPERED WITH: an event was changed or removed, so this list "
    "cannot be trusted. Tell the server's operator (and your clinic)."
)


class AccessLogScreen(ModalScreen[None]):
    """Esc closes; a broken hash chain is shown above everything else."""

    AUTO_FOCUS = "#events"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, log: AccessLog) -> None:
        super().__init__()
        self.log_shown = log

    def compose(self) -> ComposeResult:
        with Vertical(id="access-log", classes="dialog"):
            if not self.log_shown.chain_intact:
                yield Static(BROKEN_CHAIN, id="chain-broken", markup=False)
            count = len(self.log_shown.events)
            events = "event" if count == 1 else "events"
            yield Label(f"Access log: {count} {events}, oldest first (Esc closes)")
            yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
            if self.log_shown.chain_intact:
                yield Label("Checked: no event was changed or removed.", classes="section-note")

    def on_mount(self) -> None:
        table: DataTable[str] = self.query_one("#events", DataTable)
        table.add_columns("When", "Who", "What", "Detail")
        for event in self.log_shown.events:
            who = event.actor_role or "system"
            action = event.action.replace("_", " ")
            table.add_row(shown_time(event.at), who, action, event.detail or "")
        if table.row_count:
            table.move_cursor(row=table.row_count - 1)

    def action_close(self) -> None:
        self.dismiss(None)
