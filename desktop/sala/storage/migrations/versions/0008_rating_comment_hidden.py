"""A visitor's comment can be hidden from the exhibition summary

``rating.comment_hidden``: staff hid this visitor's comment (abusive, personal data) from the
summary and the staff list's "shown" comments. The rating itself (its face and votes) still
counts. After finalizing, hiding is an amendment of the rating with a reason instead.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.add_column(sa.Column("comment_hidden", sa.Boolean(), nullable=False, server_default=sa.text("0")))


def downgrade() -> None:
    with op.batch_alter_table("rating", schema=None) as batch_op:
        batch_op.drop_column("comment_hidden")
