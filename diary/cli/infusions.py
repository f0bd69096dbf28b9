"""`diary infusion ...` and `diary courses`: infusion days and the courses they form."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import typer
from rich.table import Table

from diary.cli.insights import report_flags_raised
from diary.cli.state import (
    DayOption,
    SkipConfirmation,
    number_parser,
    refusals_named_by_option,
    state_of,
)
from diary.domain import Infusion, InfusionDetails, parse_infusion
from diary.domain.validation import INFUSION_RULES
from diary.export.counts_words import count_text

app = typer.Typer(help="Record the days you received ketamine.", no_args_is_help=True)

RouteOption = Annotated[
    str | None, typer.Option(metavar="iv|im|subcutaneous|intranasal|oral|other")
]
InfusionId = Annotated[uuid.UUID, typer.Argument(help="The infusion's id (see `infusion list`).")]
DoseOption = Annotated[
    float | None, typer.Option(metavar="MG", parser=number_parser(float, INFUSION_RULES["dose_mg"]))
]
MinutesOption = Annotated[
    int | None,
    typer.Option(metavar="MINUTES", parser=number_parser(int, INFUSION_RULES["duration_min"])),
]


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="infusion")
    root.command("courses")(show_courses)


def _details(values: dict[str, Any]) -> InfusionDetails:
    """The infusion's fields, refused with the options that gave them (`--dose-mg: ...`)."""
    with refusals_named_by_option():
        return parse_infusion({k: v for k, v in values.items() if v is not None})


def _given(
    date: dt.date | None,
    route: str | None,
    dose_mg: float | None,
    duration_min: int | None,
    notes: str | None,
) -> dict[str, Any]:
    """The infusion fields as typed on the command line (None: not given)."""
    return {
        "date": date,
        "route": route,
        "dose_mg": dose_mg,
        "duration_min": duration_min,
        "notes": notes,
    }


@app.command("add")
def add_infusion(
    ctx: typer.Context,
    date: DayOption = None,
    route: RouteOption = None,
    dose_mg: DoseOption = None,
    duration_min: MinutesOption = None,
    notes: str | None = None,
) -> None:
    """Record an infusion day (default: today, IV)."""
    state = state_of(ctx)
    with state.diary() as (diary, patient):
        values = _given(date or state.clock.today(), route, dose_mg, duration_min, notes)
        infusion = diary.entries.add_infusion(patient, _details(values))
        flags = diary.entries.flags_raised_by_infusion(patient, infusion)
    report_flags_raised(state, flags, "run `diary flags`.")
    state.out.print(f"Recorded infusion {infusion.id} on {infusion.date.isoformat()}.")


@app.command("edit")
def edit_infusion(
    ctx: typer.Context,
    infusion_id: InfusionId,
    date: DayOption = None,
    route: RouteOption = None,
    dose_mg: DoseOption = None,
    duration_min: MinutesOption = None,
    notes: str | None = None,
) -> None:
    """Change the given fields of an infusion."""
    state = state_of(ctx)
    changes = _given(date, route, dose_mg, duration_min, notes)
    with state.diary() as (diary, patient):
        current = diary.entries.get_infusion(patient, infusion_id)
        merged = current.model_dump(exclude={"id"}) | {
            k: v for k, v in changes.items() if v is not None
        }
        infusion = diary.entries.update_infusion(patient, infusion_id, _details(merged))
        flags = diary.entries.flags_raised_by_infusion(patient, infusion)
    report_flags_raised(state, flags, "run `diary flags`.")
    state.out.print(f"Updated infusion {infusion_id}.")


@app.command("delete")
def delete_infusion(
    ctx: typer.Context,
    infusion_id: InfusionId,
    yes: SkipConfirmation = False,
) -> None:
    """Delete an infusion."""
    state = state_of(ctx)
    if not yes:
        typer.confirm(f"Delete infusion {infusion_id}?", abort=True)
    with state.diary() as (diary, patient):
        diary.entries.delete_infusion(patient, infusion_id)
    state.out.print(f"Deleted infusion {infusion_id}.")


@app.command("list")
def list_infusions(ctx: typer.Context) -> None:
    """Print every infusion."""
    state = state_of(ctx)
    with state.diary() as (diary, patient):
        infusions = diary.entries.list_infusions(patient)
    state.out.print(_infusion_table(infusions))


def _infusion_table(infusions: list[Infusion]) -> Table:
    table = Table(
        "Date",
        "Route",
        "Dose mg",
        "Minutes",
        "Id",
        "Notes",
        title=count_text(len(infusions), "infusion"),
    )
    for i in infusions:
        table.add_row(
            i.date.isoformat(),
            i.route.value,
            _shown(i.dose_mg),
            _shown(i.duration_min),
            str(i.id),
            (i.notes or "")[:30],
        )
    return table


def _shown(value: float | int | None) -> str:
    return "" if value is None else f"{value:g}"


def show_courses(ctx: typer.Context) -> None:
    """Print the infusion courses (infusions at most 3 days apart form one course)."""
    state = state_of(ctx)
    with state.diary() as (diary, patient):
        courses = diary.entries.list_courses(patient)
    table = Table(
        "Start", "End", "Infusion days", "Total dose mg", title=count_text(len(courses), "course")
    )
    for course in courses:
        table.add_row(
            course.start.isoformat(),
            course.end.isoformat(),
            str(len(course.infusion_days)),
            _shown(course.total_dose_mg),
        )
    state.out.print(table)
