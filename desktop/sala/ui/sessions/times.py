"""A session's times as a field officer reads them: Thailand's local time, planned and/or actual.

Times are stored in UTC; a 09:00–11:00 session in Bangkok is 02:00–04:00 UTC and must never be
shown so. Each range says what it is ("planned", "actual") so a planned start is never read
beside an actual close as one range.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from sala.domain.clock import to_local
from sala.services.sessions import SessionDetail


def clock(value: datetime) -> str:
    """``14:05`` in Thailand's time zone (an aware datetime; a naive one is taken as UTC)."""
    return f"{to_local(value):%H:%M}"


def _range(start: datetime | None, end: datetime | None) -> str:
    if start and end:
        return f"{clock(start)}–{clock(end)}"
    return clock(start or end)  # type: ignore[arg-type]


def session_times(d: SessionDetail) -> str:
    """"Planned 09:00–11:00 · Actual 09:05–10:50" (Thai: "กำหนดการ 09:00–11:00 น. · เวลาจริง …")."""
    parts: list[str] = []
    if d.planned_start or d.planned_end:
        planned = _range(d.planned_start, d.planned_end)
        parts.append(QCoreApplication.translate("SessionTimes", "Planned %1").replace("%1", planned))
    if d.started_at and d.ended_at:
        actual = _range(d.started_at, d.ended_at)
        parts.append(QCoreApplication.translate("SessionTimes", "Actual %1").replace("%1", actual))
    elif d.started_at:
        parts.append(QCoreApplication.translate("SessionTimes", "Started %1").replace("%1", clock(d.started_at)))
    elif d.ended_at:
        parts.append(QCoreApplication.translate("SessionTimes", "Closed at %1").replace("%1", clock(d.ended_at)))
    return "  ·  ".join(parts)
