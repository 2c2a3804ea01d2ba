"""The session's question guide, edited in place: add, reword, reorder, delete; templates.

Every change goes to the writer thread; the list is redrawn from what the database returns,
so what is shown is what is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.services.guides import GuideView, QuestionView
from sala.ui.common.errors import show_error
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.widgets import ReorderButtons


class GuidePanel(QWidget):
    """Ordered questions of one session's guide."""

    sig_current_changed = Signal(object)
    """The selected question changed: its QuestionView, or None when the guide is empty."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self.guide: GuideView | None = None
        self._filling = False

        title = QLabel(self.tr("Question guide"))
        title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # room for Thai marks above and below
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemChanged.connect(self._item_edited)
        self.new_question = QLineEdit()
        self.new_question.setPlaceholderText(self.tr("New question — Enter adds it"))
        self.new_question.returnPressed.connect(self.add_question)
        self.moves = ReorderButtons()
        self.moves.sig_move.connect(self.move_current)
        self.moves.sig_delete.connect(self.delete_current)
        self.up_button, self.down_button, self.delete_button = self.moves.up, self.moves.down, self.moves.delete
        self.templates = QComboBox()
        self.apply_button = QPushButton(self.tr("Use template"))
        self.apply_button.clicked.connect(self.apply_template)
        self.save_template_button = QPushButton(self.tr("Save as template…"))
        self.save_template_button.clicked.connect(self.save_as_template)
        tpl = QHBoxLayout()
        tpl.addWidget(self.templates, 1)
        tpl.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_question)
        layout.addWidget(self.moves)
        layout.addLayout(tpl)
        layout.addWidget(self.save_template_button)
        self.reload()
        self._load_templates()

    # -- reading ------------------------------------------------------------------------------
    def reload(self, guide: GuideView | None = None, select_id: str | None = None) -> None:
        self.guide = guide or self._services.guides.session_guide(self._session_id)
        current = self.current()
        keep = select_id or (current.id if current else None)
        self._filling = True
        self.list.clear()
        for n, q in enumerate(self.questions(), 1):
            item = QListWidgetItem(q.text)
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(self.tr("Question %1 — double-click or F2 to reword").replace("%1", str(n)))
            self.list.addItem(item)
        self._filling = False
        ids = [q.id for q in self.questions()]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        if not ids:
            self.sig_current_changed.emit(None)

    def _load_templates(self) -> None:
        self.templates.clear()
        for t in self._services.guides.templates():
            self.templates.addItem(self.tr("%1 (%2 questions)").replace("%1", t.title)
                                   .replace("%2", str(len(t.questions))), t.id)
        self.apply_button.setEnabled(self.templates.count() > 0)

    def questions(self) -> tuple[QuestionView, ...]:
        return self.guide.questions if self.guide else ()

    def current(self) -> QuestionView | None:
        row = self.list.currentRow()
        qs = self.questions()
        return qs[row] if 0 <= row < len(qs) else None

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (−1) question."""
        n = self.list.count()
        if n:
            self.list.setCurrentRow(max(0, min(n - 1, self.list.currentRow() + delta)))

    # -- changes ------------------------------------------------------------------------------
    def add_question(self) -> None:
        text = self.new_question.text()
        guides, sid = self._services.guides, self._session_id

        def add() -> tuple[GuideView, str]:
            g = guides.ensure_session_guide(sid)
            q = guides.add_question(g.id, text)
            return guides.get(g.id), q.id

        def done(result: tuple[GuideView, str]) -> None:
            self.new_question.clear()
            self.reload(result[0], result[1])

        self._tasks.run(add, done, self._error)

    def _item_edited(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        qid, text = item.data(Qt.ItemDataRole.UserRole), item.text()
        guides = self._services.guides

        def failed(exc: BaseException) -> None:
            self._error(exc)
            self.reload(select_id=qid)

        self._tasks.run(lambda: guides.edit_question(qid, text), lambda _q: self.reload(select_id=qid), failed)

    def move_current(self, delta: int) -> None:
        q = self.current()
        if q is not None:
            guides = self._services.guides
            self._tasks.run(lambda: guides.move_question(q.id, delta), lambda g: self.reload(g, q.id), self._error)

    def delete_current(self) -> None:
        q = self.current()
        if q is not None:
            guides = self._services.guides
            self._tasks.run(lambda: guides.delete_question(q.id), lambda g: self.reload(g), self._error)

    def apply_template(self) -> None:
        tid = self.templates.currentData()
        if tid:
            guides, sid = self._services.guides, self._session_id
            self._tasks.run(lambda: guides.apply_template(sid, tid), lambda g: self.reload(g), self._error)

    def save_as_template(self, title: str | None = None) -> None:
        if self.guide is None or not self.questions():
            return
        if not title:
            title, ok = QInputDialog.getText(self, "Sala", self.tr("Template name:"), text=self.guide.title)
            if not ok:
                return
        guides, gid = self._services.guides, self.guide.id
        self._tasks.run(lambda: guides.save_as_template(gid, title), lambda _t: self._load_templates(), self._error)

    def set_read_only(self, read_only: bool) -> None:
        """A finalized session's guide is shown, not changed (it can still be saved as a template)."""
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only else
                                  QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        for w in (self.new_question, self.up_button, self.down_button, self.delete_button, self.templates,
                  self.apply_button):
            w.setVisible(not read_only)

    def _row_changed(self, _row: int) -> None:
        if not self._filling:
            self.sig_current_changed.emit(self.current())

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc, self._lang)
