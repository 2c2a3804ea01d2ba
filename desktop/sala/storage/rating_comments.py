"""Which visitors' comments are hidden from a session's summary: the flag staff set on a rating
while the session was open, overridden by amendments after it was finalized (later ones win).

The exhibition service (staff tally, moderation) and the session summary both need the answer,
so it is read here, from the stored records, once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sala.storage.models import Amendment, Rating


def amended_hidden(s: OrmSession, session_id: str) -> dict[str, bool]:
    """rating id -> hidden, as set by amendments after finalizing (later ones win)."""
    out: dict[str, bool] = {}
    for a in s.scalars(select(Amendment).where(Amendment.session_id == session_id,
                                               Amendment.target_type == "rating").order_by(Amendment.seq)):
        if "comment_hidden" in a.changes:
            out[a.target_id] = bool(a.changes["comment_hidden"])
    return out


def hidden_comment_ids(s: OrmSession, session_id: str) -> set[str]:
    """Ratings of the session whose comment is hidden from the summary (flag or amendment)."""
    flagged = set(s.scalars(select(Rating.id).where(Rating.session_id == session_id, Rating.comment_hidden.is_(True))))
    for rid, hidden in amended_hidden(s, session_id).items():
        (flagged.add if hidden else flagged.discard)(rid)
    return flagged
