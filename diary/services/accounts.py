"""Use cases about accounts; for now, the implicit owner of a local diary."""

from __future__ import annotations

import uuid

from sqlalchemy import Engine

from diary.domain import Clock
from diary.services.unit_of_work import UnitOfWork


class AccountService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self.engine = engine
        self.clock = clock

    def local_patient_id(self) -> uuid.UUID:
        """The one patient a local diary belongs to, created the first time it is asked for."""
        with UnitOfWork(self.engine) as uow:
            owner = uow.accounts.local_owner() or uow.accounts.add_local_owner(self.clock.now())
            return owner.id
