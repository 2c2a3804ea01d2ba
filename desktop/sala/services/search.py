"""Thai search inside unspaced text: contributions, and sessions by any of their words.

For contributions, the query is segmented into words with PyThaiNLP ("ฝุ่นควัน" → "ฝุ่น", "ควัน"); each word must
occur somewhere in the text, as a substring. Words of three or more characters use the FTS5
trigram index; shorter ones (rare in Thai: a consonant plus marks is already three code points)
fall back to LIKE on the rows the index has narrowed, or a scan when nothing narrowed them.

For the session list (:meth:`SearchService.session_condition`), the query is split on white
space and every word must be found somewhere in the session: its title, venue, province (Thai
or English name), district, facilitators, or one of its contributions (through the index
above, so a Thai word inside unspaced text counts). "ขยะพลาสติก ลำปาง" finds a plastic-waste
session held in Lampang, whichever of those places each word sits in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import BindParameter, ColumnElement, Select, and_, bindparam, or_, select, text

from sala.domain import enums as e
from sala.domain.provinces import all_provinces
from sala.domain.thaitext import normalize, search_terms
from sala.storage.database import Database
from sala.storage.models import Contribution, Session, Venue

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
            # unique: a session search ANDs one such MATCH per word in a single statement
            match: BindParameter[str] = bindparam("q", _fts_query(long_terms), unique=True)
            stmt = stmt.where(text(f"contribution.rowid IN ({inner})").bindparams(match))
        if short_terms:
            stmt = stmt.where(and_(*[Contribution.text.like(_like(t), escape="\\") for t in short_terms]))
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

    def session_condition(self, query: str) -> ColumnElement[bool] | None:
        """A condition on ``Session``: every white-space separated word of ``query`` is found
        somewhere in the session (see the module's docstring); None for an empty query."""
        words = list(dict.fromkeys(normalize(query).split()))
        if not words:
            return None
        return and_(*[self._session_word(w) for w in words])

    def _session_word(self, word: str) -> ColumnElement[bool]:
        alternatives = [_in_session_fields(word)]
        terms = search_terms(word)
        if len(terms) > 1:  # unspaced Thai: its words may sit apart, e.g. one in the title
            alternatives.append(and_(*[_in_session_fields(t) for t in terms]))
        said = self._matching(word, (Contribution.session_id,))
        if said is not None:
            alternatives.append(Session.id.in_(said))
        return or_(*alternatives)


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _in_session_fields(word: str) -> ColumnElement[bool]:
    """``word`` inside the session's own text: title, district, facilitators, venue, province."""
    like = _like(word)
    folded = word.casefold()
    provinces = [p.code for p in all_provinces()
                 if folded in p.name_th or folded in p.name_en.casefold() or folded == p.code.casefold()]
    conds = [
        Session.title.like(like, escape="\\"),
        Session.district.like(like, escape="\\"),
        Session.facilitators.like(like, escape="\\"),
        Session.venue_id.in_(select(Venue.id).where(Venue.name.like(like, escape="\\"))),
    ]
    if provinces:
        conds.append(Session.province_code.in_(provinces))
    return or_(*conds)
