"""Contact details encrypted at rest, with a blind index to find a participant

``participant_contact.box``: the contact (name, phone, e-mail) encrypted under this database's
device key (``services/contact_vault.py``) while the laptop still needs to read it; ``key_id``
names that key. ``name_key``/``phone_key``: HMACs of the normalized name and phone under the
same device key, so a participant is found across sessions without any plain text at rest.
The plain columns stay (older rows are encrypted and blanked by the start-time step, which can
reach the OS key store; a migration cannot).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01
"""

from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("participant_contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("box", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("key_id", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("name_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("phone_key", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_participant_contact_name_key", ["name_key"])
        batch_op.create_index("ix_participant_contact_phone_key", ["phone_key"])


def downgrade() -> None:
    with op.batch_alter_table("participant_contact", schema=None) as batch_op:
        batch_op.drop_index("ix_participant_contact_phone_key")
        batch_op.drop_index("ix_participant_contact_name_key")
        batch_op.drop_column("phone_key")
        batch_op.drop_column("name_key")
        batch_op.drop_column("key_id")
        batch_op.drop_column("box")
