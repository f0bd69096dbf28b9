"""`diary db ...`: where the diary is and its schema version."""

from __future__ import annotations

import typer

from diary.cli.state import state_of
from diary.storage.engine import create_diary_engine

app = typer.Typer(help="Look after the diary database.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_schema(ctx: typer.Context) -> None:
    """Bring the database schema up to date (keeps every row)."""
    from diary.storage.migrate import current_revision, head_revision, upgrade

    state = state_of(ctx)
    engine = create_diary_engine(state.database_url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        state.out.print(f"Schema upgraded from {before or 'empty'} to {head_revision()}.")
    finally:
        engine.dispose()


@app.command("status")
def show_status(ctx: typer.Context) -> None:
    """Show which database is used and whether its schema is current."""
    from diary.storage.migrate import current_revision, head_revision

    state = state_of(ctx)
    engine = create_diary_engine(state.database_url)
    try:
        current = current_revision(engine)
        state.out.print(f"Database: {engine.url.render_as_string(hide_password=True)}")
        state.out.print(f"Schema: {current or 'empty'} (latest: {head_revision()})")
    finally:
        engine.dispose()
