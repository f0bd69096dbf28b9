"""Server accounts (tokens, login back-off, time zone) and offline sync (change sequence, tombstones).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYNCED_TABLES = ("entries", "infusions")


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("timezone", sa.String(64), nullable=True))
        batch.add_column(
            sa.Column("change_seq", sa.BigInteger(), nullable=False, server_default="0")
        )
    for table in SYNCED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column("server_seq", sa.BigInteger(), nullable=False, server_default="0")
            )
            batch.add_column(
                sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false())
            )
        op.create_index(f"ix_{table}_patient_seq", table, ["patient_id", "server_seq"])
    _create_auth_tables()


def _create_auth_tables() -> None:
    op.create_table(
        "auth_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id",
            sa.Uuid(),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("family_id", sa.Uuid(), nullable=False, index=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", sa.String(400), nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_login_failures_subject_time", "login_failures", ["subject", "failed_at"])
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id",
            sa.Uuid(),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("account_id", "key", name="uq_idempotency_account_key"),
    )


def downgrade() -> None:
    op.drop_table("idempotency_records")
    op.drop_index("ix_login_failures_subject_time", table_name="login_failures")
    op.drop_table("login_failures")
    op.drop_table("auth_tokens")
    for table in SYNCED_TABLES:
        op.drop_index(f"ix_{table}_patient_seq", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("deleted")
            batch.drop_column("server_seq")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("change_seq")
        batch.drop_column("timezone")
