"""Participant codes up to 16 characters stay on one line in the minitalk's code column at 1366x768:
the column grows to the session's widest code (within a bound), a code wider than that is shortened
in the middle with its whole text in the tooltip, and no row grows taller for its code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.domain.validation import CODE_MAX
from sala.ui.minitalk.contribution_model import ContributionModel

CODES = ["P01", "LPG-2569-P0107", "ABCDEFGHJKMNPQRT", "WWWWWWWWWWWWWWWW", "ผู้ใหญ่บ้านหมู่๗"]


def test_long_codes_stay_on_one_line_and_read_whole_in_the_tooltip(services, open_minitalk, qtbot):
    assert all(len(c) <= CODE_MAX for c in CODES)
    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5 ลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    for code in CODES:
        services.contributions.add(sid, ContributionInput(e.ContributionType.OPINION, "ดี", None, [], code))
    page = open_minitalk(sid)
    page.resize(1366, 768)
    table, model = page.table, page.model
    qtbot.waitUntil(lambda: model.rowCount() == len(CODES))
    col = ContributionModel.COL_CODE
    fm = table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(col) - 2 * margin
    page._fit_rows()  # what the page does once rows arrive (a zero-time timer): fitted now, for sure
    heights = {model.view_at(r).participant_code: table.rowHeight(r) for r in range(model.rowCount())}
    assert max(heights.values()) < 2 * fm.lineSpacing(), heights  # one line each, as the row with "P01"
    whole = 0
    for r in range(model.rowCount()):
        code = model.view_at(r).participant_code
        index = model.index(r, col)
        assert model.data(index, Qt.ItemDataRole.ToolTipRole) == code
        if fm.horizontalAdvance(code) <= room:
            whole += 1
    assert whole >= 3, "the column grew for the usual long codes (digits and capitals)"
    assert table.columnWidth(ContributionModel.COL_TEXT) > 3 * table.columnWidth(col)


def test_a_long_code_is_painted_shortened_in_the_middle_not_wrapped(services, open_minitalk, qtbot):
    from PySide6.QtWidgets import QStyleOptionViewItem

    sid = services.sessions.create(SessionInput("เวที", e.SessionKind.MINITALK, province="LPG")).id
    services.contributions.add(sid, ContributionInput(e.ContributionType.OPINION, "ดี", None, [], CODES[3]))
    page = open_minitalk(sid)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    col = ContributionModel.COL_CODE
    delegate = page.table.itemDelegateForColumn(col)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, page.model.index(0, col))
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    hint = delegate.sizeHint(option, page.model.index(0, col))
    assert hint.height() < 2 * page.table.fontMetrics().lineSpacing()
