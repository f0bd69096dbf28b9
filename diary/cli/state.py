"""What every `diary` sub-command shares: where the diary is, the clock, and error reporting."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Annotated

import typer
from rich.console import Console

from diary.domain import Clock, DiaryError, InvalidInput, SystemClock
from diary.factory import Diary, open_diary
from diary.storage.engine import resolve_database_url

EXIT_INVALID = 1


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
        raise typer.BadParameter(f"must be a date written YYYY-MM-DD (got {value!r})") from None


DayOption = Annotated[dt.date | None, typer.Option(parser=parse_day, metavar="YYYY-MM-DD")]
"""An option naming a day, written YYYY-MM-DD."""
SkipConfirmation = Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")]
"""`--yes`: do what was asked without asking "are you sure?" first."""
