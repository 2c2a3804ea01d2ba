"""Half-typed text kept durably (a LocalSetting row per key), so a crash loses at most a second.

Qt-free. Drafts are device-local and never synced: they are not records, only typing in flight.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sala.storage.database import Database
from sala.storage.models import LocalSetting

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
            if value in (None, "", {}):
                s.execute(delete(LocalSetting).where(LocalSetting.key == PREFIX + key))
                return
            stmt = sqlite_insert(LocalSetting).values(key=PREFIX + key, value=value)
            s.execute(stmt.on_conflict_do_update(index_elements=[LocalSetting.key], set_={"value": stmt.excluded.value}))

    def load(self, key: str) -> Any:
        with self._db.read() as s:
            row = s.get(LocalSetting, PREFIX + key)
            return row.value if row else None

    def clear(self, key: str) -> None:
        self.save(key, None)
