"""Participants whose personal data was erased (issue 12).

One row per erased participant and the device that sent the ``participant_erasure`` record
(keyed by both: an erasure applies only to that device's records, so another device cannot
claim a participant id first and block it). Records holding that participant's personal data are scrubbed when the
erasure arrives and when a copy arrives later by another path (``central/erasures.py``).

Revision ID: c0002
Revises: c0001
"""
from alembic import op
import sqlalchemy as sa

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "erasures",
        sa.Column("participant_id", sa.String(36), primary_key=True),
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("erasure_record_id", sa.String(36), nullable=False),
        sa.Column("received_at", sa.Float, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("erasures")
