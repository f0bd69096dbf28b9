"""The unit of work: one session, one transaction, committed only when the use case succeeds."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Engine
from sqlmodel import Session

from diary.storage.repositories import AccountRepository, EntryRepository, InfusionRepository


class UnitOfWork:
    """Open with `with`: commits on a clean exit, rolls back on any exception."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> UnitOfWork:
        self.session = Session(self.engine, expire_on_commit=False)
        self.accounts = AccountRepository(self.session)
        self.entries = EntryRepository(self.session)
        self.infusions = InfusionRepository(self.session)
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
