"""Half-typed text kept durably (a LocalSetting row per key), so a crash loses at most a second.

Qt-free. Drafts are device-local and never synced: they are not records, only typing in flight.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete

from sala.storage.database import Database
from sala.storage.models import LocalSetting

PREFIX = "draft/"


def capture_key(session_id: str) -> str:
    return f"capture/{session_id}"


class DraftService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, key: str, value: Any) -> None:
        """Store ``value`` under ``key`` (an empty value removes the draft)."""
        with self._db.write() as s:
            if value in (None, "", {}):
                s.execute(delete(LocalSetting).where(LocalSetting.key == PREFIX + key))
                return
            s.merge(LocalSetting(key=PREFIX + key, value=value))

    def load(self, key: str) -> Any:
        with self._db.read() as s:
            row = s.get(LocalSetting, PREFIX + key)
            return row.value if row else None

    def clear(self, key: str) -> None:
        self.save(key, None)
