"""The first screenful of the session list, shown at start before the services exist.

Its rows (:class:`~sala.services.first_page.FirstPage`) are put in Qt's own item model, so the
view lays out and paints them without calling into Python for each cell (a Python model answers
~25 calls a cell and makes the ``Qt`` namespace's ~90 enum classes on its first ``headerData``).
It only shows: the page hands the view to :class:`~sala.ui.sessions.list_model.SessionListModel`
once the services exist (see :meth:`SessionListPage.attach`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from sala.ui.sessions import cells
from sala.ui.sessions.status_colours import STATUS_COLOURS

if TYPE_CHECKING:
    from sala.services.first_page import FirstPage
    from sala.services.session_rows import SessionRow


class FirstScreenModel(QStandardItemModel):
    """The rows read at start, as the list's model shows them (same words, colours, alignment)."""

    def __init__(self, first: FirstPage, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(cells.COLUMNS), parent)
        self.rows: tuple[SessionRow, ...] = first.rows
        self._total = first.total
        for column, (name, title) in enumerate(zip(cells.COLUMNS, cells.titles(), strict=True)):
            head = QStandardItem(title)
            head.setData(cells.initial_order(name), cells.INITIAL_SORT_ORDER_ROLE)
            self.setHorizontalHeaderItem(column, head)
        status = cells.COLUMNS.index("status")
        attendance = cells.COLUMNS.index("attendance")
        numbers = [cells.COLUMNS.index(n) for n in cells.NUMBERS]
        colours = {s: (QColor(fg), QColor(bg)) for s, (fg, bg) in STATUS_COLOURS.items()}
        tip = cells.no_head_count()
        for row in first.rows:
            items = [QStandardItem(text) for text in cells.texts(row, lang)]
            for column in numbers:
                items[column].setData(cells.RIGHT_ALIGNED, cells.ALIGNMENT_ROLE)
            fg, bg = colours[row.status]
            items[status].setData(fg, cells.FOREGROUND_ROLE)
            items[status].setData(bg, cells.BACKGROUND_ROLE)
            if row.attendance_total is None:
                items[attendance].setData(tip, cells.TOOLTIP_ROLE)
            items[0].setData(row.id, cells.SESSION_ID_ROLE)
            self.appendRow(items)

    def session_id(self, row: int) -> str:
        return self.rows[row].id

    def total(self) -> int:
        """Sessions in the database (more than the rows shown here)."""
        return self._total
