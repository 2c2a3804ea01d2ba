"""The session list page: filters, the lazily loaded table sorted by a click on a header, and an
empty state. The search box matches every word anywhere in a session (title, venue, province,
district, facilitators, what was said): "ขยะพลาสติก ลำปาง" finds the plastic-waste sessions in Lampang.

At start the page shows the first screenful read before the services exist (see
``ui/shell/startup.py``) in Qt's own item model (:mod:`~sala.ui.sessions.first_screen`): nothing on
that path touches the ``Qt`` namespace or a Python model, so the list paints sooner. A sort or a
filter asked for meanwhile waits for :meth:`SessionListPage.attach`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sala.services.session_rows import SessionFilter
from sala.ui.sessions import cells
from sala.ui.sessions.filters import SessionFilterBar

if TYPE_CHECKING:
    from sala.services.first_page import FirstPage
    from sala.services.sessions import SessionService
    from sala.ui.common.widgets import EmptyState
    from sala.ui.sessions.first_screen import FirstScreenModel
    from sala.ui.sessions.list_model import SessionListModel


TITLE_MIN_CHARS = 18
"""The title column never gets narrower than about this many characters (nor than its heading)."""


class SessionListPage(QWidget):
    """Filters, the lazily loaded table, and an invitation when there is nothing yet."""

    sig_open_session = Signal(str)
    """The user asked to open the session with this id."""
    sig_new_session = Signal()
    """The user asked to set up a new session."""

    model: SessionListModel | FirstScreenModel
    empty: EmptyState
    no_match: QLabel

    def __init__(self, sessions: SessionService | FirstPage, lang: str, parent: QWidget | None = None) -> None:
        """``sessions`` may be the first screenful read at start (see ``ui/shell/startup.py``) until
        :meth:`attach` hands over the service."""
        super().__init__(parent)
        self._lang = lang
        self.attached = False
        """Whether the list is over the service (not the first screenful read at start)."""
        self._pending: SessionFilter | None = None  # a filter chosen before the services exist
        topics = [(t.id, t.label(lang)) for t in sessions.topics()]
        self.filters = SessionFilterBar(topics, lang)
        self.table = QTableView()
        self.table.setObjectName("sessionTable")
        # The viewport made here, not by Qt: PySide6 then knows its type when asked for it, instead of
        # trying every widget class it has (~4 ms of enum classes, at the first call of viewport()).
        self.table.setViewport(QWidget())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.table.horizontalHeader()
        # Qt's header starts on the first column (date), newest first: the order the list is read in.
        # A click on a header sorts the whole list (the service sorts; see SessionListModel.sort);
        # before the services exist it only turns the header's arrow, and attach() sorts.
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        self.table.activated.connect(lambda ix: self.sig_open_session.emit(self.model.session_id(ix.row())))

        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self.filters.sig_changed.connect(self.apply_filter)
        self._first: FirstPage | None = None
        self._title_fitted = False
        if getattr(sessions, "provisional", False):
            from sala.ui.sessions.first_screen import FirstScreenModel

            self._first = sessions  # type: ignore[assignment]
            self.model = FirstScreenModel(sessions, lang, self)  # type: ignore[arg-type]
            self.table.setModel(self.model)
            # Its rows do not change: each column is measured once, not again at each layout as
            # ResizeToContents does (twice before the first paint), until attach() switches it on.
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setSectionResizeMode(cells.COLUMNS.index("title"), QHeaderView.ResizeMode.Stretch)
            for column, name in enumerate(cells.COLUMNS):
                if name != "title":
                    self.table.resizeColumnToContents(column)
        else:
            self._show_service(sessions)  # type: ignore[arg-type]

    def attach(self, sessions: SessionService) -> None:
        """The service, in place of the first screenful this page was built with: the rows shown
        stay, with the selection and the scroll; a sort or a filter chosen meanwhile applies now."""
        if not self.attached:
            self._show_service(sessions)

    def _show_service(self, sessions: SessionService) -> None:
        from PySide6.QtCore import Qt

        from sala.ui.common.widgets import EmptyState
        from sala.ui.sessions.list_model import SessionListModel

        header = self.table.horizontalHeader()
        sort = (cells.SORTS[cells.COLUMNS[header.sortIndicatorSection()]],
                header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        flt = self._pending if self._pending is not None else SessionFilter()
        shown = getattr(self, "model", None)  # the first screenful's, if any
        first, self._first, self._pending = self._first, None, None
        if first is not None and first.answers(flt, *sort):  # what is shown stays, selection and scroll too
            current, scrolled = self.table.currentIndex(), self.table.verticalScrollBar().value()
            self.model = SessionListModel(sessions, self._lang, self, shown=(first.rows, first.total))
            self.table.setModel(self.model)
            if current.isValid():
                self.table.setCurrentIndex(self.model.index(current.row(), current.column()))
            self.table.verticalScrollBar().setValue(scrolled)
        else:
            self.model = SessionListModel(sessions, self._lang, self, flt=flt, sort=sort)
            self.table.setModel(self.model)
        if shown is not None:
            shown.deleteLater()
        self.attached = True
        self.table.setSortingEnabled(True)  # the model is in the header's order already: nothing reloads
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a new model: set again
        # The title takes the rest of the width, as a stretching column would, but never less than
        # its floor: long venues and a language with longer headings crushed it to its cut heading.
        header.setSectionResizeMode(cells.COLUMNS.index("title"), QHeaderView.ResizeMode.Interactive)
        if not self._title_fitted:
            self._title_fitted = True
            header.sectionResized.connect(self._other_resized)
            self.table.viewport().installEventFilter(self)
        self._fit_title()

        self.empty = EmptyState(
            self.tr("No sessions yet"),
            self.tr("Set up your first minitalk, focus group or exhibition. It takes under a minute, "
                    "and everything is saved on this laptop as you type, with or without a connection."),
            self.tr("Create the first session"),
        )
        self.empty.sig_action.connect(self.sig_new_session)
        self.no_match = QLabel(self.tr("No session matches these filters."))
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for w in (self.empty, self.no_match):
            self.stack.addWidget(w)
        self.model.modelReset.connect(self._update_stack)
        self._update_stack()

    def title_floor(self) -> int:
        """The title column's least width: its heading whole, and room for a few words."""
        header = self.table.horizontalHeader()
        heading = header.sectionSizeFromContents(cells.COLUMNS.index("title")).width()
        return max(heading, self.fontMetrics().averageCharWidth() * TITLE_MIN_CHARS)

    def _fit_title(self) -> None:
        header = self.table.horizontalHeader()
        title = cells.COLUMNS.index("title")
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != title)
        width = max(self.title_floor(), self.table.viewport().width() - others)
        if header.sectionSize(title) != width:
            header.resizeSection(title, width)

    def _other_resized(self, column: int, _old: int, _new: int) -> None:
        if column != cells.COLUMNS.index("title"):
            self._fit_title()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._fit_title()
        return False

    def apply_filter(self, flt: SessionFilter) -> None:
        if self.attached:
            self.model.set_filter(flt)  # type: ignore[union-attr]
        else:
            self._pending = flt

    def refresh(self) -> None:
        if self.attached:
            self.model.reload()  # type: ignore[union-attr]

    def _update_stack(self) -> None:
        if self.model.total() > 0:
            self.stack.setCurrentWidget(self.table)
        elif self.filters.current() == type(self.filters.current())():
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.no_match)
