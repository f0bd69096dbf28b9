"""`diary insights` and `diary flags`: what the diary shows about relief and warning signs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from diary.analysis import CourseInsight, Flag, Insights, Tier
from diary.cli.state import CliState, parse_day, state_of
from diary.export.counts_words import count_text, relief_cell

flags_app = typer.Typer(help="Warning flags raised by the diary.", invoke_without_command=True)

TIER_STYLE = {Tier.EMERGENCY: "bold white on red", Tier.SAME_DAY: "bold red", Tier.REVIEW: "yellow"}
TIER_LABEL = {
    Tier.EMERGENCY: "EMERGENCY",
    Tier.SAME_DAY: "Contact your clinic today",
    Tier.REVIEW: "Raise at your next appointment",
}


def register(app: typer.Typer) -> None:
    app.command("insights")(show_insights)
    app.add_typer(flags_app, name="flags")


def show_insights(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="The JSON document of the API.")] = False,
    as_of: Annotated[
        dt.date | None,
        typer.Option(parser=parse_day, metavar="YYYY-MM-DD", help="Ignore everything after it."),
    ] = None,
) -> None:
    """Relief after each course, the maintenance suggestion and warning flags."""
    state = state_of(ctx)
    with state.diary() as (diary, patient):
        insights = diary.insights.insights(patient, as_of)
        open_flags = diary.insights.open_flags(patient, as_of)
    if as_json:
        typer.echo(json.dumps(insights.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return
    print_flags(state.out, open_flags)
    print_insights(state.out, insights)


def print_insights(out: Console, insights: Insights) -> None:
    """Courses, typical relief and the maintenance card (flags are printed before this)."""
    out.print(_course_table(insights.courses))
    median = insights.relief_days_median
    if median is not None:
        out.print(f"Typical relief after a course (median): {median:g} days")
    maintenance = insights.maintenance
    out.print(f"[bold]Maintenance[/]: {maintenance.status.value.replace('_', ' ')}")
    out.print(Padding(Text(maintenance.message), (0, 0, 0, 2), expand=False))  # wraps indented


def _course_table(courses: Sequence[CourseInsight]) -> Table:
    table = Table(title=count_text(len(courses), "course"), box=box.SIMPLE_HEAD, pad_edge=False)
    for heading in ("Start", "End", "Inf.", "Base", "Best", "Relief", "Response"):
        table.add_column(heading, no_wrap=True)
    for course in courses:
        table.add_row(
            course.start.isoformat(),
            course.end.isoformat(),
            str(course.infusions),
            _number(course.baseline_pain),
            _number(course.best_pain),
            relief_cell(course, at_least="≥ "),
            course.response.value.replace("_", " "),
        )
    return table


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def report_flags_raised(state: CliState, flags: Sequence[Flag] | None, if_unchecked: str) -> None:
    """The flags a save raised, first; None (they could not be worked out) said on stderr
    with `if_unchecked`, what to do instead. What was saved stays saved either way."""
    if flags is None:
        state.err.print(f"[bold red]Warning flags could not be checked[/]: {if_unchecked}")
    else:
        print_flags(state.out, flags)


def print_flags(out: Console, flags: Sequence[Flag]) -> None:
    """Flags first and most urgent first: an emergency is never below the fold."""
    for flag in flags:
        label = TIER_LABEL[flag.tier]
        out.print(f"[{TIER_STYLE[flag.tier]}]{label}[/] {flag.date}: ", end="", highlight=False)
        out.print(flag.message, highlight=False, markup=False)
        out.print(f"  (to mark as seen: diary flags ack {flag.key})", style="dim", highlight=False)


@flags_app.callback()
def list_open_flags(ctx: typer.Context) -> None:
    """List the flags you have not acknowledged yet (`diary flags ack KEY` marks one as seen)."""
    if ctx.invoked_subcommand is not None:
        return
    state = state_of(ctx)
    with state.diary() as (diary, patient):
        flags = diary.insights.open_flags(patient)
    if not flags:
        state.out.print("No open warning flags.")
    print_flags(state.out, flags)


@flags_app.command("ack")
def acknowledge_flag(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(metavar="DATE:RULE", help="As shown by `diary flags`.")],
) -> None:
    """Mark a flag as seen, so it is no longer shown as open."""
    state = state_of(ctx)
    day_text, _, rule = key.partition(":")
    day = parse_day(day_text)
    if day is None or not rule:
        raise typer.BadParameter("write it as DATE:RULE, e.g. 2026-06-01:same_day.blood_in_urine")
    with state.diary() as (diary, patient):
        flag = diary.insights.acknowledge(patient, day, rule)
    state.out.print(f"Marked as seen: {flag.key}", highlight=False)
