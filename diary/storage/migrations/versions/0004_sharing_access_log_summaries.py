"""Sharing with clinicians, the hash-chained access log, and per-patient summaries.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _account(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(
        name, sa.Uuid(), sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=nullable
    )


def upgrade() -> None:
    op.create_table(
        "shares",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _account("patient_id"),
        _account("clinician_id", nullable=True),
        sa.Column("code_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("code_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("visible_from", sa.Date(), nullable=True),
        sa.Column("visible_to", sa.Date(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_access_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_shares_patient", "shares", ["patient_id"])
    op.create_index("ix_shares_clinician", "shares", ["clinician_id"])
    op.create_table(
        "access_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("chain", sa.String(60), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("actor_role", sa.String(20), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("detail", sa.String(400), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("chain", "seq", name="uq_access_log_chain_seq"),
    )
    op.create_index("ix_access_log_subject", "access_log", ["subject_id", "seq"])
    op.create_table(
        "patient_summaries",
        sa.Column(
            "patient_id",
            sa.Uuid(),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("latest_entry_date", sa.Date(), nullable=True),
        sa.Column("latest_pain", sa.Integer(), nullable=True),
        sa.Column("open_emergency", sa.Integer(), nullable=False),
        sa.Column("open_same_day", sa.Integer(), nullable=False),
        sa.Column("open_review", sa.Integer(), nullable=False),
        sa.Column("maintenance_status", sa.String(20), nullable=False),
        sa.Column("predicted_relief_end", sa.Date(), nullable=True),
        sa.Column("discuss_from", sa.Date(), nullable=True),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("patient_summaries")
    op.drop_index("ix_access_log_subject", table_name="access_log")
    op.drop_table("access_log")
    op.drop_index("ix_shares_clinician", table_name="shares")
    op.drop_index("ix_shares_patient", table_name="shares")
    op.drop_table("shares")
