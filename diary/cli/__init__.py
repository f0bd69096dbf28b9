"""The `diary` command: one entry point for the local diary and the server."""

from __future__ import annotations

from typing import Annotated

from diary.cli.startup import long_lived_imports

with long_lived_imports():
    import typer

    from diary.cli import backup, database, entries, infusions, insights, serve, transfer, tui
    from diary.cli.state import state_of

app = typer.Typer(
    name="diary",
    help="Pain and side-effect diary for ketamine infusions.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)


@app.callback()
def choose_diary(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Diary file (or database URL). Default: $DIARY_DB, $DATABASE_URL, "
            "then diary.db in your data directory.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Pain and side-effect diary for ketamine infusions."""
    state_of(ctx).db_option = db


entries.register(app)
infusions.register(app)
transfer.register(app)
insights.register(app)
serve.register(app)
backup.register(app)
tui.register(app)
app.add_typer(database.app, name="db")


def main() -> None:
    app()
