"""Who may read or change which patient's diary: the one place that decides."""

from __future__ import annotations

import enum
import uuid

from diary.domain import Account, NotFound, Role


class Access(enum.Enum):
    READ = "read"
    WRITE = "write"


class AccessPolicy:
    """For now only the patient themself; sharing with clinicians extends `require`."""

    def require(self, account: Account, patient_id: uuid.UUID, access: Access) -> uuid.UUID:
        """The patient id when allowed; NotFound otherwise, the same as a missing patient."""
        if account.role is Role.PATIENT and account.id == patient_id:
            return patient_id
        raise NotFound("no such patient")
