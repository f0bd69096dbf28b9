"""Summary exports on a local diary, and a save refused because the day changed elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from diary.domain import DailyEntry
from diary.factory import Diary
from tests.conftest import TODAY
from tests.tui.conftest import AppMaker, settle
from tui.gateway import ExportFormat, ExportRequest
from tui.screens.export import ExportScreen


@pytest.mark.parametrize(
    ("export_format", "start"),
    [(ExportFormat.PDF, b"%PDF"), (ExportFormat.MARKDOWN, b"#"), (ExportFormat.FHIR, b"{")],
)
async def test_summary_exports_are_written_privately(
    make_diary_app: AppMaker, tmp_path: Path, export_format: ExportFormat, start: bytes
) -> None:
    app = make_diary_app(demo=True, export_folder=tmp_path)
    path = tmp_path / f"summary.{export_format.value}"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        screen.write_export(ExportRequest(export_format, path))
        await settle(pilot)
    assert path.read_bytes().startswith(start)
    assert path.stat().st_mode & 0o777 == 0o600


async def test_a_day_changed_elsewhere_is_not_overwritten(
    make_diary_app: AppMaker, reopen: Callable[[], Diary]
) -> None:
    app = make_diary_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        other = reopen()
        patient = other.accounts.local_patient_id()
        other.entries.save_entry(patient, DailyEntry(date=TODAY, pain=2))
        await pilot.press("8", "ctrl+s")
        await settle(pilot)
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert any("changed elsewhere" in text for text in errors)
        assert app.has_unsaved_changes  # the 8 is still in the form
        stored = other.entries.contents(patient).entries
        assert [entry.pain for entry in stored] == [2]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not app.has_unsaved_changes
