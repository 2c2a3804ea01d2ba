"""An exhibition on the field day in the real window on xcb at 1366x768: proposals typed on the
staff page, kiosk mode for visitors (by touch), the PIN to leave, the live tally; then the
lifecycle every kind has (head count, start, close, finalize), the printed summary read back and
the sync to a real ``sala-central``."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from sala.domain.clock import BANGKOK
from sala.domain.inputs import SessionInput, VenueInput
from tests.fieldday import flows
from tests.fieldday.helpers import (
    WAIT_MS,
    assert_all_visible_inside_screen,
    printed_run,
    words_split_across_lines,
)
from tests.reports_helpers import squash

PROPOSALS = [
    "ตั้งจุดคัดแยกขยะพลาสติกในตลาดสดเทศบาลทุกแห่งพร้อมเจ้าหน้าที่ให้คำแนะนำแม่ค้าและผู้ซื้อทุกวันตลอดปีงบประมาณ",
    "รับซื้อขวดพลาสติกคืนจากโรงเรียนและชุมชนในราคาที่เป็นธรรมโดยนำรายได้เข้ากองทุนสวัสดิการชุมชนของหมู่บ้าน",
    "ลดถุงพลาสติก",
]
VISITS = [(5, [0, 1], "อยากให้ทำทุกอำเภอ"), (3, [2], ""), (4, [0], "")]


def _exhibition(qtbot, sala_app, proposals: list[str]):
    """An exhibition set up through the services (the dialog is covered by the full flow), opened
    in the window: its staff page."""
    svc, window = sala_app.services, sala_app.window
    start = datetime.now(BANGKOK).replace(hour=9, minute=0, second=0, microsecond=0)
    detail = svc.sessions.create(SessionInput(
        title="นิทรรศการ ขยะพลาสติก ลำปาง", kind="exhibition",
        venue=VenueInput("ศูนย์การค้าเซ็นทรัลลำปาง", "other", "ลำปาง", "เมืองลำปาง"),
        facilitators="อรทัย ใจงาม", planned_start=start, planned_end=start + timedelta(hours=8)))
    for title in proposals:
        svc.exhibition.add_proposal(detail.id, title)
    svc.sessions.set_status(detail.id, "open")
    window.open_session(detail.id)
    qtbot.waitUntil(lambda: flows.page(window) is not None and flows.page(window).isVisible(), timeout=WAIT_MS)
    return flows.page(window)


SHORT = ["ถังแยกขยะ", "ขวดแลกไข่", "ลดถุงพลาสติก"]


@pytest.mark.parametrize("proposals", [
    pytest.param(SHORT, id="short-proposals"),
    pytest.param(PROPOSALS, id="long-proposals"),
])
def test_kiosk_at_1366x768(sala_app, qtbot, shots, proposals):
    """Kiosk mode on the field laptop's screen: every face, proposal, the comment, the age buttons,
    Send and the staff exit stay on the screen for each visitor; the PIN leaves; visitors are counted."""
    page = _exhibition(qtbot, sala_app, proposals)
    flows.kiosk_visits(qtbot, page, shots, VISITS)
    tally = sala_app.services.exhibition.tally(page._session_id)
    assert tally.visitors == len(VISITS)
    assert "3" in page.tally.summary.text(), page.tally.summary.text()
    shots.take("staff-tally")
    assert_all_visible_inside_screen(sala_app.window)


def test_exhibition_field_day(sala_app, central, qtbot, shots, tmp_path):
    window = sala_app.window
    sid = flows.create_session(qtbot, window, shots, kind_index=2,
                               venue="ศูนย์การค้าเซ็นทรัลลำปาง", province="ลำปาง", district="เมืองลำปาง",
                               topic_index=10, facilitators="อรทัย ใจงาม")
    page = flows.page(window)
    shots.take("opened")
    assert_all_visible_inside_screen(window)
    flows.add_proposals(qtbot, page, PROPOSALS)
    started = flows.local_now()
    flows.move(qtbot, window, shots, "openButton", "open")
    flows.kiosk_visits(qtbot, page, shots, VISITS)
    assert sala_app.services.exhibition.tally(sid).visitors == len(VISITS)
    flows.record_head_count(qtbot, window, shots, 120)
    flows.move(qtbot, window, shots, "closeButton", "closed")
    closed = flows.local_now()
    flows.finalize(qtbot, window, shots)
    # finalized: no proposal can be added, the kiosk cannot start (staff see why)
    for w in (page.new_proposal, page.start_button):
        assert not (w.isVisible() and w.isEnabled() and not getattr(w, "isReadOnly", lambda: False)()), \
            f"{w.objectName()} still usable on a finalized exhibition"
    assert sala_app.services.exhibition.tally(sid).visitors == len(VISITS)

    pdf = flows.print_summary(qtbot, window, shots)
    assert flows.be_year(started) in pdf.name, pdf.name
    text = flows.pdf(pdf)
    (tmp_path / "summary.txt").write_text(text, encoding="utf-8")
    flows.check_pdf_times(text, sala_app.services.sessions.get(sid), started, closed, ("09:00", "17:00"))
    assert flows.be_year(started) in text
    assert squash("การจัดการขยะและสิ่งแวดล้อม") in squash(text), "the topic is printed"
    for said in [page.header.detail.title, *PROPOSALS, VISITS[0][2]]:
        run = printed_run(text, said)
        assert words_split_across_lines("\n".join(run)) == [], run
    head = [ln for ln in text.splitlines() if "ผู้เข้าร่วม" in ln or "ผู้เยี่ยมชม" in ln]
    assert any(re.search(r"(ผู้เข้าร่วม|ผู้เยี่ยมชม)\s*120\s*คน", ln) for ln in head), \
        f"the head count (120) is printed: {head}"
    assert any(re.search(rf"ให้คะแนน\s*{len(VISITS)}\s*คน", ln) for ln in head), f"apart from who rated: {head}"
    rated = squash(text).count(squash("ผู้เยี่ยมชมที่ให้คะแนน"))
    assert rated == 1, f"'ผู้เยี่ยมชมที่ให้คะแนน' is printed once, not {rated} times: {head}"

    flows.enroll(qtbot, window, shots, central.url, central.code)
    report = flows.sync_now(qtbot, window, shots)
    assert str(getattr(report, "outcome", "")) not in ("reenroll", "failed"), report
    on_server = flows.landed(central)
    sessions = {rid: b for (rid, typ), b in on_server.items() if typ == "session"}
    assert sid in sessions and sessions[sid]["attendance_total"] == 120
    ratings = [b for (_, typ), b in on_server.items() if typ == "rating" and b.get("session_id") == sid]
    assert len(ratings) == len(VISITS), "every visitor landed on the server"


def test_staff_tally_shows_long_proposal_titles_whole(sala_app, qtbot, shots):
    from PySide6.QtWidgets import QLabel

    page = _exhibition(qtbot, sala_app, PROPOSALS)
    qtbot.waitUntil(lambda: any(lb.text() == PROPOSALS[0] for lb in page.tally.findChildren(QLabel)), timeout=WAIT_MS)
    shots.take("staff-tally")
    cut = [f"{lb.text()[:30]}…: needs {lb.heightForWidth(lb.width())} px, has {lb.height()}"
           for lb in page.tally.findChildren(QLabel)
           if lb.isVisible() and lb.wordWrap() and lb.text() and lb.heightForWidth(lb.width()) > lb.height()]
    assert cut == [], cut
