"""The session list as a Qt table model that loads a page at a time as the view scrolls.

Sorting is the service's (``SessionService.list(sort=...)``): a click on a header reloads from
the database in that order, so the order holds across every page, not only the rows loaded.
Each row shows what a session gathered: contributions, or visitors for an exhibition; the
distinct speakers; and the head count (who came), apart from who spoke.

At start the first screenful shows before the services exist (:mod:`~sala.ui.sessions.first_screen`);
this model takes its rows over as they are (``shown``), so the view keeps its selection and scroll.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sala.services.session_rows import SessionFilter, SessionRow, SessionSort
from sala.ui.sessions import cells
from sala.ui.sessions.status_colours import STATUS_COLOURS

if TYPE_CHECKING:
    from sala.services.sessions import SessionService

PAGE = 100
Index = QModelIndex | QPersistentModelIndex


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole + 1})
"""The roles :meth:`SessionListModel.data` answers (``UserRole + 1`` is its ``SessionIdRole``)."""


class SessionListModel(QAbstractTableModel):
    COLUMNS = cells.COLUMNS
    SORTS = cells.SORTS
    NUMBERS = cells.NUMBERS
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, sessions: SessionService, lang: str = "th", parent=None, *,
                 flt: SessionFilter | None = None, sort: tuple[SessionSort, bool] = (SessionSort.DATE, True),
                 shown: tuple[Sequence[SessionRow], int] | None = None) -> None:
        """The list filtered by ``flt`` in ``sort`` order ((column, descending)); its first page is read
        at once, unless ``shown`` holds the rows already on screen in that order and the total they
        start: they are kept as they are and the rest of the first page joins them."""
        super().__init__(parent)
        self._sessions = sessions
        self._lang = lang
        self._titles = cells.titles()
        self._filter = flt if flt is not None else SessionFilter()
        self._rows: list[SessionRow] = []
        self._texts: list[tuple[str, ...] | None] = []  # each row's words, made when first shown
        self._total = 0
        self._sort, self._descending = sort
        if shown is None:
            self.reload()
            return
        self._rows, self._total = list(shown[0]), shown[1]
        self._texts = [None] * len(self._rows)
        if len(self._rows) < min(self._total, PAGE):
            self.fetchMore()

    # -- loading ------------------------------------------------------------------------------
    def set_filter(self, flt: SessionFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._sessions.count(self._filter)
        self._rows = self._page(0)
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def _page(self, offset: int) -> list[SessionRow]:
        return self._sessions.list(self._filter, offset, PAGE, sort=self._sort, descending=self._descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header: the whole list in that column's order, from the database."""
        if not 0 <= column < len(self.COLUMNS):
            return
        key = (self.SORTS[self.COLUMNS[column]], order == Qt.SortOrder.DescendingOrder)
        if key == (self._sort, self._descending):
            return  # the view's own call when sorting is switched on: the rows are in that order already
        self._sort, self._descending = key
        self.reload()

    def sort_key(self) -> tuple[SessionSort, bool]:
        """The order shown now: (column, descending)."""
        return self._sort, self._descending

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self._texts.extend([None] * len(more))
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
            return cells.initial_order(self.COLUMNS[section])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():  # the view asks ~18 roles a cell: most are not ours
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == self.SessionIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self.NUMBERS:
            return cells.RIGHT_ALIGNED
        if col == "status" and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            fg, bg = STATUS_COLOURS[row.status]
            return QColor(fg if role == Qt.ItemDataRole.ForegroundRole else bg)
        if role == Qt.ItemDataRole.ToolTipRole and col == "attendance" and row.attendance_total is None:
            return cells.no_head_count()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        texts = self._texts[index.row()]
        if texts is None:
            texts = self._texts[index.row()] = cells.texts(row, self._lang)
        return texts[index.column()]
