"""Device-local settings: the one way to read and write a ``LocalSetting`` row.

A setting is a JSON value under a key, kept with the data (so a restored backup restores it) and
never synced. Keys are declared where they are used, as a typed :class:`Setting`; a value of the
wrong type (an older version's, a hand edit) reads as absent rather than crashing a caller.

Reads and writes are single Core statements in the caller's transaction, never ORM objects, so
a value written earlier in the same transaction is what a later read returns, and the draft
autosave (every half second while someone types) costs one upsert.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session as OrmSession

from sala.storage.models import LocalSetting

T = TypeVar("T")


def get(s: OrmSession, key: str) -> Any:
    """The value stored under ``key``, or None."""
    return s.execute(select(LocalSetting.value).where(LocalSetting.key == key)).scalar()


def put(s: OrmSession, key: str, value: Any) -> None:
    """Store ``value`` under ``key`` (one upsert); ``None`` removes the key."""
    if value is None:
        s.execute(delete(LocalSetting).where(LocalSetting.key == key))
        return
    stmt = sqlite_insert(LocalSetting).values(key=key, value=value)
    s.execute(stmt.on_conflict_do_update(index_elements=[LocalSetting.key],
                                         set_={"value": stmt.excluded.value}))


@dataclass(frozen=True)
class Setting(Generic[T]):
    """A typed key: ``URL = Setting("central.url", str)``; ``URL.get(s)`` is a ``str | None``."""

    key: str
    type: type[T]

    def get(self, s: OrmSession) -> T | None:
        value = get(s, self.key)
        return value if isinstance(value, self.type) else None

    def put(self, s: OrmSession, value: T | None) -> None:
        if value is not None and not isinstance(value, self.type):
            raise TypeError(f"setting {self.key} takes {self.type.__name__}, not {type(value).__name__}")
        put(s, self.key, value)
