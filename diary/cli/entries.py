"""`diary log`, `diary entries`, `diary delete`: daily entries from the command line."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer
from rich import box
from rich.table import Table

from diary.cli.insights import report_flags_raised
from diary.cli.state import (
    CliState,
    SkipConfirmation,
    number_parser,
    parse_day,
    refusals_named_by_option,
    state_of,
)
from diary.domain import BLADDER_FIELDS, DailyEntry, WarningSign
from diary.domain.validation import FIELD_RULES, listed
from diary.export.counts_words import days_text
from diary.services.diary import SavedEntry

DEFAULT_DAYS_SHOWN = 30
OPTION_OF_FIELD = {"warning_signs": "warning-sign"}
"""Fields whose option is not the field's name with dashes."""
NEW_DAY_NEEDS_PAIN = {("pain", "is required"): "is required for a day not logged yet"}
WARNING_SIGNS = listed(WarningSign)


Score = Annotated[
    int | None,
    typer.Option(
        show_default=False, metavar="0-10", parser=number_parser(int, FIELD_RULES["pain"])
    ),
]
Flag = Annotated[bool | None, typer.Option(show_default=False)]


def register(app: typer.Typer) -> None:
    app.command("log", epilog=f"Warning signs (--warning-sign): {WARNING_SIGNS}.")(log_day)
    app.command("entries")(show_entries)
    app.command("delete")(delete_day)


def log_day(
    ctx: typer.Context,
    pain: Annotated[
        int | None,
        typer.Option(
            metavar="0-10",
            parser=number_parser(int, FIELD_RULES["pain"]),
            help="Required for a day not logged yet.",
        ),
    ] = None,
    date: Annotated[
        dt.date | None,
        typer.Option(parser=parse_day, metavar="YYYY-MM-DD", help="Default: today."),
    ] = None,
    pain_worst: Score = None,
    mood: Score = None,
    sleep_hours: Annotated[
        float | None,
        typer.Option(metavar="0-24", parser=number_parser(float, FIELD_RULES["sleep_hours"])),
    ] = None,
    sleep_quality: Score = None,
    dissociation: Score = None,
    hallucinations: Flag = None,
    nausea: Score = None,
    vomiting: Annotated[
        int | None,
        typer.Option(metavar="EPISODES", parser=number_parser(int, FIELD_RULES["vomiting"])),
    ] = None,
    urinary_frequency: Score = None,
    urinary_urgency: Score = None,
    urination_pain: Score = None,
    bladder_pain: Score = None,
    blood_in_urine: Annotated[str | None, typer.Option(metavar="none|pink|red|clots")] = None,
    unable_to_urinate: Flag = None,
    warning_sign: Annotated[
        list[str] | None,
        typer.Option(help="Repeat for each sign (listed below).", metavar="SIGN"),
    ] = None,
    rescue_doses: Annotated[
        int | None,
        typer.Option(metavar="DOSES", parser=number_parser(int, FIELD_RULES["rescue_doses"])),
    ] = None,
    notes: str | None = None,
    clear: Annotated[
        list[str] | None, typer.Option(help="Forget a recorded field.", metavar="FIELD")
    ] = None,
) -> None:
    """Record or update a day: only the fields you give change."""
    state = state_of(ctx)
    given = {k: v for k, v in locals().items() if k not in {"ctx", "state", "date", "clear"}}
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if "warning_sign" in changes:
        changes["warning_signs"] = changes.pop("warning_sign")
    changes.update(_cleared(clear or []))
    with state.diary() as (diary, patient):
        day = date or state.clock.today()
        with refusals_named_by_option(OPTION_OF_FIELD, NEW_DAY_NEEDS_PAIN):
            saved = diary.entries.update_entry_fields(patient, day, changes)
    _report_saved(state, saved)


def _cleared(fields: list[str]) -> dict[str, Any]:
    unknown = [name for name in fields if name not in DailyEntry.model_fields]
    if unknown or "date" in fields or "pain" in fields:
        raise typer.BadParameter(f"cannot clear {', '.join(fields)}", param_hint="--clear")
    return {name: () if name == "warning_signs" else None for name in fields}


def _report_saved(state: CliState, saved: SavedEntry) -> None:
    report_flags_raised(state, saved.flags, "please review this day.")
    verb = "Logged" if saved.created else "Updated"
    recorded = saved.entry.model_dump(exclude={"date"}, exclude_none=True, mode="json")
    shown = {k: ", ".join(v) if isinstance(v, list) else v for k, v in recorded.items()}
    summary = ", ".join(f"{k} {v}" for k, v in shown.items() if v != "")
    state.out.print(f"{verb} {saved.entry.date.isoformat()}: {summary}", highlight=False)


def show_entries(
    ctx: typer.Context,
    start: Annotated[dt.date | None, typer.Option("--from", parser=parse_day)] = None,
    end: Annotated[dt.date | None, typer.Option("--to", parser=parse_day)] = None,
    all_days: Annotated[bool, typer.Option("--all", help="Every day ever logged.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one entry each.")] = False,
) -> None:
    """Print the days in a range (default: the last 30 days)."""
    state = state_of(ctx)
    if start is None and not all_days:
        start = (end or state.clock.today()) - dt.timedelta(days=DEFAULT_DAYS_SHOWN - 1)
    with state.diary() as (diary, patient):
        days = diary.entries.list_entries(patient, start, end)
    if as_json:
        for entry in days:
            typer.echo(json.dumps(entry.model_dump(mode="json")))
        return
    state.out.print(_entries_table(days))


def _entries_table(days: list[DailyEntry]) -> Table:
    table = Table(
        title=days_text(len(days)),
        caption="Max: worst pain. Dis: dissociation. Nau: nausea. Bldr: highest bladder score.",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    table.add_column("Date", no_wrap=True, min_width=10)
    for heading in ("Pain", "Max", "Mood", "Sleep", "Dis", "Nau", "Bldr"):
        table.add_column(heading, justify="right", no_wrap=True)
    table.add_column("Warning signs; notes", overflow="fold")
    for entry in days:
        bladder = [getattr(entry, name) for name in BLADDER_FIELDS]
        worst_bladder = max((v for v in bladder if v is not None), default=None)
        table.add_row(
            entry.date.isoformat(),
            *(
                _shown(v)
                for v in (
                    entry.pain,
                    entry.pain_worst,
                    entry.mood,
                    entry.sleep_hours,
                    entry.dissociation,
                    entry.nausea,
                    worst_bladder,
                )
            ),
            "; ".join(filter(None, (_signs(entry), entry.notes))),
        )
    return table


def _shown(value: object) -> str:
    return "" if value is None else str(value)


def _signs(entry: DailyEntry) -> str:
    signs = [sign.value.replace("_", " ") for sign in entry.warning_signs]
    if entry.blood_in_urine not in (None, "none"):
        signs.append(f"blood in urine: {entry.blood_in_urine}")
    return ", ".join(signs)


def delete_day(
    ctx: typer.Context,
    date: Annotated[dt.date, typer.Argument(parser=parse_day, metavar="YYYY-MM-DD")],
    yes: SkipConfirmation = False,
) -> None:
    """Delete the entry of one day."""
    state = state_of(ctx)
    if not yes:
        typer.confirm(f"Delete the entry of {date.isoformat()}?", abort=True)
    with state.diary() as (diary, patient):
        diary.entries.delete_entry(patient, date)
    state.out.print(f"Deleted the entry of {date.isoformat()}.")
