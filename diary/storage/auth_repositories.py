"""Queries for accounts, tokens, login back-off and idempotent sync pushes."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from diary.storage.tables import AccountRow, AuthTokenRow, IdempotencyRecordRow, LoginFailureRow


class TokenRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, token: AuthTokenRow) -> None:
        self.session.add(token)
        self.session.flush()

    def by_hash(self, token_hash: str) -> AuthTokenRow | None:
        query = select(AuthTokenRow).where(AuthTokenRow.token_hash == token_hash)
        return self.session.exec(query).first()

    def revoke_family(self, family_id: uuid.UUID, now: dt.datetime) -> None:
        statement = (
            update(AuthTokenRow)
            .where(col(AuthTokenRow.family_id) == family_id)
            .where(col(AuthTokenRow.revoked_at).is_(None))
            .values(revoked_at=now)
        )
        self.session.execute(statement)

    def purge_expired(self, now: dt.datetime) -> None:
        self.session.execute(delete(AuthTokenRow).where(col(AuthTokenRow.expires_at) < now))


class AccountQueries:
    """Look-ups of server accounts by e-mail (the local owner lives in AccountRepository)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def by_email(self, email: str) -> AccountRow | None:
        query = select(AccountRow).where(func.lower(AccountRow.email) == email.lower())
        return self.session.exec(query).first()

    def add(self, account: AccountRow) -> AccountRow:
        self.session.add(account)
        self.session.flush()
        return account


class LoginFailureRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def recent(self, subject: str, since: dt.datetime) -> Sequence[dt.datetime]:
        """When `subject` failed to log in since `since`, oldest first."""
        query = (
            select(LoginFailureRow.failed_at)
            .where(LoginFailureRow.subject == subject, col(LoginFailureRow.failed_at) >= since)
            .order_by(col(LoginFailureRow.failed_at))
        )
        return self.session.exec(query).all()

    def add(self, subject: str, now: dt.datetime) -> None:
        self.session.add(LoginFailureRow(subject=subject, failed_at=now))

    def clear(self, subject: str) -> None:
        self.session.execute(delete(LoginFailureRow).where(col(LoginFailureRow.subject) == subject))


class IdempotencyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, account_id: uuid.UUID, key: str) -> IdempotencyRecordRow | None:
        query = select(IdempotencyRecordRow).where(
            IdempotencyRecordRow.account_id == account_id, IdempotencyRecordRow.key == key
        )
        return self.session.exec(query).first()

    def add(self, record: IdempotencyRecordRow) -> None:
        self.session.add(record)
        self.session.flush()
