"""Export: write the diary, or a range of it, to a file in one of six formats; say where it went."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from diary.export.private_files import infusions_path_for
from tui.gateway import DiaryOverview, ExportFormat, ExportRequest
from tui.pages import PageContext
from tui.screens.base import DiaryPage
from tui.screens.confirm import ConfirmScreen
from tui.widgets.common.range_picker import RangePicker

FORMAT_TITLES = {
    ExportFormat.CSV: "CSV: for spreadsheets (entries, and infusions beside them)",
    ExportFormat.JSON: "JSON: the whole diary in one file, for backups",
    ExportFormat.PDF: "PDF: a summary to bring to an appointment (page 1, then the days)",
    ExportFormat.MARKDOWN: "Markdown: the same summary as plain text",
    ExportFormat.FHIR: "FHIR: a FHIR R4 bundle for health-record systems",
    ExportFormat.CALENDAR: "Calendar (ICS): a reminder of when to raise maintenance",
}
SUFFIXES = {
    ExportFormat.CSV: ".csv",
    ExportFormat.JSON: ".json",
    ExportFormat.PDF: ".pdf",
    ExportFormat.MARKDOWN: ".md",
    ExportFormat.FHIR: ".fhir.json",
    ExportFormat.CALENDAR: ".ics",
}


@dataclass
class ExportWritten(Message):
    paths: list[Path]


class ExportScreen(DiaryPage):
    """Files are written readable by you only, whole or not at all."""

    MODE = "export"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Write the file", priority=True),
    ]

    def __init__(self, context: PageContext, overview: DiaryOverview | None = None) -> None:
        super().__init__(context, overview)
        self.folder = context.export_folder

    def compose_page(self) -> ComposeResult:
        today = self.clock.today()
        with Vertical(id="body"):
            yield Label("Export your diary", classes="section-title")
            with RadioSet(id="format"):
                for export_format, title in FORMAT_TITLES.items():
                    yield RadioButton(title, value=export_format is ExportFormat.CSV)
            yield Label("Days to include", classes="section-title")
            yield RangePicker(today, "all", id="range")
            yield Label("Save to", classes="section-title")
            with Horizontal(id="destination"):
                yield Input(str(self.folder / f"diary-{today.isoformat()}.csv"), id="path")
                yield Button("Write the file", variant="primary", id="write")
            yield Static("", id="result", markup=False)

    def show_overview(self, overview: DiaryOverview) -> None:
        """The export reads the diary itself when it runs; nothing to show beforehand."""

    @property
    def chosen_format(self) -> ExportFormat:
        index = self.query_one(RadioSet).pressed_index
        return list(FORMAT_TITLES)[max(index, 0)]

    @on(RadioSet.Changed, "#format")
    def match_suffix(self) -> None:
        """A file name the app suggested (or one with a known ending) follows the format."""
        box = self.query_one("#path", Input)
        value = box.value
        known = sorted(SUFFIXES.values(), key=len, reverse=True)
        ending = next((end for end in known if value.lower().endswith(end)), None)
        if ending is not None:
            box.value = value[: -len(ending)] + SUFFIXES[self.chosen_format]

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#path")
    def action_export(self) -> None:
        request = self._request()
        existing = [path for path in self._paths(request) if path.exists()]
        if not existing:
            self.write_export(request)
            return
        names = ", ".join(str(path) for path in existing)
        confirm = ConfirmScreen(f"Replace {names}?", "Replace", "Keep it")
        self.app.push_screen(confirm, partial(self._write_if, request))

    def _write_if(self, request: ExportRequest, replace: bool | None) -> None:
        if replace:
            self.write_export(request)

    def _request(self) -> ExportRequest:
        typed = Path(self.query_one("#path", Input).value.strip() or "diary").expanduser()
        path = typed if typed.is_absolute() else self.folder / typed
        picker = self.query_one(RangePicker)
        return ExportRequest(self.chosen_format, path, picker.start, picker.end)

    def _paths(self, request: ExportRequest) -> list[Path]:
        if request.format is ExportFormat.CSV:
            return [request.path, infusions_path_for(request.path)]
        return [request.path]

    @work(thread=True, group="export", exit_on_error=False, description="Writing the export")
    def write_export(self, request: ExportRequest) -> None:
        self.post_message(ExportWritten(self.gateway.export(request)))

    @on(ExportWritten)
    def show_written(self, message: ExportWritten) -> None:
        lines = "\n".join(f"  {path}" for path in message.paths)
        self.query_one("#result", Static).update(f"Your export is in:\n{lines}")
        self.notify(f"Wrote {len(message.paths)} file(s).")
