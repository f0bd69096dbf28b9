"""The settings of accounts and tokens, apart from the service so that importing them is cheap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class AuthSettings:
    access_token_ttl: dt.timedelta = dt.timedelta(minutes=15)
    refresh_token_ttl: dt.timedelta = dt.timedelta(days=30)
    password_min_length: int = 10
    max_failed_logins: int = 5
    """Failed logins per account, and per client address, allowed within `failure_window`."""
    failure_window: dt.timedelta = dt.timedelta(minutes=15)
    hash_time_cost: int = 2
    hash_memory_kib: int = 19 * 1024
    """argon2id cost: OWASP's minimum by default (t=2, m=19 MiB, p=1); lower only in tests."""
