"""The exhibition staff page: proposals on display, the live tally, and the way into kiosk mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.services.exhibition import ProposalView, Tally
from sala.ui.kiosk.pin import PinDialog
from sala.ui.kiosk.visitor import KioskVisitor
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.errors import show_error
from sala.ui.common.widgets import ReorderButtons


class TallyView(QWidget):
    """Counts, average and simple bars; the charts issue makes this rich."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        self.summary.setFont(f)
        self.grid = QGridLayout()
        self.grid.setVerticalSpacing(8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def show_tally(self, t: Tally) -> None:
        avg = "–" if t.average is None else f"{t.average:.2f}"
        self.summary.setText(self.tr("Visitors: %1 · average rating %2 / 5").replace("%1", str(t.visitors))
                             .replace("%2", avg))
        while self.grid.count():
            item = self.grid.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()  # gone now, not at the next event loop turn (no stale bars painted)
                w.deleteLater()
        rows = [(self.tr("%1 stars").replace("%1", str(s)), t.distribution[s], max(1, t.visitors))
                for s in range(5, 0, -1)]
        most = max([1] + [v for _pid, _t, v in t.votes])
        rows += [(title, votes, most) for _pid, title, votes in t.votes]
        for n, (label, value, top) in enumerate(rows):
            if n == 5:
                head = QLabel(self.tr("Votes per proposal"))
                head.setStyleSheet("font-weight: bold; margin-top: 8px;")
                self.grid.addWidget(head, 100, 0, 1, 2)
            bar = QProgressBar()
            bar.setRange(0, top)
            bar.setValue(value)
            bar.setFormat(str(value))
            bar.setMinimumHeight(int(self.fontMetrics().height() * 1.6))
            text = QLabel(label)
            text.setWordWrap(True)
            row = n if n < 5 else 100 + n
            self.grid.addWidget(text, row, 0)
            self.grid.addWidget(bar, row, 1)
        self.grid.setColumnStretch(1, 1)


class KioskStaffPage(QWidget):
    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self.kiosk: KioskVisitor | None = None
        self.pin_dialog: PinDialog | None = None
        detail = services.sessions.get(session_id)
        title = QLabel(f"{detail.kind.label(lang)} · {detail.title}")
        f = QFont(self.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        title.setFont(f)
        title.setWordWrap(True)

        self.proposals = QListWidget()
        self.proposals.setWordWrap(True)
        self.proposals.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                       | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.proposals.itemChanged.connect(self._renamed)
        self.new_proposal = QLineEdit()
        self.new_proposal.setPlaceholderText(self.tr("New proposal on display — Enter adds it"))
        self.new_proposal.returnPressed.connect(self.add_proposal)
        self.moves = ReorderButtons()
        self.moves.sig_move.connect(self.move_current)
        self.moves.sig_delete.connect(self.delete_current)
        self.up_button, self.down_button, self.delete_button = self.moves.up, self.moves.down, self.moves.delete
        self.start_button = QPushButton(self.tr("Start kiosk mode (full screen)"))
        self.start_button.setMinimumHeight(56)
        self.start_button.clicked.connect(self.start_kiosk)
        left = QVBoxLayout()
        head = QLabel(self.tr("Proposals on display"))
        head.setStyleSheet("font-weight: bold;")
        left.addWidget(head)
        left.addWidget(self.proposals, 1)
        left.addWidget(self.new_proposal)
        left.addWidget(self.moves)
        left.addWidget(self.start_button)
        self.tally = TallyView()
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.tally, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        self._filling = False
        self.reload()

    # -- proposals ----------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        self._filling = True
        self.proposals.clear()
        for p in self._services.exhibition.proposals(self._session_id):
            item = QListWidgetItem(p.title)
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.proposals.addItem(item)
            if p.id == select_id:
                self.proposals.setCurrentItem(item)
        self._filling = False
        self.refresh_tally()

    def refresh_tally(self) -> None:
        self.tally.show_tally(self._services.exhibition.tally(self._session_id))

    def _current_id(self) -> str | None:
        item = self.proposals.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add_proposal(self) -> None:
        text, ex, sid = self.new_proposal.text(), self._services.exhibition, self._session_id

        def done(p: ProposalView) -> None:
            self.new_proposal.clear()
            self.reload(p.id)

        self._tasks.run(lambda: ex.add_proposal(sid, text), done, self._error)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        pid, text, ex = item.data(Qt.ItemDataRole.UserRole), item.text(), self._services.exhibition
        self._tasks.run(lambda: ex.rename_proposal(pid, text), lambda _p: self.reload(pid),
                        lambda exc: (self._error(exc), self.reload(pid)))

    def move_current(self, delta: int) -> None:
        pid, ex = self._current_id(), self._services.exhibition
        if pid:
            self._tasks.run(lambda: ex.move_proposal(pid, delta), lambda _l: self.reload(pid), self._error)

    def delete_current(self) -> None:
        pid, ex = self._current_id(), self._services.exhibition
        if pid:
            self._tasks.run(lambda: ex.delete_proposal(pid), lambda _r: self.reload(), self._error)

    # -- kiosk mode ---------------------------------------------------------------------------
    def start_kiosk(self) -> None:
        """Open the visitor screen; the first time, the supervisor chooses a PIN first."""
        if self._services.kiosk_pin.is_set():
            self._open_kiosk()
            return
        self.pin_dialog = PinDialog(self._services.kiosk_pin, "set", self._lang, self)
        self.pin_dialog.accepted.connect(self._open_kiosk)
        self.pin_dialog.open()

    def _open_kiosk(self) -> None:
        self.kiosk = KioskVisitor(self._services, self._tasks, self._session_id, self._lang)
        self.kiosk.sig_visit_saved.connect(lambda _rid: self.refresh_tally())
        self.kiosk.sig_exited.connect(self.refresh_tally)
        self.kiosk.showFullScreen()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        self.refresh_tally()
        super().showEvent(event)

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc, self._lang)
