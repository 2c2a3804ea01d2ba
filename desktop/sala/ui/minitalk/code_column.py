"""The minitalk table's participant-code column: each code on one line.

A code is up to 16 characters (``CODE_MAX``): the staff's "P01", a phone's "P-7KQ4M", or a code an
office uses such as "LPG-2569-P0107". The column is as wide as the widest code in the session (at
least a phone's code), up to about sixteen digits' width; a code wider than that is shortened in
the middle ("LPG-25…0107"), never wrapped onto a second line, and its tooltip holds it whole.
Before, the view's word wrap broke such codes over two or three lines and made their rows taller.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from sala.audience import phone_codes
from sala.domain.validation import CODE_MAX
from sala.ui.minitalk import column_fit
from sala.ui.minitalk.contribution_model import ContributionModel


def widest_px(fm: QFontMetrics) -> int:
    """The column's widest: a code of ``CODE_MAX`` digits, the usual sort of long code."""
    return fm.horizontalAdvance("0" * CODE_MAX) + column_fit.CELL_MARGIN


def fit(table: QTableView, model: ContributionModel) -> None:
    """Set the code column as wide as the session's widest code (at least a phone's code and
    "P000"), up to :func:`widest_px`."""
    fm = table.fontMetrics()
    least = ("P000", phone_codes.widest(fm.horizontalAdvance))
    codes = {model.view_at(r).participant_code or "" for r in range(model.rowCount())}
    column_fit.fit(table, model.COL_CODE, [*least, *codes], widest_px(fm))


class CodeDelegate(QStyledItemDelegate):
    """Shows a code on one line, shortened in the middle when the column cannot hold it."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideMiddle
