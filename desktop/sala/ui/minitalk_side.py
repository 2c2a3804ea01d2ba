"""The minitalk page's side panels: show-of-hands tallies, action items, session notes, amendments.

Every change is saved through the writer thread as it is made (no Save button); validation
messages appear under the form in both languages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QPlainTextEdit,
    QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.domain.errors import SalaError, ValidationError
from sala.domain.thaidate import format_date
from sala.domain.validation import FIELD_NAMES
from sala.services.action_items import ActionItemInput, ActionItemView
from sala.services.amendments import AmendmentView
from sala.services.tallies import COUNT_MAX, TallyInput, TallyView
from sala.ui.amend_dialog import error_label
from sala.ui.minitalk_autosave import Autosave
from sala.ui.tasks import TaskRunner
from sala.ui.widgets import BuddhistDateEdit, show_error

IdRole = Qt.ItemDataRole.UserRole + 1


def show_field_error(label: QLabel, exc: BaseException, lang: str, parent: QWidget) -> None:
    if isinstance(exc, ValidationError):
        first, second = (exc.th, exc.en) if lang == "th" else (exc.en, exc.th)
        label.setText(f"{first}\n{second}")
        label.show()
    else:
        show_error(parent, exc, lang)


class _RecordPanel(QWidget):
    """A form to add, a table edited in place, a delete button; subclasses say what a record is."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, services: Services, tasks: TaskRunner, lang: str, session_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.lang, self.session_id = services, tasks, lang, session_id
        self.error = error_label()
        self.form = QWidget()
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.delete_button.clicked.connect(self.delete_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignRight)
        self._loading = False
        self.table.itemChanged.connect(self._item_changed)

    def headers(self) -> list[str]:
        return []

    def set_read_only(self, read_only: bool) -> None:
        self.form.setVisible(not read_only)
        self.delete_button.setVisible(not read_only)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers if read_only
                                   else QTableWidget.EditTrigger.DoubleClicked | QTableWidget.EditTrigger.EditKeyPressed
                                   | QTableWidget.EditTrigger.AnyKeyPressed)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        def failed(exc: BaseException) -> None:
            show_field_error(self.error, exc, self.lang, self)
            self.reload()
        self.tasks.run(fn, on_done, failed)

    def put_rows(self, rows: list[tuple[str, list[Any]]]) -> None:
        self._loading = True
        self.table.setRowCount(len(rows))
        for r, (rid, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                item = value if isinstance(value, QTableWidgetItem) else QTableWidgetItem(str(value))
                item.setData(IdRole, rid)
                self.table.setItem(r, c, item)
        self._loading = False

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading:
            self.error.hide()
            self.row_edited(item.row(), str(item.data(IdRole)))

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item else ""

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            rid = str(self.table.item(r, 0).data(IdRole))
            self.table.removeRow(r)
            self.run(lambda rid=rid: self.delete_record(rid))

    # subclass hooks
    def reload(self) -> None: ...
    def row_edited(self, row: int, rid: str) -> None: ...
    def delete_record(self, rid: str) -> Any: ...


class TalliesPanel(_RecordPanel):
    def headers(self) -> list[str]:
        return [self.tr("Question"), self.tr("For"), self.tr("Against"), self.tr("Abstain")]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("Question put to a show of hands"))
        self.counts = [QSpinBox() for _ in range(3)]
        counts = QHBoxLayout()
        for label, box in zip((self.tr("For"), self.tr("Against"), self.tr("Abstain")), self.counts, strict=True):
            box.setRange(0, COUNT_MAX)
            counts.addWidget(QLabel(label))
            counts.addWidget(box, 1)
        self.add_button = QPushButton(self.tr("Add tally"))
        self.add_button.clicked.connect(self.add)
        self.question.returnPressed.connect(self.add)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("Hands"), counts)
        form.addRow("", self.add_button)
        for c in (1, 2, 3):
            self.table.setColumnWidth(c, 80)
        self.reload()

    def add(self) -> None:
        data = TallyInput(self.question.text(), *(b.value() for b in self.counts))
        try:
            data.validated()
        except ValidationError as exc:
            show_field_error(self.error, exc, self.lang, self)
            return
        self.error.hide()
        sid = self.session_id
        self.run(lambda: self.services.tallies.add(sid, data), lambda _: self.reload())
        self.question.clear()
        for b in self.counts:
            b.setValue(0)

    def reload(self) -> None:
        sid = self.session_id
        self.tasks.run(lambda: self.services.tallies.list(sid), self._show)

    def _show(self, tallies: list[TallyView]) -> None:
        self.put_rows([(t.id, [t.question, t.count_for, t.count_against, t.count_abstain]) for t in tallies])

    def row_edited(self, row: int, rid: str) -> None:
        data = TallyInput(self.cell(row, 0), *(self.cell(row, c) for c in (1, 2, 3)))
        self.run(lambda: self.services.tallies.update(rid, data))

    def delete_record(self, rid: str) -> Any:
        return self.services.tallies.delete(rid)


