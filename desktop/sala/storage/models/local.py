"""What this laptop knows about itself: the devices whose records it holds and its own settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from sala.storage.models.base import Base
from sala.storage.types import AwareDateTime, JsonText


class Device(Base):
    """This laptop (``is_local``) and devices whose records arrived by bundle."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    last_change_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())


class LocalSetting(Base):
    """Small device-local values that must survive with the data (kiosk PIN hash, server URL)."""

    __tablename__ = "local_setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonText)
