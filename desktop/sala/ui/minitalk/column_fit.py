"""The minitalk table's short columns, each as wide as the widest text it holds or its heading.

One rule for every short column (time, type, stance, state, participant code, tags), so "What was
said" gets the rest of the width: the widest of the column's texts plus the cell's margins, never
narrower than the heading, and at most a bound where a column's texts can be long.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

CELL_MARGIN = 12
"""Left and right of a cell's text (the item's margins and the grid line)."""
HEADING_MARGIN = 16
"""Left and right of a heading's text (the section's margins and its sort arrow's room)."""


def fit(table: QTableView, col: int, texts: Iterable[str], most_px: int | None = None) -> None:
    """Set column ``col`` as wide as the widest of ``texts`` (up to ``most_px``) or its heading."""
    label = str(table.model().headerData(col, Qt.Orientation.Horizontal) or "")
    heading = table.horizontalHeader().fontMetrics().horizontalAdvance(label) + HEADING_MARGIN
    fm = table.fontMetrics()
    need = max((fm.horizontalAdvance(t) for t in texts if t), default=0) + CELL_MARGIN
    width = max(heading, need if most_px is None else min(need, most_px))
    if table.columnWidth(col) != width:
        table.setColumnWidth(col, width)
