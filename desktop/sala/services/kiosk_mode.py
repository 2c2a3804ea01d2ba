"""Whether an exhibition's kiosk (visitor mode) is on, kept in the database. No Qt.

A facilitator leaves the laptop on the visitor screen; the battery dies or the app is killed.
On the next start the exhibition must come back on the visitor screen, with the PIN needed to
leave it, never on the staff page with its controls. So entering visitor mode is written (one
upsert, ``synchronous=FULL``) before visitors use it, and only a right PIN at the exit clears it,
in the same transaction as the exit's audit entry (:class:`~sala.services.kiosk_pin.KioskExit`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from sala.domain.clock import now
from sala.storage.database import Database
from sala.storage.settings import Setting

VISITOR_MODE = Setting("kiosk.visitor_mode", dict)  # {"session_id": ..., "since": ISO time}


def visitor_session(s: OrmSession) -> str | None:
    """The exhibition whose kiosk is on, in ``s``'s transaction (None: no kiosk)."""
    value = VISITOR_MODE.get(s) or {}
    sid = value.get("session_id")
    return sid if isinstance(sid, str) and sid else None


def end_visitor_mode(s: OrmSession) -> None:
    """Visitor mode is over (in the caller's transaction: the exit's audit entry)."""
    VISITOR_MODE.put(s, None)


class KioskMode:
    """Visitor mode on this laptop: entered when the kiosk opens, read at start, cleared on exit."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def enter(self, session_id: str) -> None:
        with self._db.write() as s:
            VISITOR_MODE.put(s, {"session_id": session_id, "since": now().isoformat()})

    def end(self) -> None:
        """Clear it without a PIN: only for an exhibition that can no longer take visitors
        (closed, finalized or gone), found so at start."""
        with self._db.write() as s:
            end_visitor_mode(s)

    def session_id(self) -> str | None:
        with self._db.read() as s:
            return visitor_session(s)
