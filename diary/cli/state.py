"""What every `diary` sub-command shares: where the diary is, the clock, and error reporting."""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Annotated, TypeVar

import typer
from rich.console import Console

from diary.domain import Clock, DiaryError, FieldProblem, InvalidInput, SystemClock
from diary.domain.days import DAY_RULE
from diary.factory import Diary, open_diary
from diary.storage.engine import resolve_database_url

EXIT_INVALID = 1
NumberT = TypeVar("NumberT", int, float)
PLAIN_NUMBER = {
    int: re.compile(r"[+-]?[0-9]+"),
    float: re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)"),
}
"""How a whole or a decimal number is written on the command line: digits, a point, a sign."""


@dataclass
class CliState:
    """Built once per invocation; tests hand in their own clock and environment."""

    clock: Clock = field(default_factory=SystemClock)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    db_option: str | None = None
    out: Console = field(default_factory=Console)
    err: Console = field(default_factory=lambda: Console(stderr=True))

    @property
    def database_url(self) -> str:
        return resolve_database_url(self.db_option, self.environ)

    @contextmanager
    def diary(self) -> Iterator[tuple[Diary, uuid.UUID]]:
        """The open diary and its patient; domain errors become a message and exit code 1."""
        with self.reporting_errors():
            diary = open_diary(self.database_url, self.clock)
            try:
                yield diary, diary.accounts.local_patient_id()
            finally:
                diary.close()

    @contextmanager
    def reporting_errors(self) -> Iterator[None]:
        try:
            yield
        except InvalidInput as error:
            self.err.print("[bold red]Refused[/]: nothing was written.", highlight=False)
            for problem in error.problems:
                self.err.print(f"  {problem.describe()}", highlight=False, markup=False)
            raise typer.Exit(EXIT_INVALID) from None
        except DiaryError as error:
            self.err.print(f"[bold red]Error[/]: {error}", highlight=False)
            raise typer.Exit(EXIT_INVALID) from None


def state_of(ctx: typer.Context) -> CliState:
    state: CliState = ctx.ensure_object(CliState)
    return state


def parse_day(value: str | None) -> dt.date | None:
    """Typer parser for YYYY-MM-DD options."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{DAY_RULE} (got {value!r})") from None


DayOption = Annotated[dt.date | None, typer.Option(parser=parse_day, metavar="YYYY-MM-DD")]
"""An option naming a day, written YYYY-MM-DD."""
SkipConfirmation = Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")]
"""`--yes`: do what was asked without asking "are you sure?" first."""


def number_parser(convert: type[NumberT], rule: str) -> Callable[[str], NumberT]:
    """A Typer parser for a number written plainly ("5", "7.25"); anything else is refused in
    the field's own rule's words. The range is checked with the rest of the input, so that
    every broken rule is named at once."""
    pattern = PLAIN_NUMBER[convert]

    def parse(value: str) -> NumberT:
        if pattern.fullmatch(value) is None:
            raise typer.BadParameter(f"{rule} (got {value!r})")
        return convert(value)

    return parse


@contextmanager
def refusals_named_by_option(
    renamed: Mapping[str, str] | None = None,
    reworded: Mapping[tuple[str, str], str] | None = None,
) -> Iterator[None]:
    """A refusal re-raised with each field named by the option that gave it: `sleep_hours` is
    `--sleep-hours`, and a field in `renamed` takes that option (`warning_signs.0` with
    {"warning_signs": "warning-sign"}); a (field, rule) in `reworded` gets that rule."""
    try:
        yield
    except InvalidInput as refused:
        problems = [_by_option(p, renamed or {}, reworded or {}) for p in refused.problems]
        raise InvalidInput(problems) from None


def _by_option(
    problem: FieldProblem, renamed: Mapping[str, str], reworded: Mapping[tuple[str, str], str]
) -> FieldProblem:
    field = problem.field.partition(".")[0]
    rule = reworded.get((field, problem.rule), problem.rule)
    return replace(problem, field="--" + renamed.get(field, field.replace("_", "-")), rule=rule)
