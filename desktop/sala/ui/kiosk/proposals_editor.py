"""The exhibition's proposals on display, each with its Thai name and its English name side by side.

One row per proposal: the Thai name (required) and the English name (optional: an English kiosk,
page or report shows it, else the Thai name) in two columns, read as a pair and changed in place
(double-click, F2 or typing on the cell, Enter saves). Up / Down / Delete under the table, then
"Add a proposal": the Thai name and the English name, labelled, one under the other, and Add.
Tab goes table → Up → Down → Delete → Thai name → English name → Add. Before, the selected
proposal's English name, the new proposal's Thai name and its English name were three unlabelled
fields in a column, and staff could not tell which one was which (field-day walk).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sala.services.exhibition import ExhibitionService, ProposalView
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.widgets import ReorderButtons

THAI, ENGLISH = 0, 1
"""The table's columns."""


class _NoEnglishDelegate(QStyledItemDelegate):
    """An empty English cell says, in grey, that the Thai name is shown instead."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == ENGLISH and not index.data():
            option.text = self.text
            palette, font = QPalette(option.palette), option.font  # copies: set back below
            palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorGroup.Disabled,
                                                                    QPalette.ColorRole.Text))
            font.setItalic(True)
            option.palette, option.font = palette, font


class ProposalsEditor(QWidget):
    """Proposals of one exhibition: the pairs of names in a table, reorder, delete and add."""

    sig_changed = Signal()
    """A proposal was added, renamed, moved or deleted (the tally shows the new rows)."""
    sig_failed = Signal(object)
    """A change was refused; carries the exception (the page shows it)."""

    def __init__(self, exhibition: ExhibitionService, tasks: TaskRunner, session_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ex, self._tasks, self._session_id = exhibition, tasks, session_id
        self._filling = False
        self._live = True
        head = QLabel(self.tr("Proposals on display"))
        head.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("staffProposals")
        self.table.setHorizontalHeaderLabels([self.tr("Thai name"), self.tr("English name (optional)")])
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows go from cell to cell
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.setItemDelegate(_NoEnglishDelegate(self.tr("(the Thai name is shown)"), self.table))
        self.table.itemChanged.connect(self._renamed)
        self.hint = QLabel(self.tr("To change a name, double-click it (or F2), type, then Enter."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.moves = ReorderButtons()
        self.moves.sig_move.connect(self.move_current)
        self.moves.sig_delete.connect(self.delete_current)

        self.new_head = QLabel(self.tr("Add a proposal"))
        self.new_head.setStyleSheet("font-weight: bold;")
        self.new_thai = QLineEdit()
        self.new_thai.setObjectName("newProposal")
        self.new_thai.returnPressed.connect(self.add)
        self.new_english = QLineEdit()
        self.new_english.setObjectName("newProposalEnglish")
        self.new_english.setPlaceholderText(self.tr("Optional: shown on an English kiosk"))
        self.new_english.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addProposalButton")
        self.add_button.clicked.connect(self.add)
        self.thai_label = QLabel(self.tr("Thai name"))
        self.thai_label.setBuddy(self.new_thai)
        self.english_label = QLabel(self.tr("English name"))
        self.english_label.setBuddy(self.new_english)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.thai_label, self.new_thai)
        english_row = QHBoxLayout()
        english_row.addWidget(self.new_english, 1)
        english_row.addWidget(self.add_button)
        form.addRow(self.english_label, english_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.moves)
        layout.addSpacing(6)
        layout.addWidget(self.new_head)
        layout.addLayout(form)
        chain = [self.table, self.moves.up, self.moves.down, self.moves.delete, self.new_thai, self.new_english,
                 self.add_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.set_live(True)

    # -- state ----------------------------------------------------------------------------------
    def set_live(self, live: bool, why_not: str = "") -> None:
        """Proposals change only while the exhibition is a draft or open; ``why_not`` says why not."""
        self._live = live
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed if live
                                   else QAbstractItemView.EditTrigger.NoEditTriggers)
        for w in (self.new_thai, self.new_english, self.add_button, self.moves):
            w.setEnabled(live)
        self.hint.setVisible(live)
        self.new_thai.setPlaceholderText(self.tr("New proposal on display — Enter adds it") if live else why_not)

    def reload(self, select_id: str | None = None) -> None:
        self._filling = True
        column = max(0, self.table.currentColumn())
        rows = self._ex.proposals(self._session_id)
        self.table.setRowCount(len(rows))
        for r, p in enumerate(rows):
            for c, text in ((THAI, p.title), (ENGLISH, p.title_en)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
            if p.id == select_id:
                self.table.setCurrentCell(r, column)
        self.table.resizeRowsToContents()
        self._filling = False

    def current_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), THAI) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def names(self) -> list[tuple[str, str]]:
        """Each row's (Thai name, English name), as shown."""
        return [(self._text(r, THAI), self._text(r, ENGLISH)) for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # -- changes (on the writer) --------------------------------------------------------------
    def add(self) -> None:
        text, english = self.new_thai.text(), self.new_english.text()
        ex, sid = self._ex, self._session_id

        def done(p: ProposalView) -> None:
            self.new_thai.clear()
            self.new_english.clear()
            self.reload(p.id)
            self.new_thai.setFocus()  # the next proposal's Thai name
            self.sig_changed.emit()

        self._tasks.run(lambda: ex.add_proposal(sid, text, english), done, self.sig_failed.emit)

    def _renamed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        pid, row, ex = item.data(Qt.ItemDataRole.UserRole), item.row(), self._ex
        thai = self._text(row, THAI)
        english = self._text(row, ENGLISH) if item.column() == ENGLISH else None  # None keeps it

        def failed(exc: BaseException) -> None:
            self.sig_failed.emit(exc)
            self.reload(pid)  # the names as stored

        def done(_p: ProposalView) -> None:
            self.reload(pid)
            self.sig_changed.emit()

        self._tasks.run(lambda: ex.rename_proposal(pid, thai, english), done, failed)

    def move_current(self, delta: int) -> None:
        pid, ex = self.current_id(), self._ex
        if pid:
            self._tasks.run(lambda: ex.move_proposal(pid, delta), lambda _l: self._after(pid), self.sig_failed.emit)

    def delete_current(self) -> None:
        pid, ex = self.current_id(), self._ex
        if pid:
            self._tasks.run(lambda: ex.delete_proposal(pid), lambda _r: self._after(None), self.sig_failed.emit)

    def _after(self, select_id: str | None) -> None:
        self.reload(select_id)
        self.sig_changed.emit()
