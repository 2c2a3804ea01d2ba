"""Session head count, and an index for the session list's speaker counts

``session.attendance_total`` is how many people came (the room, or an exhibition's visitors),
apart from those who spoke; ``session.attendance_detail`` optionally breaks it down by age band,
gender and occupation (JSON). Both are nullable: older sessions simply have no head count.

``ix_contribution_session_speaker`` (session_id, participant_id) covers the list's per-session
``count(*)`` and ``count(DISTINCT participant_id)``, so sorting 4,000 sessions by either reads
that index only instead of fetching every contribution row.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attendance_total", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("attendance_detail", sa.Text(), nullable=True))
    op.create_index("ix_contribution_session_speaker", "contribution", ["session_id", "participant_id"])


def downgrade() -> None:
    op.drop_index("ix_contribution_session_speaker", table_name="contribution")
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_column("attendance_detail")
        batch_op.drop_column("attendance_total")
