"""Help: every key of every page, read from the bindings themselves so it never goes stale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

KEY_NAMES = {
    "right": "→",
    "left": "←",
    "plus": "+",
    "minus": "-",
    "escape": "Esc",
    "delete": "Delete",
    "backspace": "Backspace",
    "enter": "Enter",
}
MOVING_AROUND: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "Next / previous field or control"),
    ("↑ ↓ / Enter", "Move in a table / open the chosen row"),
    ("Space", "Tick or untick a box"),
    ("Ctrl+P", "Command palette: every command by name"),
    ("Ctrl+Q", "Quit (asks first if today's entry has unsaved changes)"),
)
Area = tuple[str, Sequence[BindingType]]


def key_label(keys: str) -> str:
    """`ctrl+s` → `Ctrl+S`, `d,delete` → `D / Delete`."""
    return " / ".join(_one_key(key) for key in keys.split(","))


def _one_key(key: str) -> str:
    if key in KEY_NAMES:
        return KEY_NAMES[key]
    return "+".join(part.capitalize() if len(part) > 1 else part.upper() for part in key.split("+"))


def key_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do); bindings sharing a description are listed on one row."""
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            rows.setdefault(binding.description, []).append(key_label(binding.key))
    return [(" ".join(keys), description) for description, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Escape or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close help"),
    ]

    def __init__(self, areas: Sequence[Area], description: str) -> None:
        super().__init__()
        self.areas, self.description = areas, description

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog"):
            yield Label("Keys: Esc closes this help", id="help-title")
            with VerticalScroll(id="help-keys"):
                yield Static(self.key_table())
                yield Label(self.description, id="help-diary", markup=False)

    def key_table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column(style="bold", no_wrap=True)
        table.add_column(ratio=1)
        sections = [("Everywhere", list(MOVING_AROUND))]
        sections += [(area, key_rows(bindings)) for area, bindings in self.areas]
        for area, rows in sections:
            table.add_row(Text(area, style="bold underline"), "")
            for keys, what in rows:
                table.add_row(keys, what)
        return table

    def action_close(self) -> None:
        self.dismiss(None)
