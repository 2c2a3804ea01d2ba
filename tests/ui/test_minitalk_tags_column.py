"""Thai tags read whole in the minitalk's tags column at 1366x768 (seen in the session-7 walk: a
column sized for "ฝุ่นควัน" cut "งบประมาณ" and "ผู้สูงอายุ" mid-word, as a Thai word has no place
to wrap). The column grows to the session's widest tag within a bound; every word of every tag
fits; a long tag wraps at its word boundaries; the tooltip lists the tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from sala.domain import enums as e
from sala.domain.inputs import ContributionInput, SessionInput
from sala.ui.minitalk.contribution_model import ContributionModel
from sala.ui.minitalk.tags_column import widest_px

TAGS = [["เร่งด่วน"], ["งบประมาณ", "เยาวชน"], ["ผู้สูงอายุ"], ["การพัฒนาเศรษฐกิจชุมชนอย่างยั่งยืน"], []]
WORDS = ["เร่งด่วน", "งบประมาณ", "เยาวชน", "ผู้สูงอายุ", "การพัฒนา", "เศรษฐกิจ", "ชุมชน", "อย่างยั่งยืน"]


def test_every_tag_word_fits_its_column(services, open_minitalk, qtbot, tmp_path):
    sid = services.sessions.create(SessionInput("เวทีฝุ่น PM2.5 ลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    for tags in TAGS:
        services.contributions.add(sid, ContributionInput(e.ContributionType.CONCERN, "ค่าฝุ่นสูงทุกเช้า", None,
                                                          tags, "P01"))
    page = open_minitalk(sid)
    page.resize(1366, 768)
    table, model = page.table, page.model
    qtbot.waitUntil(lambda: model.rowCount() == len(TAGS))
    col = ContributionModel.COL_TAGS
    fm = table.fontMetrics()
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    room = table.columnWidth(col) - 2 * margin
    assert [w for w in WORDS if fm.horizontalAdvance(w) > room] == [], (room, table.columnWidth(col))
    assert table.columnWidth(col) <= widest_px(fm)
    assert table.columnWidth(ContributionModel.COL_TEXT) > 3 * table.columnWidth(col)
    tips = {model.data(model.index(r, col), Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())}
    assert tips == {"เร่งด่วน", "งบประมาณ, เยาวชน", "ผู้สูงอายุ", "การพัฒนาเศรษฐกิจชุมชนอย่างยั่งยืน", None}
    page._fit_rows()
    assert table.grab().save(str(tmp_path / "minitalk_tags.png"))
