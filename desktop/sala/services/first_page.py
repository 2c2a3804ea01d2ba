"""The session list's first screenful, read at start with ``sqlite3`` alone, before SQLAlchemy loads.

The GUI paints its window first and builds the services on the writer thread (importing
SQLAlchemy and the models takes a few hundred milliseconds). Meanwhile the list can already show
what :meth:`SessionService.list` would show first: the newest sessions with their counts, in one
query over the same indexes. This module answers only that default request (no filter, newest
first); ``tests/unit/test_first_page.py`` holds its rows equal to the service's.

It reads only a database whose schema is already at the migrations' head, through a read-only
connection: anything else (a new file, a migration due, a damaged file) returns None, and the
list waits for the services as before, which then create, migrate or report the trouble.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sala.domain import enums as e
from sala.services.session_rows import SessionFilter, SessionRow, SessionSort
from sala.storage import migrate

SCREENFUL = 30
"""Rows read at start: more than a maximized window on a 1366x768 or 1920x1080 screen shows; the rest
of the first page joins them once the service exists."""

# SessionService.list(SessionFilter(), 0, n) as one statement: a correlated lookup per row on a
# covering index, the order from ix (session_date, id).
_LIST = """
SELECT s.id, s.kind, s.title, s.status, s.session_date, s.province_code, coalesce(v.name, ''),
  coalesce((SELECT json_extract(k.value, '$.contributions') FROM local_setting k
            WHERE k.key = 'retention.purged.' || s.id),
           (SELECT count(*) FROM contribution c WHERE c.session_id = s.id)),
  (SELECT count(*) FROM participant p WHERE p.session_id = s.id),
  coalesce((SELECT json_extract(k.value, '$.speakers') FROM local_setting k
            WHERE k.key = 'retention.purged.' || s.id),
           (SELECT count(DISTINCT c.participant_id) FROM contribution c WHERE c.session_id = s.id)),
  (SELECT count(*) FROM rating r WHERE r.session_id = s.id),
  CAST(coalesce((SELECT json_extract(a.changes, '$.attendance_total') FROM amendment a
                 WHERE a.target_id = s.id AND a.target_type = 'session'
                   AND json_type(a.changes, '$.attendance_total') IS NOT NULL
                 ORDER BY a.seq DESC LIMIT 1), s.attendance_total) AS INTEGER)
FROM session s LEFT OUTER JOIN venue v ON v.id = s.venue_id
ORDER BY s.session_date DESC, s.id DESC LIMIT ?
"""
# SessionService.topics(): active topics, the most recently used first.
_TOPICS = """
SELECT t.id, t.name_th, t.name_en FROM topic t WHERE t.active IS 1
ORDER BY (SELECT max(s.created_at) FROM session s JOIN session_topic st ON st.session_id = s.id
          WHERE st.topic_id = t.id) DESC NULLS LAST, t.code
"""


@dataclass(frozen=True)
class FirstTopic:
    """A topic as the filter bar needs it (``Topic.label`` without the ORM)."""

    id: str
    name_th: str
    name_en: str

    def label(self, lang: str = "th") -> str:
        return self.name_th if lang == "th" else self.name_en


@dataclass(frozen=True)
class FirstPage:
    """The list's first rows and the filter bar's topics, standing in for the service until it is
    built. ``provisional``: it answers only the unfiltered, newest-first request."""

    total: int
    rows: tuple[SessionRow, ...]
    topic_rows: tuple[FirstTopic, ...]
    provisional: bool = True

    def answers(self, flt: SessionFilter, sort: SessionSort | str, descending: bool) -> bool:
        """Whether this page can serve the request as the service would."""
        return flt == SessionFilter() and SessionSort(sort) == SessionSort.DATE and descending

    def topics(self) -> list[FirstTopic]:
        return list(self.topic_rows)

    def count(self, flt: SessionFilter | None = None) -> int:
        if not self.answers(flt or SessionFilter(), SessionSort.DATE, True):
            raise LookupError("the first page answers only the unfiltered list")
        return self.total

    def list(self, flt: SessionFilter | None = None, offset: int = 0, limit: int = 100,
             sort: SessionSort | str = SessionSort.DATE, descending: bool = True) -> list[SessionRow]:
        if not self.answers(flt or SessionFilter(), sort, descending):
            raise LookupError("the first page answers only the unfiltered, newest-first list")
        return list(self.rows[offset:offset + limit])


def read_first_page(path: Path, limit: int = SCREENFUL) -> FirstPage | None:
    """The first ``limit`` sessions of the database at ``path``, or None when it cannot be read as is
    (missing, empty, a migration due, damaged, locked): the services then open it as usual."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        head = migrate.head_revision()
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    except (OSError, sqlite3.Error, RuntimeError):
        return None
    try:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone() or (None,)
        if revision != head:
            return None
        (total,) = conn.execute("SELECT count(*) FROM session").fetchone()
        rows = tuple(
            SessionRow(sid, e.SessionKind(kind), title, e.SessionStatus(status), date.fromisoformat(day), province,
                       venue, contributions, participants, speakers, visitors, attendance)
            for (sid, kind, title, status, day, province, venue, contributions, participants, speakers, visitors,
                 attendance) in conn.execute(_LIST, (limit,))
        )
        topics = tuple(FirstTopic(*row) for row in conn.execute(_TOPICS))
    except (sqlite3.Error, ValueError, TypeError):  # damaged or unexpected: the services will say what
        return None
    finally:
        conn.close()
    return FirstPage(int(total), rows, topics)
