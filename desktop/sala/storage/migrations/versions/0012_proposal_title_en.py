"""An exhibition proposal may have an English name

``proposal.title_en``: the proposal's name in English, optional (empty when staff gave none). The
kiosk and the staff page show it when the UI or kiosk language is English and fall back to the
Thai ``title`` when it is empty. A plain ADD COLUMN: no table rebuild, so no vote is touched.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("proposal", sa.Column("title_en", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("proposal", "title_en")  # SQLite 3.35+: no rebuild, which would cascade to the votes
