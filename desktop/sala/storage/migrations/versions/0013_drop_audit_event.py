"""Drop the old ``audit_event`` table, zeroing what it held

``audit_event`` (0001) logged local edits with their words: deleting a contribution, an
observation, a guide question, an action item, a tally or a proposal kept its text (up to 200
characters) in ``detail``. Nothing read it, and since 0009 the acts a supervisor answers for go to
``audit_log`` with ids, never text. So the words of something deleted (a participant's name or
phone said aloud, a contribution later withdrawn) outlived the delete and a participant's erasure.

The rows are deleted and the table dropped with ``secure_delete`` on, so the freed pages are
zeroed whatever the platform's SQLite defaults to (Debian's builds zero them, others do not);
``storage/migrate.py`` then checkpoints and empties the write-ahead log, so no older copy of
those pages stays in the files. Downgrading re-creates the table empty.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("PRAGMA secure_delete=ON")
    op.execute("DELETE FROM audit_event")
    op.execute("DROP INDEX IF EXISTS ix_audit_entity")
    op.drop_table("audit_event")


def downgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_index("ix_audit_entity", "audit_event", ["entity_id"], unique=False)