class ActionItemsPanel(_RecordPanel):
    def headers(self) -> list[str]:
        return [self.tr("What"), self.tr("Who"), self.tr("By when"), self.tr("Done")]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.what = QLineEdit()
        self.what.setPlaceholderText(self.tr("What is to be done"))
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("Who does it"))
        self.has_due = QCheckBox(self.tr("By"))
        self.due = BuddhistDateEdit(self.lang)
        self.due.setDate(QDate.currentDate().addDays(14))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        due = QHBoxLayout()
        due.addWidget(self.has_due)
        due.addWidget(self.due, 1)
        self.add_button = QPushButton(self.tr("Add action item"))
        self.add_button.clicked.connect(self.add)
        for w in (self.what, self.who):
            w.returnPressed.connect(self.add)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("Who"), self.who)
        form.addRow(self.tr("By when"), due)
        form.addRow("", self.add_button)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(2, 130)
        self.table.setColumnWidth(3, 60)
        self._items: dict[str, ActionItemView] = {}
        self.reload()

    def add(self) -> None:
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        data = ActionItemInput(self.what.text(), self.who.text(), due)
        try:
            data.validated()
        except ValidationError as exc:
            show_field_error(self.error, exc, self.lang, self)
            return
        self.error.hide()
        sid = self.session_id
        self.run(lambda: self.services.action_items.add(sid, data), lambda _: self.reload())
        self.what.clear()
        self.who.clear()
        self.what.setFocus()

    def reload(self) -> None:
        sid = self.session_id
        self.tasks.run(lambda: self.services.action_items.list(sid), self._show)

    def _show(self, items: list[ActionItemView]) -> None:
        self._items = {a.id: a for a in items}
        rows = []
        for a in items:
            due = QTableWidgetItem(format_date(a.due, self.lang) if a.due else "")
            due.setFlags(due.flags() & ~Qt.ItemFlag.ItemIsEditable)
            done = QTableWidgetItem()
            done.setFlags((done.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
            done.setCheckState(Qt.CheckState.Checked if a.done else Qt.CheckState.Unchecked)
            rows.append((a.id, [a.what, a.who, due, done]))
        self.put_rows(rows)

    def row_edited(self, row: int, rid: str) -> None:
        old = self._items.get(rid)
        done = self.table.item(row, 3)
        data = ActionItemInput(self.cell(row, 0), self.cell(row, 1), old.due if old else None,
                               done is not None and done.checkState() == Qt.CheckState.Checked)
        self.run(lambda: self.services.action_items.update(rid, data))

    def delete_record(self, rid: str) -> Any:
        return self.services.action_items.delete(rid)


class NotesPanel(QWidget):
    """The facilitator's running notes for the session, saved as typed."""

    def __init__(self, services: Services, tasks: TaskRunner, lang: str, session_id: str, notes: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._tasks, self._lang, self._sid = services, tasks, lang, session_id
        self.edit = QPlainTextEdit(notes)
        self.edit.setPlaceholderText(self.tr("Session notes (saved as you type)"))
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.error)
        self.autosave = Autosave(self.save, parent=self)
        self.edit.textChanged.connect(self.autosave.poke)

    def save(self) -> None:
        text, sid = self.edit.toPlainText(), self._sid

        def failed(exc: BaseException) -> None:
            if isinstance(exc, SalaError):
                show_field_error(self.error, exc, self._lang, self)
            else:
                show_error(self, exc, self._lang)
        self.error.hide()
        self._tasks.run(lambda: self._services.sessions.set_notes(sid, text), None, failed)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)


class AmendmentsPanel(QListWidget):
    """Every amendment of the finalized session, oldest first, with its reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)

    def show_amendments(self, items: list[AmendmentView], lang: str) -> None:
        self.clear()
        targets = {"contribution": self.tr("Contribution"), "tally": self.tr("Show of hands"),
                   "action_item": self.tr("Action item"), "session": self.tr("Session")}
        for a in items:
            changes = "\n".join(f"{_field_label(k, lang)}: {_value_label(k, v, lang)}" for k, v in a.changes.items())
            when = f"{format_date(a.created_at, lang, abbr=True)} {to_local(a.created_at):%H:%M}"
            self.addItem(f"{when} · {targets.get(a.target_type, a.target_type)}\n{changes}\n"
                         + self.tr("Reason: %1").replace("%1", a.reason))


def _field_label(field: str, lang: str) -> str:
    th, en = {"type": ("ประเภท", "Type"), "stance": ("จุดยืน", "Stance")}.get(field) or FIELD_NAMES.get(field, (field, field))
    return th if lang == "th" else en


def _value_label(field: str, value: Any, lang: str) -> str:
    if field == "type" and value:
        return e.ContributionType(value).label(lang)
    if field == "stance":
        return e.Stance(value).label(lang) if value else "—"
    return str(value)
