"""Thai search index: an FTS5 trigram index over contribution text.

Thai has no spaces between words, so a word index cannot find "ฝุ่น" inside
"ปัญหาฝุ่นละอองขนาดเล็ก". A trigram index finds any substring of three or more characters.
The index is contentless (the text already lives in ``contribution``) and keyed by the
contribution's rowid; triggers keep it in step. Existing rows are indexed on upgrade.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE contribution_fts USING fts5(text, content='', tokenize='trigram')")
    op.execute(
        "CREATE TRIGGER contribution_fts_ai AFTER INSERT ON contribution BEGIN "
        "INSERT INTO contribution_fts(rowid, text) VALUES (new.rowid, new.text); END"
    )
    op.execute(
        "CREATE TRIGGER contribution_fts_ad AFTER DELETE ON contribution BEGIN "
        "INSERT INTO contribution_fts(contribution_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END"
    )
    op.execute(
        "CREATE TRIGGER contribution_fts_au AFTER UPDATE OF text ON contribution BEGIN "
        "INSERT INTO contribution_fts(contribution_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        "INSERT INTO contribution_fts(rowid, text) VALUES (new.rowid, new.text); END"
    )
    op.execute("INSERT INTO contribution_fts(rowid, text) SELECT rowid, text FROM contribution")


def downgrade() -> None:
    for trigger in ("contribution_fts_ai", "contribution_fts_ad", "contribution_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS contribution_fts")
