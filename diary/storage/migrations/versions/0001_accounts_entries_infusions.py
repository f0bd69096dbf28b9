"""Accounts, daily entries and infusions.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("email", sa.String(320), nullable=True, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(500), nullable=True),
        sa.Column("is_local_owner", sa.Boolean(), nullable=False),
        *_timestamps(),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "patient_id",
            sa.Uuid(),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("pain_worst", sa.Integer(), nullable=True),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("sleep_hours", sa.Float(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("dissociation", sa.Integer(), nullable=True),
        sa.Column("hallucinations", sa.Boolean(), nullable=True),
        sa.Column("nausea", sa.Integer(), nullable=True),
        sa.Column("vomiting", sa.Integer(), nullable=True),
        sa.Column("urinary_frequency", sa.Integer(), nullable=True),
        sa.Column("urinary_urgency", sa.Integer(), nullable=True),
        sa.Column("urination_pain", sa.Integer(), nullable=True),
        sa.Column("bladder_pain", sa.Integer(), nullable=True),
        sa.Column("blood_in_urine", sa.String(10), nullable=True),
        sa.Column("unable_to_urinate", sa.Boolean(), nullable=True),
        sa.Column("warning_signs", sa.JSON(), nullable=False),
        sa.Column("rescue_doses", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(2000), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_timestamps(),
        sa.UniqueConstraint("patient_id", "date", name="uq_entries_patient_date"),
    )
    op.create_table(
        "infusions",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column(
            "patient_id",
            sa.Uuid(),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("route", sa.String(20), nullable=False),
        sa.Column("dose_mg", sa.Float(), nullable=True),
        sa.Column("duration_min", sa.Integer(), nullable=True),
        sa.Column("notes", sa.String(2000), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_timestamps(),
    )
    op.create_index("ix_infusions_patient_date", "infusions", ["patient_id", "date"])


def downgrade() -> None:
    op.drop_index("ix_infusions_patient_date", table_name="infusions")
    op.drop_table("infusions")
    op.drop_table("entries")
    op.drop_table("accounts")
