"""Domain errors: each says what went wrong in the patient's terms; every edge translates them."""

from __future__ import annotations

from dataclasses import dataclass


class DiaryError(Exception):
    """Base of every error the diary raises on purpose."""


@dataclass(frozen=True)
class FieldProblem:
    """One broken rule: which field, what value, which rule, and where it came from."""

    field: str
    rule: str
    value: object = None
    row: int | None = None
    """1-based data row of an imported file (the header is not counted); None elsewhere."""

    def describe(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        shown = "" if self.value is None else f" (got {self.value!r})"
        return f"{where}{self.field}: {self.rule}{shown}"


class InvalidInput(DiaryError):
    """Input broke one or more rules; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(problem.describe() for problem in problems))


class NotFound(DiaryError):
    """The thing asked for does not exist for this patient."""


class Unauthenticated(DiaryError):
    """No valid credentials: a wrong password, or a missing, expired or revoked token."""


class TooManyAttempts(DiaryError):
    """Too many failed logins lately; try again after `retry_after_seconds`."""

    def __init__(self, retry_after_seconds: int) -> None:
        self.retry_after_seconds = retry_after_seconds
        super().__init__(f"too many failed logins: try again in {retry_after_seconds} s")


class Conflict(DiaryError):
    """The request clashes with what is stored (e.g. an e-mail already registered)."""


class StaleVersion(Conflict):
    """The caller changed a version of the row that is no longer the stored one."""


class Forbidden(DiaryError):
    """The account may not do this at all (e.g. a clinician asking for a diary of their own)."""
