"""The session list as a Qt table model that loads a page at a time as the view scrolls."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date
from sala.services.sessions import SessionFilter, SessionRow, SessionService

PAGE = 100
Index = QModelIndex | QPersistentModelIndex


class SessionListModel(QAbstractTableModel):
    COLUMNS = ("date", "kind", "title", "province", "venue", "status", "contributions", "participants")
    SessionIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, sessions: SessionService, lang: str = "th", parent=None) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._lang = lang
        self._filter = SessionFilter()
        self._rows: list[SessionRow] = []
        self._total = 0

    # -- loading ------------------------------------------------------------------------------
    def set_filter(self, flt: SessionFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._sessions.count(self._filter)
        self._rows = self._sessions.list(self._filter, 0, PAGE)
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self._sessions.list(self._filter, len(self._rows), PAGE)
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
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            "date": self.tr("Date"), "kind": self.tr("Kind"), "title": self.tr("Title"),
            "province": self.tr("Province"), "venue": self.tr("Venue"), "status": self.tr("Status"),
            "contributions": self.tr("Contributions"), "participants": self.tr("Participants"),
        }[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == self.SessionIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("contributions", "participants"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        if col == "contributions":
            return f"{row.contribution_count:,}"
        if col == "participants":
            return f"{row.participant_count:,}"
        return None
