"""What happened on this laptop: the append-only audit log (the older ``audit_event`` table, which
kept deleted text, was dropped by migration 0013)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sala.storage.models.base import Base
from sala.storage.types import AwareDateTime, JsonText


class AuditEntry(Base):
    """One act in the append-only audit log (migration 0009; ``services/audit.py``).

    Each entry's ``hash`` covers its fields and the previous entry's hash, so an entry edited,
    removed or moved shows when the chain is checked. ``position`` counts from 1 without gaps.
    """

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime())
    device_id: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[list[str]] = mapped_column(JsonText, default=list)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
