"""`diary tui`: the terminal app on the local diary, on a throwaway demo diary, or on a server.

Textual is imported only inside the command, so the other commands start without it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url

from diary.cli.startup import long_lived_imports
from diary.cli.state import CliState, state_of
from diary.factory import open_diary
from diary.storage.engine import sqlite_url


def register(app: typer.Typer) -> None:
    app.command("tui")(open_tui)


def open_tui(
    ctx: typer.Context,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo", help="Open a generated six-month demo diary; nothing you enter is kept."
        ),
    ] = False,
    server: Annotated[
        str | None,
        typer.Option(
            "--server",
            metavar="URL",
            help="Log in to a diary server (e.g. https://diary.example.org) instead of "
            "opening the local diary; clinicians read shared diaries this way.",
        ),
    ] = None,
) -> None:
    """Open the diary in the terminal app: log today, see your trends and relief."""
    state = state_of(ctx)
    if server is not None:
        _run_server(state, server)
        return
    if demo:
        _run_demo(state)
        return
    with long_lived_imports():
        from tui.factory import local_gateway, make_app

    with state.diary() as (diary, _patient):
        gateway = local_gateway(diary, f"Your diary: {_shown_url(state.database_url)}")
        make_app(gateway, state.clock, overview=gateway.overview()).run()


def _run_demo(state: CliState) -> None:
    from tui.factory import demo_gateway, make_app

    with state.reporting_errors(), tempfile.TemporaryDirectory(prefix="diary-demo-") as folder:
        state.err.print("Preparing a demo diary…")
        diary = open_diary(sqlite_url(Path(folder) / "demo.db"), state.clock)
        try:
            gateway = demo_gateway(diary)
            make_app(gateway, state.clock, overview=gateway.overview()).run()
        finally:
            diary.close()


def _run_server(state: CliState, url: str) -> None:
    import httpx

    from tui.factory import make_server_app
    from tui.remote_session import TIMEOUT, RemoteSession

    if not url.startswith(("http://", "https://")):
        state.err.print(f"--server needs an http:// or https:// address (got {url!r})")
        raise typer.Exit(2)
    with httpx.Client(base_url=url.rstrip("/"), timeout=TIMEOUT) as client:
        session = RemoteSession(client, state.clock)
        try:
            make_server_app(session, state.clock).run()
        finally:
            session.log_out()  # ends this login on the server; harmless when offline


def _shown_url(url: str) -> str:
    """A SQLite diary as its file path; any other database without its password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    return parsed.render_as_string(hide_password=True)
