"""Time on the device: aware datetimes, stored in UTC, shown in Thailand's time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")


def now() -> datetime:
    """The device clock as an aware UTC datetime (never trusted for cross-device ordering)."""
    return datetime.now(UTC)


def ensure_aware(value: datetime, assume: ZoneInfo = BANGKOK) -> datetime:
    """Attach ``assume`` to a naive datetime (user input is local time in Thailand)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=assume)


def to_local(value: datetime) -> datetime:
    return ensure_aware(value, ZoneInfo("UTC")).astimezone(BANGKOK)
