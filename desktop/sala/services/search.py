"""Thai search inside unspaced text.

The query is segmented into words with PyThaiNLP ("ฝุ่นควัน" → "ฝุ่น", "ควัน"); each word must
occur somewhere in the text, as a substring. Words of three or more characters use the FTS5
trigram index; shorter ones (rare in Thai: a consonant plus marks is already three code points)
fall back to LIKE on the rows the index has narrowed, or a scan when nothing narrowed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, and_, select, text
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.thaitext import search_terms
from sala.storage.database import Database
from sala.storage.models import Contribution

TRIGRAM_MIN = 3


@dataclass(frozen=True)
class SearchHit:
    contribution_id: str
    session_id: str
    type: e.ContributionType
    text: str
    recorded_at: datetime


def _fts_query(terms: list[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


class SearchService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def _matching(self, query: str, columns: tuple, limit: int | None = None) -> Select | None:
        """Rows matching every word; with ``limit``, the newest ``limit`` of them.

        The trigram index hands back rowids newest first and stops at the limit, so a common
        word costs no more than a rare one; short words are checked on those rows, or by a
        scan from the newest row that also stops at the limit.
        """
        terms = search_terms(query)
        if not terms:
            return None
        long_terms = [t for t in terms if len(t) >= TRIGRAM_MIN]
        short_terms = [t for t in terms if len(t) < TRIGRAM_MIN]
        stmt = select(*columns).select_from(Contribution)
        if long_terms:
            inner = "SELECT rowid FROM contribution_fts WHERE contribution_fts MATCH :q"
            if limit is not None and not short_terms:
                inner += f" ORDER BY rowid DESC LIMIT {int(limit)}"
            stmt = stmt.where(text(f"contribution.rowid IN ({inner})").bindparams(q=_fts_query(long_terms)))
        if short_terms:
            stmt = stmt.where(and_(*[Contribution.text.like(f"%{t}%") for t in short_terms]))
        return stmt

    def search(self, query: str, session_id: str | None = None, limit: int = 200) -> list[SearchHit]:
        """Contributions containing every word of ``query``, the most recently entered first."""
        stmt = self._matching(query, (Contribution.id, Contribution.session_id, Contribution.type,
                                      Contribution.text, Contribution.recorded_at),
                              None if session_id else limit)
        if stmt is None:
            return []
        if session_id:
            stmt = stmt.where(Contribution.session_id == session_id)
        stmt = stmt.order_by(text("contribution.rowid DESC")).limit(limit)
        with self._db.read() as s:
            return [SearchHit(*row) for row in s.execute(stmt)]

    def count(self, query: str) -> int:
        from sqlalchemy import func

        stmt = self._matching(query, (func.count(),))
        if stmt is None:
            return 0
        with self._db.read() as s:
            return int(s.execute(stmt).scalar_one())

    def session_ids(self, query: str, s: OrmSession) -> Select | list[str]:
        """A sub-select of sessions having a contribution that matches ``query``."""
        stmt = self._matching(query, (Contribution.session_id,))
        return [] if stmt is None else stmt.distinct()
