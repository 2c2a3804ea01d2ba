"""The contact vault's table: a participant's personal data, kept apart from the record."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from sala.storage.models.base import Base
from sala.storage.types import AwareDateTime


class ParticipantContact(Base):
    """Personal data (PDPA): only with consent, apart from the rest; never plain at rest
    (``services/contact_vault.py``): encrypted under the device key, sealed at finalize."""

    __tablename__ = "participant_contact"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sealed_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    # migration 0010: encrypted under the device key until sealed; blind index to find a person
    box: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    key_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    phone_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
