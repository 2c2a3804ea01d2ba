"""The minitalk page's side panels: show-of-hands tallies, action items, session notes.

Every change is saved through the writer thread as it is made (no Save button); validation
messages appear under the form in both languages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain.errors import SalaError, ValidationError
from sala.domain.thaidate import format_date
from sala.services.action_items import ActionItemInput, ActionItemView
from sala.services.amendments import AmendmentView
from sala.services.tallies import COUNT_FIELDS, COUNT_MAX, TallyInput, TallyView
from sala.ui.amend.history import AmendmentsPanel
from sala.ui.amend.record_dialog import AmendField, AmendRecordDialog
from sala.ui.common.autosave import Autosave
from sala.ui.common.errors import error_label, show_error, show_field_error
from sala.ui.common.supervisor_guard import while_alive
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.widgets import BuddhistDateEdit, py_date

IdRole = Qt.ItemDataRole.UserRole + 1
__all__ = ["ActionItemsPanel", "AmendmentsPanel", "NotesPanel", "TalliesPanel"]




class _RecordPanel(QWidget):
    """A form to add, a table edited in place, a delete button; subclasses say what a record is.

    Once the session is finalized the table is read-only and Enter, a double-click or the Amend
    button records an amendment instead; amended cells show the corrected value beside the
    original, with the reasons in the tooltip.
    """

    sig_amended = Signal()
    """A record of the finalized session was amended (the amendments list may refresh)."""

    TARGET = ""
    """The amendment target type of this panel's records."""

    def __init__(self, services: Services, tasks: TaskRunner, lang: str, session_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.lang, self.session_id = services, tasks, lang, session_id
        self.read_only = False
        self.dialog: AmendRecordDialog | None = None
        """The amend dialog last opened (window-modal; tests reach it here)."""
        self._records: dict[str, Any] = {}
        self._amended: dict[str, tuple[dict[str, Any], list[AmendmentView]]] = {}
        self.error = error_label()
        self.form = QWidget()
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.activated.connect(lambda _ix: self.amend_selected() if self.read_only else None)
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.amend_button = QPushButton(self.tr("Amend selected…"))
        self.amend_button.clicked.connect(self.amend_selected)
        self.amend_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._loading = False
        self.table.itemChanged.connect(self._item_changed)

    def headers(self) -> list[str]:
        return []

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.form.setVisible(not read_only)
        self.delete_button.setVisible(not read_only)
        self.amend_button.setVisible(read_only)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers if read_only
                                   else QTableWidget.EditTrigger.DoubleClicked | QTableWidget.EditTrigger.EditKeyPressed
                                   | QTableWidget.EditTrigger.AnyKeyPressed)
        self.reload()

    def set_closed(self, closed: bool) -> None:
        """A closed session: the records are shown, nothing is added or changed until reopened."""
        self.form.setEnabled(not closed)
        self.delete_button.setEnabled(not closed)
        if closed:
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> None:
        def failed(exc: BaseException) -> None:
            show_field_error(self.error, exc, self.lang, self)
            self.reload()
        # the page may be let go of (another session opened) before the answer: then it is dropped
        self.tasks.run(fn, while_alive(self, on_done) if on_done is not None else None, while_alive(self, failed))

    def submit(self, data: Any, store: Callable[[str, Any], Any]) -> bool:
        """Add a record: check ``data`` here (refused beside the form, nothing queued), then store
        it on the writer and redraw from what was stored. True if it was queued."""
        try:
            data.validated()
        except ValidationError as exc:
            show_field_error(self.error, exc, self.lang, self)
            return False
        self.error.hide()
        sid = self.session_id
        self.run(lambda: store(sid, data), lambda _: self.reload())
        return True

    def reload(self) -> None:
        """The records and their amendments, read in one go behind any queued write."""
        sid, load, amendments = self.session_id, self.load_records, self.services.amendments
        self.tasks.run(lambda: (load(sid), amendments.effective(sid)), while_alive(self, self._loaded))

    def _loaded(self, result: tuple[list[Any], dict[str, tuple[dict[str, Any], list[AmendmentView]]]]) -> None:
        records, self._amended = result
        self._records = {r.id: r for r in records}
        self.show_records(records)

    def current(self, rid: str) -> dict[str, Any]:
        """The amended fields of record ``rid`` (empty if it was never amended)."""
        return self._amended.get(rid, ({}, []))[0]

    def shown(self, rid: str, field: str, value: Any, fmt: Callable[[Any], str] = str) -> QTableWidgetItem:
        """A cell: the value, or the amended value with the original beside it."""
        fields, history = self._amended.get(rid, ({}, []))
        if field not in fields or fields[field] == value:
            return QTableWidgetItem(fmt(value))
        item = QTableWidgetItem(self.tr("%1 (was %2)").replace("%1", fmt(fields[field])).replace("%2", fmt(value)))
        f = item.font()
        f.setItalic(True)
        item.setFont(f)
        item.setToolTip("\n".join(self.tr("Amended — reason: %1").replace("%1", a.reason) for a in history))
        return item

    def put_rows(self, rows: list[tuple[str, list[Any]]]) -> None:
        self._loading = True
        self.table.setRowCount(len(rows))
        for r, (rid, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                item = value if isinstance(value, QTableWidgetItem) else QTableWidgetItem(str(value))
                item.setData(IdRole, rid)
                self.table.setItem(r, c, item)
        self._loading = False
        if self.read_only:  # an amended cell holds the original too: widen rather than clip it
            for c in range(1, self.table.columnCount()):
                self.table.resizeColumnToContents(c)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading and not self.read_only:
            self.error.hide()
            self.row_edited(item.row(), str(item.data(IdRole)))

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item else ""

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows:
            item = self.table.item(r, 0)
            if item is None:
                continue
            rid = str(item.data(IdRole))
            self.table.removeRow(r)
            self.run(partial(self.delete_record, rid))

    def amend_selected(self) -> None:
        """Correct the selected record of the finalized session: an amendment with a reason."""
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        record = self._records.get(str(item.data(IdRole))) if item is not None else None
        if not self.read_only or record is None:
            return
        dlg = AmendRecordDialog(self.services.amendments, self.tasks, self.lang, self.TARGET, record.id,
                                self.amend_fields(record, self.current(record.id)), self.amend_title(), self,
                                supervisor=self.services.supervisor)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self._amended_one)
        self.dialog = dlg
        dlg.open()

    def _amended_one(self) -> None:
        self.reload()
        self.sig_amended.emit()

    # subclass hooks
    def load_records(self, session_id: str) -> list[Any]:
        raise NotImplementedError

    def show_records(self, records: list[Any]) -> None: ...

    def amend_fields(self, record: Any, current: dict[str, Any]) -> list[AmendField]:
        raise NotImplementedError

    def amend_title(self) -> str:
        raise NotImplementedError

    def row_edited(self, row: int, rid: str) -> None: ...
    def delete_record(self, rid: str) -> Any: ...


