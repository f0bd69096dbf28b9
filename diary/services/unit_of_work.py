"""The unit of work: one session, one transaction, committed only when the use case succeeds."""

from __future__ import annotations

import threading
from types import TracebackType

from sqlalchemy import Engine
from sqlmodel import Session

from diary.storage.auth_repositories import (
    AccountQueries,
    IdempotencyRepository,
    LoginFailureRepository,
    TokenRepository,
)
from diary.storage.engine import READ_ONLY
from diary.storage.repositories import (
    AccountRepository,
    EntryRepository,
    FlagAcknowledgementRepository,
    InfusionRepository,
)
from diary.storage.sharing_repositories import (
    AccessLogRepository,
    ShareRepository,
    SummaryRepository,
)

_open_in_this_thread = threading.local()


class NestedUnitOfWork(RuntimeError):
    """A use case opened a second transaction inside its first: it would wait on itself."""


class UnitOfWork:
    """Open with `with`: commits on a clean exit, rolls back on any exception.

    One at a time per thread: on SQLite a second one would wait for the first's write lock.
    """

    def __init__(self, engine: Engine, read_only: bool = False) -> None:
        self.engine = engine
        self.read_only = read_only

    def __enter__(self) -> UnitOfWork:
        if getattr(_open_in_this_thread, "active", False):
            raise NestedUnitOfWork("a unit of work is already open in this thread")
        self.session = Session(self.engine, expire_on_commit=False)
        if self.read_only:
            self.session.connection(execution_options={READ_ONLY: True})
        self.accounts = AccountRepository(self.session)
        self.entries = EntryRepository(self.session)
        self.infusions = InfusionRepository(self.session)
        self.acknowledgements = FlagAcknowledgementRepository(self.session)
        self.account_queries = AccountQueries(self.session)
        self.tokens = TokenRepository(self.session)
        self.login_failures = LoginFailureRepository(self.session)
        self.idempotency = IdempotencyRepository(self.session)
        self.shares = ShareRepository(self.session)
        self.access_log = AccessLogRepository(self.session)
        self.summaries = SummaryRepository(self.session)
        _open_in_this_thread.active = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()
            _open_in_this_thread.active = False
