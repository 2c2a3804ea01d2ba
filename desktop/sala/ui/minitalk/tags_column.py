"""The minitalk table's tags column: every tag's words whole.

Tags are the agenda's topics or words the facilitator typed (up to 60 characters each). The
view wraps a cell's text at word boundaries, so a Thai tag wider than the column ("งบประมาณ",
"ผู้สูงอายุ" in a column sized for "ฝุ่นควัน") was cut off mid-word: no boundary to wrap at. The
column is now as wide as the session's widest tag, within bounds: never narrower than its heading
and a short tag, never wider than about twelve Thai letters, so "What was said" keeps its room. A
longer tag wraps at its own word boundaries (Qt breaks Thai between words), and the cell's
tooltip lists the tags whole.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from sala.ui.minitalk import column_fit
from sala.ui.minitalk.contribution_model import ContributionModel

SHORTEST = ("ฝุ่นควัน", "PM2.5")
"""The column is at least as wide as these (a typical topic word), like the other short columns."""


def widest_px(fm: QFontMetrics) -> int:
    """The column's widest: about twelve Thai letters (a long Thai word, a short phrase)."""
    return fm.horizontalAdvance("ก" * 12) + column_fit.CELL_MARGIN


def fit(table: QTableView, model: ContributionModel) -> None:
    """Set the tags column as wide as the session's widest tag, within bounds."""
    tags = {t for r in range(model.rowCount()) for t in model.view_at(r).tags}
    column_fit.fit(table, model.COL_TAGS, [*SHORTEST, *tags], widest_px(table.fontMetrics()))
