"""The one factory that builds the HTTP API, for `diary serve` and for the tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from diary import __version__
from diary.api.errors import install_error_handlers
from diary.api.middleware import DEFAULT_MAX_BODY_BYTES, ContainFaults, LimitBodySize, NoStore
from diary.api.routes import auth, diary, export, flags, health, sharing, sync
from diary.factory import Diary


def create_app(opened: Diary, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> FastAPI:
    """The API over an open diary; the diary is closed when the app shuts down."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        opened.close()

    app = FastAPI(
        title="Ketamine infusion pain diary",
        version=__version__,
        summary="Backend for the diary's mobile app: accounts, diary, insights, offline sync.",
        lifespan=lifespan,
        # Operation ids are the route functions' names (`put_entry`), readable in client code.
        generate_unique_id_function=lambda route: route.name,
    )
    app.state.diary = opened
    install_error_handlers(app)
    for module in (health, auth, diary, flags, sharing, sync, export):
        app.include_router(module.router)
    app.add_middleware(ContainFaults)
    app.add_middleware(NoStore)
    app.add_middleware(LimitBodySize, max_bytes=max_body_bytes)
    return app