class TalliesPanel(_RecordPanel):
    TARGET = "tally"

    def headers(self) -> list[str]:
        return [self.tr("Question"), self.tr("For"), self.tr("Against"), self.tr("Abstain")]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question = QLineEdit()
        self.question.setPlaceholderText(self.tr("Question put to a show of hands"))
        self.counts = [QSpinBox() for _ in range(3)]
        # Each count under its label: side by side with them the row outgrew the side panel once
        # the words grew in translation (the pseudo-locale test), pushing the page past 1366 px.
        counts = QGridLayout()
        for col, (label, box) in enumerate(zip((self.tr("For"), self.tr("Against"), self.tr("Abstain")), self.counts,
                                               strict=True)):
            box.setRange(0, COUNT_MAX)
            counts.addWidget(QLabel(label), 0, col)
            counts.addWidget(box, 1, col)
        self.add_button = QPushButton(self.tr("Add tally"))
        self.add_button.clicked.connect(self.add)
        self.question.returnPressed.connect(self.add)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("Hands"), counts)
        form.addRow("", self.add_button)
        for c in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.reload()

    def add(self) -> None:
        data = TallyInput(self.question.text(), *(b.value() for b in self.counts))
        if self.submit(data, self.services.tallies.add):
            self.question.clear()
            for b in self.counts:
                b.setValue(0)

    def load_records(self, session_id: str) -> list[TallyView]:
        return self.services.tallies.list(session_id)

    def show_records(self, tallies: list[TallyView]) -> None:
        self.put_rows([(t.id, [self.shown(t.id, "question", t.question)]
                        + [self.shown(t.id, f, getattr(t, f)) for f in COUNT_FIELDS]) for t in tallies])

    def amend_fields(self, t: TallyView, current: dict[str, Any]) -> list[AmendField]:
        labels = (self.tr("For"), self.tr("Against"), self.tr("Abstain"))
        return [AmendField("question", self.tr("Question"), t.question, current.get("question", t.question))] + [
            AmendField(f, label, getattr(t, f), current.get(f, getattr(t, f)), "count")
            for f, label in zip(COUNT_FIELDS, labels, strict=True)]

    def amend_title(self) -> str:
        return self.tr("Amend a finalized show of hands")

    def row_edited(self, row: int, rid: str) -> None:
        data = TallyInput(self.cell(row, 0), *(self.cell(row, c) for c in (1, 2, 3)))
        self.run(lambda: self.services.tallies.update(rid, data))

    def delete_record(self, rid: str) -> Any:
        return self.services.tallies.delete(rid)


