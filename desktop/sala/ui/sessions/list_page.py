"""The session list page: filters, the lazily loaded table sorted by a click on a header, and an
empty state. The search box matches every word anywhere in a session (title, venue, province,
district, facilitators, what was said): "ขยะพลาสติก ลำปาง" finds the plastic-waste sessions in Lampang."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sala.ui.common.widgets import EmptyState
from sala.ui.sessions.filters import SessionFilterBar
from sala.ui.sessions.list_model import SessionListModel

if TYPE_CHECKING:
    from sala.services.first_page import FirstPage
    from sala.services.sessions import SessionService


class SessionListPage(QWidget):
    """Filters, the lazily loaded table, and an invitation when there is nothing yet."""

    sig_open_session = Signal(str)
    """The user asked to open the session with this id."""
    sig_new_session = Signal()
    """The user asked to set up a new session."""

    def __init__(self, sessions: SessionService | FirstPage, lang: str, parent: QWidget | None = None) -> None:
        """``sessions`` may be the first screenful read at start (see ``ui/shell/startup.py``) until
        :meth:`attach` hands over the service."""
        super().__init__(parent)
        topics = [(t.id, t.label(lang)) for t in sessions.topics()]
        self.filters = SessionFilterBar(topics, lang)
        self.model = SessionListModel(sessions, lang, self)
        self.table = QTableView()
        self.table.setObjectName("sessionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
        # A click on a header sorts the whole list (the service sorts; see SessionListModel.sort).
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(lambda ix: self.sig_open_session.emit(self.model.session_id(ix.row())))

        self.empty = EmptyState(
            self.tr("No sessions yet"),
            self.tr("Set up your first minitalk, focus group or exhibition. It takes under a minute, "
                    "and everything is saved on this laptop as you type, with or without a connection."),
            self.tr("Create the first session"),
        )
        self.empty.sig_action.connect(self.sig_new_session)
        self.no_match = QLabel(self.tr("No session matches these filters."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.stack = QStackedWidget()
        for w in (self.table, self.empty, self.no_match):
            self.stack.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self.filters.sig_changed.connect(self.apply_filter)
        self.model.modelReset.connect(self._update_stack)
        self.model.reload()

    def attach(self, sessions: SessionService) -> None:
        """The service, in place of the first screenful this page was built with."""
        self.model.attach(sessions)

    def apply_filter(self, flt) -> None:
        self.model.set_filter(flt)

    def refresh(self) -> None:
        self.model.reload()

    def _update_stack(self) -> None:
        if self.model.total() > 0:
            self.stack.setCurrentWidget(self.table)
        elif self.filters.current() == type(self.filters.current())():
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.no_match)
