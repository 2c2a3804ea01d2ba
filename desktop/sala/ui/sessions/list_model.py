"""The session list as a Qt table model that loads a page at a time as the view scrolls.

Sorting is the service's (``SessionService.list(sort=...)``): a click on a header reloads from
the database in that order, so the order holds across every page, not only the rows loaded.
Each row shows what a session gathered: contributions, or visitors for an exhibition; the
distinct speakers; and the head count (who came), apart from who spoke.

At start the model may hold the first screenful read before the services exist
(:class:`~sala.services.first_page.FirstPage`): a sort or filter asked for meanwhile waits for
:meth:`SessionListModel.attach`, which hands the model the service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sala.domain import enums as e
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date
from sala.services.session_rows import SessionFilter, SessionRow, SessionSort
from sala.ui.sessions.status_colours import STATUS_COLOURS

if TYPE_CHECKING:
    from sala.services.first_page import FirstPage
    from sala.services.sessions import SessionService

PAGE = 100
Index = QModelIndex | QPersistentModelIndex


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole + 1})
"""The roles :meth:`SessionListModel.data` answers (``UserRole + 1`` is its ``SessionIdRole``)."""


class SessionListModel(QAbstractTableModel):
    COLUMNS = ("date", "kind", "title", "province", "venue", "status", "entries", "speakers", "attendance")
    SORTS = {"date": SessionSort.DATE, "kind": SessionSort.KIND, "title": SessionSort.TITLE,
             "province": SessionSort.PROVINCE, "venue": SessionSort.VENUE, "status": SessionSort.STATUS,
             "entries": SessionSort.ENTRIES, "speakers": SessionSort.SPEAKERS, "attendance": SessionSort.ATTENDANCE}
    NUMBERS = ("entries", "speakers", "attendance")
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, sessions: SessionService | FirstPage, lang: str = "th", parent=None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._waiting = False  # a request the first page cannot answer waits for attach()
        self._lang = lang
        self._filter = SessionFilter()
        self._rows: list[SessionRow] = []
        self._total = 0
        self._sort, self._descending = SessionSort.DATE, True

    # -- loading ------------------------------------------------------------------------------
    def set_filter(self, flt: SessionFilter) -> None:
        self._filter = flt
        self.reload()

    def attach(self, sessions: SessionService) -> None:
        """The service in place of the first page. The rows shown stay (no reset: a selection or a
        scroll is kept) and the rest of the first page joins them; a request that waited reloads."""
        self._sessions = sessions
        if self._waiting:
            self.reload()
        elif len(self._rows) < min(self._total, PAGE):
            self.fetchMore()

    def _provisional(self) -> bool:
        return getattr(self._sessions, "provisional", False)

    def reload(self) -> None:
        first_page = self._sessions
        if getattr(first_page, "provisional", False):
            self._waiting = not first_page.answers(self._filter, self._sort, self._descending)  # type: ignore[union-attr]
            if self._waiting:
                return
        self._waiting = False
        self.beginResetModel()
        self._total = self._sessions.count(self._filter)
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[SessionRow]:
        return self._sessions.list(self._filter, offset, PAGE, sort=self._sort, descending=self._descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header: the whole list in that column's order, from the database."""
        if not 0 <= column < len(self.COLUMNS):
            return
        self._sort = self.SORTS[self.COLUMNS[column]]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_key(self) -> tuple[SessionSort, bool]:
        """The order shown now: (column, descending)."""
        return self._sort, self._descending

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total and not self._provisional()

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def session_id(self, row: int) -> str:
        return self._rows[row].id

    # -- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.InitialSortOrderRole:  # the first click: newest, biggest first; names A–Z
            column = self.COLUMNS[section]
            newest_first = column == "date" or column in self.NUMBERS
            first = Qt.SortOrder.DescendingOrder if newest_first else Qt.SortOrder.AscendingOrder
            return first.value
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "date": self.tr("Date"), "kind": self.tr("Kind"), "title": self.tr("Title"),
            "province": self.tr("Province"), "venue": self.tr("Venue"), "status": self.tr("Status"),
            "entries": self.tr("Contributions / visitors"), "speakers": self.tr("Speakers"),
            "attendance": self.tr("Head count"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():  # the view asks ~18 roles a cell: most are not ours
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == self.SessionIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == "status" and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            fg, bg = STATUS_COLOURS[row.status]
            return QColor(fg if role == Qt.ItemDataRole.ForegroundRole else bg)
        if role == Qt.ItemDataRole.ToolTipRole and col == "attendance" and row.attendance_total is None:
            return self.tr("No head count recorded yet: open the session and record it in its header")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "date":
            return format_date(row.session_date, self._lang, abbr=True)
        if col == "kind":
            return row.kind.label(self._lang)
        if col == "title":
            return row.title
        if col == "province":
            p = find_province(row.province_code) if row.province_code else None
            return p.label(self._lang) if p else row.province_code
        if col == "venue":
            return row.venue_name
        if col == "status":
            return row.status.label(self._lang)
        exhibition = row.kind == e.SessionKind.EXHIBITION
        if col == "entries":
            if exhibition:
                return self.tr("%1 visitors").replace("%1", f"{row.visitor_count:,}")
            return f"{row.contribution_count:,}"
        if col == "speakers":
            return "—" if exhibition else f"{row.speaker_count:,}"
        if col == "attendance":
            return "—" if row.attendance_total is None else f"{row.attendance_total:,}"
        return None