class ActionItemsPanel(_RecordPanel):
    TARGET = "action_item"

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
        self.reload()

    def add(self) -> None:
        due = py_date(self.due.date()) if self.has_due.isChecked() else None
        if self.submit(ActionItemInput(self.what.text(), self.who.text(), due), self.services.action_items.add):
            self.what.clear()
            self.who.clear()
            self.what.setFocus()

    def load_records(self, session_id: str) -> list[ActionItemView]:
        return self.services.action_items.list(session_id)

    def show_records(self, items: list[ActionItemView]) -> None:
        rows = []
        for a in items:
            due = self.shown(a.id, "due", a.due.isoformat() if a.due else None, self._date)
            due.setFlags(due.flags() & ~Qt.ItemFlag.ItemIsEditable)
            done_now = self.current(a.id).get("done", a.done)
            done = QTableWidgetItem(self.tr("(was %1)").replace("%1", self._yes(a.done)) if done_now != a.done else "")
            flags = done.flags() & ~Qt.ItemFlag.ItemIsEditable & ~Qt.ItemFlag.ItemIsUserCheckable
            done.setFlags(flags if self.read_only else flags | Qt.ItemFlag.ItemIsUserCheckable)
            done.setCheckState(Qt.CheckState.Checked if done_now else Qt.CheckState.Unchecked)
            what, who = self.shown(a.id, "what", a.what), self.shown(a.id, "who", a.who, self._dash)
            rows.append((a.id, [what, who, due, done]))
        self.put_rows(rows)

    def _date(self, iso: Any) -> str:
        return format_date(date.fromisoformat(str(iso)), self.lang) if iso else ""

    def _dash(self, text: Any) -> str:
        return str(text) if text else "—" if self.read_only else ""

    def _yes(self, done: bool) -> str:
        return self.tr("done") if done else self.tr("not done")

    def amend_fields(self, a: ActionItemView, current: dict[str, Any]) -> list[AmendField]:
        due = a.due.isoformat() if a.due else None
        return [AmendField("what", self.tr("What"), a.what, current.get("what", a.what)),
                AmendField("who", self.tr("Who"), a.who, current.get("who", a.who)),
                AmendField("due", self.tr("By when"), due, current.get("due", due), "date"),
                AmendField("done", self.tr("Done"), a.done, current.get("done", a.done), "check")]

    def amend_title(self) -> str:
        return self.tr("Amend a finalized action item")

    def row_edited(self, row: int, rid: str) -> None:
        old = self._records.get(rid)
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

    def set_closed(self, closed: bool) -> None:
        self.edit.setReadOnly(closed)
