"""When an administrator last released a device id from its key.

``sala-central devices reassign --release`` / ``unbind`` leave an id unbound so that its next
enrollment or vouch binds the key it proves. A vouch made at or before that moment (an old,
captured one naming the key the id was released from) must not bind it again
(``central/vouch.py``); NULL for ids never released.

Revision ID: c0004
Revises: c0003
"""
import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("released_at", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("released_at")
