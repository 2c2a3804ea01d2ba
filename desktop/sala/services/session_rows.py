"""What the session list asks for and shows: a filter, a sort key, a row.

Apart from :mod:`sala.services.sessions` so that the list's widgets (and the first screenful read
at start, :mod:`sala.services.first_page`) need not import SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sala.domain import enums as e


@dataclass
class SessionFilter:
    kinds: set[e.SessionKind] = field(default_factory=set)
    statuses: set[e.SessionStatus] = field(default_factory=set)
    topic_id: str | None = None
    province_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


class SessionSort(StrEnum):
    """The columns the session list can be sorted by (``SessionService.list(sort=...)``)."""

    DATE = "date"
    TITLE = "title"
    KIND = "kind"
    PROVINCE = "province"  # in Thai alphabetical order of the province's name
    VENUE = "venue"
    STATUS = "status"  # in lifecycle order: draft, open, closed, finalized
    CONTRIBUTIONS = "contributions"
    PARTICIPANTS = "participants"
    SPEAKERS = "speakers"
    VISITORS = "visitors"
    ATTENDANCE = "attendance"
    ENTRIES = "entries"  # what the list shows as a session's count: visitors for exhibitions, else contributions


@dataclass(frozen=True)
class SessionRow:
    """One line of the session list.

    ``visitor_count`` is the number of exhibition visitors who left an entry at the kiosk (0 for
    the other kinds); ``speaker_count`` the distinct participant codes among the contributions;
    ``attendance_total`` the head count (as amended, for a finalized session), None if not taken.
    """

    id: str
    kind: e.SessionKind
    title: str
    status: e.SessionStatus
    session_date: date
    province_code: str
    venue_name: str
    contribution_count: int
    participant_count: int
    speaker_count: int = 0
    visitor_count: int = 0
    attendance_total: int | None = None

    @property
    def entry_count(self) -> int:
        """Visitors for an exhibition, contributions for the other kinds (``SessionSort.ENTRIES``)."""
        return self.visitor_count if self.kind == e.SessionKind.EXHIBITION else self.contribution_count
