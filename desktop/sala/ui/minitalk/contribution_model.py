"""The running list of a minitalk's contributions as a table model: newest first, editable.

The model never writes to the database. An in-place edit becomes ``sig_edit_requested(old, new)``
and the page turns it into an undoable command that saves through the writer thread; rows added
before their commit is confirmed are marked pending and reconciled when the writer answers.
Amendments of a finalized session are shown over the original: corrected text, a marker, and
the original plus the reason in the tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.services.amendments import AmendmentView
from sala.services.contributions import ContributionView

Index = QModelIndex | QPersistentModelIndex
PAGE = 500
Loader = Callable[[int, int], list[ContributionView]]


@dataclass
class Row:
    view: ContributionView
    pending: bool = False
    amended: dict[str, Any] = field(default_factory=dict)
    amendments: list[AmendmentView] = field(default_factory=list)


class ContributionModel(QAbstractTableModel):
    COL_TIME, COL_TYPE, COL_STANCE, COL_TEXT, COL_CODE, COL_TAGS, COL_STATE = range(7)
    IdRole = Qt.ItemDataRole.UserRole + 1
    ViewRole = Qt.ItemDataRole.UserRole + 2

    sig_edit_requested = Signal(object, object)
    """The user edited a row in place: (old ContributionView, new ContributionView)."""

    def __init__(self, lang: str = "th", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[Row] = []
        self._loader: Loader | None = None
        self._total = 0
        self._read_only = False
        self._headers = (self.tr("Time"), self.tr("Type"), self.tr("Stance"), self.tr("What was said"),
                         self.tr("Code"), self.tr("Tags"), self.tr("Status"))

    # -- loading ------------------------------------------------------------------------------
    def load(self, loader: Loader, total: int,
             amendments: dict[str, tuple[dict[str, Any], list[AmendmentView]]] | None = None) -> None:
        """Show the first page; later pages come through fetchMore as the view scrolls."""
        self.beginResetModel()
        self._loader, self._total = loader, total
        self._amend = amendments or {}
        self._rows = [self._row(v) for v in loader(0, PAGE)]
        self.endResetModel()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # Qt name
        return not parent.isValid() and self._loader is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # Qt name
        if self._loader is None:
            return
        more = self._loader(len(self._rows), PAGE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows += [self._row(v) for v in more]
            self.endInsertRows()
        else:
            self._total = len(self._rows)

    def _row(self, v: ContributionView) -> Row:
        fields, history = getattr(self, "_amend", {}).get(v.id, ({}, []))
        return Row(v, False, dict(fields), list(history))

    # -- changes the page makes ---------------------------------------------------------------
    def insert(self, view: ContributionView, pending: bool = True) -> None:
        """Put ``view`` where it belongs by time (newest first): the top for a new entry."""
        pos = 0
        key = (view.recorded_at, view.id)
        while pos < len(self._rows) and (self._rows[pos].view.recorded_at, self._rows[pos].view.id) > key:
            pos += 1
        self.beginInsertRows(QModelIndex(), pos, pos)
        self._rows.insert(pos, Row(view, pending))
        self._total += 1
        self.endInsertRows()

    def replace(self, view: ContributionView, pending: bool = False) -> None:
        r = self.row_of(view.id)
        if r < 0:
            return
        self._rows[r].view, self._rows[r].pending = view, pending
        self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))

    def confirm(self, view: ContributionView) -> None:
        """The writer committed ``view``: show it as stored (codes are normalised, etc.)."""
        self.replace(view, pending=False)

    def remove(self, contribution_id: str) -> None:
        r = self.row_of(contribution_id)
        if r < 0:
            return
        self.beginRemoveRows(QModelIndex(), r, r)
        del self._rows[r]
        self._total -= 1
        self.endRemoveRows()

    def row_of(self, contribution_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.view.id == contribution_id), -1)

    def view_at(self, row: int) -> ContributionView:
        return self._rows[row].view

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def pending_count(self) -> int:
        return sum(1 for r in self._rows if r.pending)

    def total(self) -> int:
        return self._total

    # -- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # Qt name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # Qt name
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._read_only and index.column() in (self.COL_TYPE, self.COL_STANCE, self.COL_TEXT, self.COL_CODE):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        v, col = row.view, index.column()
        if role == self.IdRole:
            return v.id
        if role == self.ViewRole:
            return v
        fields = row.amended
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_TIME:
                return f"{to_local(v.recorded_at):%H:%M}"
            if col == self.COL_TYPE:
                return e.ContributionType(fields.get("type", v.type)).label(self._lang)
            if col == self.COL_STANCE:
                stance = fields.get("stance", v.stance)
                return e.Stance(stance).label(self._lang) if stance else ""
            if col == self.COL_TEXT:
                return fields.get("text", v.text)  # shown whole, wrapped, its own lines kept
            if col == self.COL_CODE:
                return v.participant_code or ""
            if col == self.COL_TAGS:
                return ", ".join(fields.get("tags", v.tags))
            if col == self.COL_STATE:
                if row.pending:
                    return self.tr("saving…")
                return self.tr("✎ amended") if row.amendments else ""
        if role == Qt.ItemDataRole.EditRole:
            return {self.COL_TYPE: v.type.value, self.COL_STANCE: v.stance.value if v.stance else "",
                    self.COL_TEXT: v.text, self.COL_CODE: v.participant_code or ""}.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_CODE:  # whole, where the column shortens a long one
                return v.participant_code or None
            if col == self.COL_TAGS:
                return ", ".join(v.tags) or None
            return self._tooltip(row) if col in (self.COL_TEXT, self.COL_STATE) else None
        if role == Qt.ItemDataRole.ForegroundRole and row.pending:
            return QColor("#777777")
        if role == Qt.ItemDataRole.FontRole and row.amendments and col in (self.COL_TEXT, self.COL_STATE):
            f = QFont()
            f.setItalic(True)
            return f
        return None

    def _tooltip(self, row: Row) -> str:
        text = row.amended.get("text", row.view.text)
        if not row.amendments:
            return text
        lines = [text, "", self.tr("Original: %1").replace("%1", row.view.text)]
        for a in row.amendments:
            lines.append(self.tr("Amended — reason: %1").replace("%1", a.reason))
        return "\n".join(lines)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._read_only:
            return False
        old = self._rows[index.row()].view
        col = index.column()
        if col == self.COL_TEXT:
            new = replace(old, text=str(value))
        elif col == self.COL_TYPE:
            new = replace(old, type=e.ContributionType(value))
        elif col == self.COL_STANCE:
            new = replace(old, stance=e.Stance(value) if value else None)
        elif col == self.COL_CODE:
            new = replace(old, participant_code=str(value).strip() or None)
        else:
            return False
        if new != old:
            self.sig_edit_requested.emit(old, new)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor over (value, label) choices, for the type and stance columns."""

    def __init__(self, choices: list[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self._choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
