"""Covering indexes for the dashboard's GROUP BYs.

EXPLAIN QUERY PLAN on a 241,000-contribution database showed the contribution aggregate
(topic x type x stance) walking ``ix_contribution_topic_type`` and fetching every row for its
stance (about 700 ms); a (session_id, ...) index made it covering but still sorted 241,000 rows
in a temp B-tree (about 430 ms). With the grouped columns first and session_id last the GROUP BY
streams in index order with no sort (about 75 ms), and a filtered query scans the same index
checking session_id against the filtered sessions, which stays flat however many sessions the
filter keeps. The same shape serves participants (age band x gender) and ratings (score).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_contribution_dashboard", "contribution", ["topic_id", "type", "stance", "session_id"])
    op.create_index("ix_participant_dashboard", "participant", ["age_band", "gender", "session_id"])
    op.create_index("ix_rating_dashboard", "rating", ["score", "session_id"])


def downgrade() -> None:
    op.drop_index("ix_rating_dashboard", table_name="rating")
    op.drop_index("ix_participant_dashboard", table_name="participant")
    op.drop_index("ix_contribution_dashboard", table_name="contribution")
