"""catalog_link, and seals/pieces on sync_batch

``catalog_link`` ties each item pulled from the central catalogue (topic, venue, question
guide) to the local row it became, with a fingerprint of what was written, so a later pull
updates only rows the user has not edited and never touches local-only items.

``sync_batch.seal`` holds the origin device's signature over the Merkle root of a batch's
records (written at USB bundle export, kept by the supervisor at import) and ``sync_batch.piece``
says which records of which sealed batch a forwarded piece carries: a supervisor whose server
has smaller limits forwards pieces that still prove who wrote them (PROTOCOL.md, "Pieces").

Revision ID: 0006
Revises: 0004
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "catalog_link",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("rev", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("local_id", sa.String(length=36), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("pulled_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("kind", "item_id", name=op.f("pk_catalog_link")),
    )
    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seal", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("piece", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_batch", schema=None) as batch_op:
        batch_op.drop_column("piece")
        batch_op.drop_column("seal")
    op.drop_table("catalog_link")
