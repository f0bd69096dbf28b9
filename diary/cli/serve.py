"""`diary serve`: the HTTP API for the mobile app."""

from __future__ import annotations

from typing import Annotated

import typer

from diary.cli.state import state_of


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Run the HTTP API (SQLite by default; PostgreSQL when DATABASE_URL names one)."""
    # Imported here so that other commands start without loading the web stack.
    import uvicorn

    from diary.api.app import create_app
    from diary.factory import open_diary

    state = state_of(ctx)
    with state.reporting_errors():
        opened = open_diary(state.database_url, state.clock)
    state.err.print(f"Serving the diary API on http://{host}:{port} (docs at /docs)")
    # No access log: request paths carry patient ids and diary dates.
    uvicorn.run(create_app(opened), host=host, port=port, access_log=False, log_level="warning")
