"""Visitors' comments on the exhibition staff page: read them, hide an abusive one from the summary.

A hidden comment stays in the database and its face rating still counts; it is only left out of
the summary. Once the exhibition is finalized, hiding (or showing again) is an amendment, so a
reason is asked for beside the button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.services.exhibition import CommentView
from sala.ui.common.errors import error_label, show_field_error
from sala.ui.common.tasks import TaskRunner
from sala.ui.kiosk.faces import face_words
from sala.ui.sessions.times import clock


class CommentsPanel(QWidget):
    sig_changed = Signal()
    """A comment was hidden or shown again (the summary changes)."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self._finalized = False
        self.views: list[CommentView] = []
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.list = QListWidget()
        self.list.setObjectName("staffComments")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(lambda _r: self._update_button())
        self.hide_button = QPushButton(self.tr("Hide from summary"))
        self.hide_button.setObjectName("hideCommentButton")
        self.hide_button.setToolTip(self.tr("An abusive comment, or one with personal data, is left out of the "
                                            "summary; its face rating still counts"))
        self.hide_button.clicked.connect(self.toggle_current)
        self.reason = QLineEdit()
        self.reason.setObjectName("hideCommentReason")
        self.reason.setPlaceholderText(self.tr("Reason (required: the exhibition is finalized)"))
        self.reason.hide()
        self.error = error_label()
        bar = QHBoxLayout()
        bar.addWidget(self.reason, 1)
        bar.addWidget(self.hide_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        layout.addWidget(self.error)
        self.reload()

    def set_status(self, status: e.SessionStatus) -> None:
        self._finalized = status == e.SessionStatus.FINALIZED
        self.reason.setVisible(self._finalized)

    def reload(self) -> None:
        current = self.current_view()
        keep = current.rating_id if current else None
        self.views = self._services.exhibition.comments(self._session_id)
        words = face_words()
        self.list.clear()
        for v in self.views:
            item = QListWidgetItem(f"{words[v.score]} · {clock(v.recorded_at)} — {v.text}")
            item.setData(Qt.ItemDataRole.UserRole, v.rating_id)
            if v.hidden:
                item.setText(item.text() + "  " + self.tr("(hidden from the summary)"))
                item.setForeground(QColor("#888888"))
                f = QFont(self.list.font())
                f.setStrikeOut(True)
                item.setFont(f)
            self.list.addItem(item)
            if v.rating_id == keep:
                self.list.setCurrentItem(item)
        shown = sum(not v.hidden for v in self.views)
        self.heading.setText(self.tr("Visitors' comments: %1 (%2 hidden)").replace("%1", str(len(self.views)))
                             .replace("%2", str(len(self.views) - shown)))
        self._update_button()

    def current_view(self) -> CommentView | None:
        row = self.list.currentRow()
        return self.views[row] if 0 <= row < len(self.views) else None

    def _update_button(self) -> None:
        v = self.current_view()
        self.hide_button.setEnabled(v is not None)
        self.hide_button.setText(self.tr("Show in summary") if v is not None and v.hidden
                                 else self.tr("Hide from summary"))

    def toggle_current(self) -> None:
        v = self.current_view()
        if v is None:
            return
        rid, hide, reason, ex = v.rating_id, not v.hidden, self.reason.text(), self._services.exhibition
        self.hide_button.setEnabled(False)
        self._tasks.run(lambda: ex.set_comment_hidden(rid, hide, reason), self._done, self._failed)

    def _done(self, _view: CommentView) -> None:
        self.error.hide()
        self.reason.clear()
        self.reload()
        self.sig_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._update_button()
        show_field_error(self.error, exc, self._lang, self)
