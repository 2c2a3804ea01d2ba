"""Audience mode: phones, their submissions and votes (issue 14)

Local tables only (nothing here syncs): ``audience_room`` (a session's join code and "accept all"
switch), ``audience_phone`` (an anonymous per-phone code and the hash of its cookie token),
``audience_submission`` (opinions, questions and ratings sent from phones, with their moderation
state and the contribution or rating each became) and ``audience_vote`` (question up-votes and
proposal dot-votes, one per phone and target). What is accepted becomes ordinary synced records.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audience_room",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("join_code", sa.String(length=16), nullable=False),
        sa.Column("accept_all", sa.Boolean(), nullable=False),
        sa.Column("opened_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"], name=op.f("fk_audience_room_session_id_session"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_audience_room")),
    )
    op.create_table(
        "audience_phone",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("age_band", sa.String(length=20), nullable=True),
        sa.Column("occupation", sa.String(length=20), nullable=True),
        sa.Column("joined_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"], name=op.f("fk_audience_phone_session_id_session"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audience_phone")),
        sa.UniqueConstraint("session_id", "code", name="uq_audience_phone_session_code"),
        sa.UniqueConstraint("token_hash", name=op.f("uq_audience_phone_token_hash")),
    )
    op.create_table(
        "audience_submission",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("phone_id", sa.String(length=36), nullable=False),
        sa.Column("client_key", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=True),
        sa.Column("stance", sa.String(length=16), nullable=True),
        sa.Column("topic_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("merged_into", sa.String(length=36), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("decided_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["phone_id"], ["audience_phone.id"],
                                name=op.f("fk_audience_submission_phone_id_audience_phone"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"],
                                name=op.f("fk_audience_submission_session_id_session"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audience_submission")),
        sa.UniqueConstraint("phone_id", "client_key", name="uq_audience_submission_phone_key"),
    )
    op.create_index("ix_audience_submission_queue", "audience_submission", ["session_id", "state", "created_at"])
    op.create_table(
        "audience_vote",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("phone_id", sa.String(length=36), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=False),
        sa.Column("target_id", sa.String(length=36), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["phone_id"], ["audience_phone.id"],
                                name=op.f("fk_audience_vote_phone_id_audience_phone"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["session.id"], name=op.f("fk_audience_vote_session_id_session"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audience_vote")),
        sa.UniqueConstraint("phone_id", "target_kind", "target_id", name="uq_audience_vote_phone_target"),
    )
    op.create_index("ix_audience_vote_target", "audience_vote", ["session_id", "target_kind", "target_id"])


def downgrade() -> None:
    op.drop_index("ix_audience_vote_target", table_name="audience_vote")
    op.drop_table("audience_vote")
    op.drop_index("ix_audience_submission_queue", table_name="audience_submission")
    op.drop_table("audience_submission")
    op.drop_table("audience_phone")
    op.drop_table("audience_room")
