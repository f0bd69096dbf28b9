"""`diary import` and `diary export`: whole diaries in and out as files, and summaries out."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Annotated

import typer

from diary.cli.state import parse_day, state_of
from diary.domain import FieldProblem, InvalidInput
from diary.export.formats import ExportFormat, PageSize
from diary.export.private_files import infusions_path_for, private_file
from diary.factory import Diary

ReadableFile = Annotated[
    Path | None, typer.Option(exists=True, dir_okay=False, readable=True, show_default=False)
]


def register(app: typer.Typer) -> None:
    app.command("import")(import_files)
    app.command("export")(export_file)


def import_files(
    ctx: typer.Context,
    entries: ReadableFile = None,
    infusions: ReadableFile = None,
    json_file: Annotated[
        Path | None,
        typer.Option("--json", exists=True, dir_okay=False, help="A `diary export` JSON file."),
    ] = None,
) -> None:
    """Import CSV files (or a JSON export): all of it is stored, or nothing is."""
    state = state_of(ctx)
    if not (entries or infusions or json_file):
        raise typer.BadParameter("give --entries, --infusions or --json")
    with state.diary() as (diary, patient):
        if json_file:
            summary = diary.transfer.import_json(patient, _read_text(json_file))
        else:
            with _open_csv(entries) as entry_rows, _open_csv(infusions) as infusion_rows:
                summary = diary.transfer.import_csv(patient, entry_rows, infusion_rows)
    state.out.print(f"Imported {summary.entries} entries and {summary.infusions} infusions.")


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput([FieldProblem(str(path), f"is not UTF-8 text: {error}")]) from None


@contextmanager
def _open_csv(path: Path | None) -> Iterator[IO[str] | None]:
    if path is None:
        yield None
        return
    with path.open(encoding="utf-8-sig", newline="") as stream:
        yield stream


def export_file(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="File to write.", dir_okay=False)],
    format_: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.CSV,
    start: Annotated[dt.date | None, typer.Option("--from", parser=parse_day)] = None,
    end: Annotated[dt.date | None, typer.Option("--to", parser=parse_day)] = None,
    page_size: Annotated[PageSize, typer.Option(help="Paper size of a PDF.")] = PageSize.A4,
    name: Annotated[
        str | None, typer.Option(help="Name printed on a summary (default: the diary's owner).")
    ] = None,
) -> None:
    """Export the diary: an appointment summary (pdf, md), data (csv, json, fhir) or a calendar
    reminder (ics). CSV writes entries to OUT and infusions beside it (OUT-infusions.csv).
    """
    state = state_of(ctx)
    with state.diary() as (diary, patient):
        if format_ in (ExportFormat.CSV, ExportFormat.JSON):
            written = _export_data(diary, patient, out, format_, (start, end))
        else:
            exported = diary.exports.export(patient, format_, start, end, page_size, name)
            with private_file(out, binary=True) as stream:
                stream.write(exported.content)
            written = [out]
    for path in written:
        state.out.print(f"Wrote {path}", highlight=False)


def _export_data(
    diary: Diary,
    patient: uuid.UUID,
    out: Path,
    format_: ExportFormat,
    dates: tuple[dt.date | None, dt.date | None],
) -> list[Path]:
    """The diary's own formats, which `diary import` reads back."""
    if format_ is ExportFormat.JSON:
        with private_file(out) as stream:
            stream.write(diary.transfer.export_json(patient, *dates))
        return [out]
    infusions_out = infusions_path_for(out)
    with private_file(out) as entry_rows, private_file(infusions_out) as infusion_rows:
        diary.transfer.export_csv(patient, entry_rows, infusion_rows, *dates)
    return [out, infusions_out]
