"""Half-typed text kept durably (a LocalSetting row per key), so a crash loses at most a second.

Qt-free. Drafts are device-local and never synced: they are not records, only typing in flight.
"""

from __future__ import annotations

from typing import Any

from sala.storage import settings
from sala.storage.database import Database

PREFIX = "draft/"


def capture_key(session_id: str) -> str:
    return f"capture/{session_id}"


class DraftService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (an empty value removes the draft).

        One Core upsert, no unit of work: this runs every half second while someone types, on
        the same writer thread as the Enter that must not wait behind it.
        """
        with self._db.write() as s:
            settings.put(s, PREFIX + key, None if value in (None, "", {}) else value)

    def load(self, key: str) -> Any:
        with self._db.read() as s:
            return settings.get(s, PREFIX + key)

    def clear(self, key: str) -> None:
        self.save(key, None)
