"""The access log's hash chain: each event's hash covers the one before it, so any edit,
deletion or insertion in the middle of a chain shows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

GENESIS_HASH = "0" * 64


class AuditEvent(BaseModel):
    """Who did what to whose diary, and when."""

    model_config = ConfigDict(frozen=True)

    chain: str
    seq: int
    subject_id: uuid.UUID | None
    actor_id: uuid.UUID | None
    actor_role: str | None
    action: str
    detail: str | None
    at: dt.datetime
    prev_hash: str


def event_hash(event: AuditEvent) -> str:
    """SHA-256 of the event's canonical JSON (which includes the previous hash)."""
    canonical = json.dumps(event.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def first_broken_link(events: Sequence[tuple[AuditEvent, str]]) -> int | None:
    """Index of the first (event, stored hash) pair that breaks the chain, or None if intact."""
    expected_prev, expected_seq = GENESIS_HASH, 1
    for index, (event, stored_hash) in enumerate(events):
        if event.prev_hash != expected_prev or event.seq != expected_seq:
            return index
        if event_hash(event) != stored_hash:
            return index
        expected_prev, expected_seq = stored_hash, expected_seq + 1
    return None


def account_chain(account_id: uuid.UUID) -> str:
    """The chain of one account's own log: reads of their diary, their logins, their shares."""
    return f"account:{account_id}"


SYSTEM_CHAIN = "system"
"""Events about no known patient (a failed login to an e-mail nobody registered)."""
