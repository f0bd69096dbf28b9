"""The one place that assembles a diary: engine, migrations, clock and services.

The CLI, the terminal UI and the tests all build their diary here. Services that only some
commands use (accounts and tokens, sync, sharing, exports, transfer) are imported when first
used, so `diary tui` and the other local commands start without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from diary.domain import Clock, DiaryError, SystemClock
from diary.services.accounts import AccountService
from diary.services.auth_settings import AuthSettings
from diary.services.diary import DiaryService
from diary.services.insights import InsightsService
from diary.storage import schema
from diary.storage.engine import create_diary_engine, is_sqlite

if TYPE_CHECKING:
    from diary.services.access import AccessPolicy
    from diary.services.auth import AuthService
    from diary.services.exports import ExportService
    from diary.services.sharing import SharingService
    from diary.services.summaries import SummaryService
    from diary.services.sync import SyncService
    from diary.services.transfer import TransferService


class SchemaOutOfDate(DiaryError):
    """A server database is behind the code; its operator runs `diary db upgrade`."""


@dataclass
class Diary:
    """A diary database with its services, ready to use; close it when done."""

    engine: Engine
    clock: Clock
    auth_settings: AuthSettings = field(default_factory=AuthSettings)
    entries: DiaryService = field(init=False)
    accounts: AccountService = field(init=False)
    insights: InsightsService = field(init=False)

    def __post_init__(self) -> None:
        self.entries = DiaryService(self.engine, self.clock)
        self.accounts = AccountService(self.engine, self.clock)
        self.insights = InsightsService(self.entries)
        self.entries.change_listeners.append(lambda patient: self.summaries.forget(patient))

    @cached_property
    def transfer(self) -> TransferService:
        from diary.services.transfer import TransferService

        return TransferService(self.entries)

    @cached_property
    def auth(self) -> AuthService:
        from diary.services.auth import AuthService  # argon2 loads with it

        return AuthService(self.engine, self.clock, self.auth_settings)

    @cached_property
    def sync(self) -> SyncService:
        from diary.services.sync import SyncService

        return SyncService(self.engine, self.entries)

    @cached_property
    def exports(self) -> ExportService:
        # Imported here: the PDF, FHIR and calendar libraries load only when exporting.
        from diary.services.exports import ExportService

        return ExportService(self.entries)

    @cached_property
    def access(self) -> AccessPolicy:
        from diary.services.access import AccessPolicy

        return AccessPolicy(self.engine, self.clock)

    @cached_property
    def sharing(self) -> SharingService:
        from diary.services.sharing import SharingService

        return SharingService(self.engine, self.clock)

    @cached_property
    def summaries(self) -> SummaryService:
        from diary.services.summaries import SummaryService

        return SummaryService(self.insights)

    def close(self) -> None:
        self.engine.dispose()


def open_diary(
    url: str, clock: Clock | None = None, auth_settings: AuthSettings | None = None
) -> Diary:
    """Open the diary at `url`; a local SQLite diary is created or upgraded on the way."""
    engine = create_diary_engine(url)
    if not schema.is_current(engine):
        if not is_sqlite(url):
            engine.dispose()
            raise SchemaOutOfDate(
                f"the database schema is not at {schema.HEAD_REVISION}: "
                "run `diary db upgrade` first"
            )
        from diary.storage.migrate import upgrade  # Alembic loads only when there is work

        upgrade(engine)
    return Diary(engine, clock or SystemClock(), auth_settings or AuthSettings())
