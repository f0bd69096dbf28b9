"""Accounts and tokens: register, log in, refresh (rotating), log out, authenticate."""

from __future__ import annotations

import hashlib
import math
import secrets
import uuid
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from diary.domain import (
    Account,
    Clock,
    Conflict,
    FieldProblem,
    InvalidInput,
    Role,
    TooManyAttempts,
    Unauthenticated,
)
from diary.services.auth_settings import AuthSettings as AuthSettings  # re-exported
from diary.services.unit_of_work import UnitOfWork
from diary.storage.tables import AccountRow, AuthTokenRow

ACCESS, REFRESH = "access", "refresh"
FAILURE_LOG_ATTEMPTS = 5


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int
    """Seconds the access token stays valid."""


def password_hasher(settings: AuthSettings) -> PasswordHasher:
    """argon2id with the settings' cost (OWASP's minimum unless a test lowers it)."""
    return PasswordHasher(
        time_cost=settings.hash_time_cost, memory_cost=settings.hash_memory_kib, parallelism=1
    )


def token_digest(token: str) -> str:
    """Tokens are stored only as this digest, so a database leak leaks no usable token."""
    return hashlib.sha256(token.encode()).hexdigest()


def account_from_row(row: AccountRow) -> Account:
    return Account(
        id=row.id, email=row.email, name=row.name, role=Role(row.role), timezone=row.timezone
    )


class AuthService:
    def __init__(self, engine: Engine, clock: Clock, settings: AuthSettings | None = None) -> None:
        self.engine = engine
        self.clock = clock
        self.settings = settings or AuthSettings()
        self.hasher = password_hasher(self.settings)
        # Verified against when the e-mail is unknown, so both failures take the same time.
        self._decoy_hash = self.hasher.hash(secrets.token_urlsafe(16))

    def register(
        self, email: str, password: str, name: str, role: Role, timezone: str | None = None
    ) -> Account:
        if len(password) < self.settings.password_min_length:
            rule = f"must be at least {self.settings.password_min_length} characters"
            raise InvalidInput([FieldProblem("password", rule)])
        now = self.clock.now()
        row = AccountRow(
            email=email.strip().lower(),
            name=name,
            role=role.value,
            password_hash=self.hasher.hash(password),
            timezone=timezone,
            created_at=now,
            updated_at=now,
        )
        with UnitOfWork(self.engine) as uow:
            if uow.account_queries.by_email(email.strip()) is not None:
                raise Conflict("an account with this e-mail already exists")
            return account_from_row(uow.account_queries.add(row))

    def login(self, email: str, password: str, client_address: str) -> TokenPair:
        """Tokens for a right password; the same refusal for an unknown e-mail or a wrong one.

        Every attempt lands in the access log of the account it named.
        """
        subjects = (f"email:{email.strip().lower()}", f"address:{client_address}")
        self._refuse_if_backing_off(subjects)
        with UnitOfWork(self.engine) as uow:
            row = uow.account_queries.by_email(email.strip())
            if row is not None and self._password_matches(row.password_hash, password):
                uow.login_failures.clear(subjects[0])
                uow.access_log.append(row.id, "login", self.clock.now(), row)
                return self._issue(uow, row.id, uuid.uuid4())
        self._record_failure(subjects, email)
        raise Unauthenticated("wrong e-mail or password")

    def _record_failure(self, subjects: tuple[str, ...], email: str) -> None:
        for attempt in range(FAILURE_LOG_ATTEMPTS):
            try:
                with UnitOfWork(self.engine) as uow:
                    for subject in subjects:
                        uow.login_failures.add(subject, self.clock.now())
                    row = uow.account_queries.by_email(email.strip())
                    detail = None if row else "no account has this e-mail"
                    uow.access_log.append(
                        row.id if row else None, "login_failed", self.clock.now(), row, detail
                    )
                return
            except IntegrityError:  # two failures raced for the same place in the log
                if attempt == FAILURE_LOG_ATTEMPTS - 1:
                    raise

    def _password_matches(self, stored_hash: str | None, password: str) -> bool:
        try:
            return self.hasher.verify(stored_hash or self._decoy_hash, password) and bool(
                stored_hash
            )
        except (VerificationError, InvalidHashError):
            return False

    def _refuse_if_backing_off(self, subjects: tuple[str, ...]) -> None:
        now = self.clock.now()
        since = now - self.settings.failure_window
        with UnitOfWork(self.engine, read_only=True) as uow:
            failures = [uow.login_failures.recent(subject, since) for subject in subjects]
        for times in failures:
            if len(times) >= self.settings.max_failed_logins:
                oldest_counted = times[-self.settings.max_failed_logins]
                wait = oldest_counted + self.settings.failure_window - now
                raise TooManyAttempts(max(1, math.ceil(wait.total_seconds())))

    def refresh(self, refresh_token: str) -> TokenPair:
        """A new pair for an unused refresh token; a reused one revokes its whole family.

        The refusal is raised after the unit of work, so the revocation is committed.
        """
        now = self.clock.now()
        with UnitOfWork(self.engine) as uow:
            row = uow.tokens.by_hash(token_digest(refresh_token))
            if row is None or row.kind != REFRESH or row.revoked_at or row.expires_at <= now:
                refusal = "invalid or expired refresh token"
            elif row.used_at is not None:
                uow.tokens.revoke_family(row.family_id, now)
                refusal = "refresh token already used: every token of this login is revoked"
            else:
                row.used_at = now
                uow.session.add(row)
                return self._issue(uow, row.account_id, row.family_id)
        raise Unauthenticated(refusal)

    def logout(self, access_token: str) -> None:
        """Revoke the access token and every token of the same login."""
        with UnitOfWork(self.engine) as uow:
            row = uow.tokens.by_hash(token_digest(access_token))
            if row is not None:
                uow.tokens.revoke_family(row.family_id, self.clock.now())

    def authenticate(self, access_token: str) -> Account:
        with UnitOfWork(self.engine, read_only=True) as uow:
            row = uow.tokens.by_hash(token_digest(access_token))
            valid = (
                row is not None
                and row.kind == ACCESS
                and row.revoked_at is None
                and row.expires_at > self.clock.now()
            )
            account = uow.accounts.get(row.account_id) if valid and row else None
            if account is None:
                raise Unauthenticated("invalid, expired or revoked access token")
            return account_from_row(account)

    def _issue(self, uow: UnitOfWork, account_id: uuid.UUID, family: uuid.UUID) -> TokenPair:
        now = self.clock.now()
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        for token, kind, ttl in (
            (access, ACCESS, self.settings.access_token_ttl),
            (refresh, REFRESH, self.settings.refresh_token_ttl),
        ):
            uow.tokens.add(
                AuthTokenRow(
                    account_id=account_id,
                    family_id=family,
                    kind=kind,
                    token_hash=token_digest(token),
                    issued_at=now,
                    expires_at=now + ttl,
                )
            )
        return TokenPair(access, refresh, int(self.settings.access_token_ttl.total_seconds()))

    def delete_account(self, account: Account, password: str) -> None:
        """Delete the account with everything it owns: diary, shares, tokens and its log."""
        with UnitOfWork(self.engine) as uow:
            row = uow.accounts.get(account.id)
            if row is None or not self._password_matches(row.password_hash, password):
                raise Unauthenticated("wrong password: the account was not deleted")
            uow.access_log.delete_of_subject(account.id)
            uow.session.delete(row)
