"""What each cell of the session list says: its columns, their titles, the words in a row's cells.

One place for the list's model (:mod:`~sala.ui.sessions.list_model`) and the first screenful
shown at start (:mod:`~sala.ui.sessions.first_screen`), so both show the same words. Nothing here
touches the ``Qt`` namespace: its first use builds ~90 enum classes (~12 ms), which the first
screenful must not wait for. The roles are Qt's numbers (``tests/ui/test_sessions_list.py``
holds them equal to ``Qt.ItemDataRole``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sala.domain import enums as e
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date
from sala.services.session_rows import SessionRow, SessionSort

COLUMNS = ("date", "kind", "title", "province", "venue", "status", "entries", "speakers", "attendance")
SORTS = {"date": SessionSort.DATE, "kind": SessionSort.KIND, "title": SessionSort.TITLE,
         "province": SessionSort.PROVINCE, "venue": SessionSort.VENUE, "status": SessionSort.STATUS,
         "entries": SessionSort.ENTRIES, "speakers": SessionSort.SPEAKERS, "attendance": SessionSort.ATTENDANCE}
NUMBERS = ("entries", "speakers", "attendance")

DISPLAY_ROLE, TOOLTIP_ROLE, ALIGNMENT_ROLE, BACKGROUND_ROLE, FOREGROUND_ROLE = 0, 3, 7, 8, 9
INITIAL_SORT_ORDER_ROLE = 14
SESSION_ID_ROLE = 256 + 1  # Qt.ItemDataRole.UserRole + 1
RIGHT_ALIGNED = 0x0002 | 0x0080  # Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ASCENDING, DESCENDING = 0, 1  # Qt.SortOrder

_CONTEXT = "SessionListModel"  # the words' context in i18n/*.ts


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def titles() -> list[str]:
    """The columns' titles in the UI's language, in :data:`COLUMNS` order."""
    words = {"date": _tr("Date"), "kind": _tr("Kind"), "title": _tr("Title"), "province": _tr("Province"),
             "venue": _tr("Venue"), "status": _tr("Status"), "entries": _tr("Contributions / visitors"),
             "speakers": _tr("Speakers"), "attendance": _tr("Head count")}
    return [words[c] for c in COLUMNS]


def initial_order(column: str) -> int:
    """The order of a first click on a column's title: newest and biggest first; names A–Z."""
    return DESCENDING if column == "date" or column in NUMBERS else ASCENDING


def no_head_count() -> str:
    """The tooltip of a head count not taken yet."""
    return _tr("No head count recorded yet: open the session and record it in its header")


def texts(row: SessionRow, lang: str) -> tuple[str, ...]:
    """What ``row`` shows in each column, in :data:`COLUMNS` order."""
    exhibition = row.kind == e.SessionKind.EXHIBITION
    province = find_province(row.province_code) if row.province_code else None
    if exhibition:
        entries = _tr("%1 visitors").replace("%1", f"{row.visitor_count:,}")
    else:
        entries = f"{row.contribution_count:,}"
    return (
        format_date(row.session_date, lang, abbr=True),
        row.kind.label(lang),
        row.title,
        province.label(lang) if province else row.province_code,
        row.venue_name,
        row.status.label(lang),
        entries,
        "—" if exhibition else f"{row.speaker_count:,}",
        "—" if row.attendance_total is None else f"{row.attendance_total:,}",
    )
