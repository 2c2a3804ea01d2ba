"""Offline registration vouched by a supervisor (issue 11).

A laptop that never meets a link is registered by its supervisor's enrolled app, which signs a
registration (the laptop's id and key) carried in the bundle it forwards. The device row keeps
who vouched and when (``central/vouch.py``); NULL for devices that enrolled themselves.

Revision ID: c0003
Revises: c0002
"""
import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("vouched_by", sa.String(64), nullable=True))
        batch.add_column(sa.Column("vouched_at", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("vouched_at")
        batch.drop_column("vouched_by")
