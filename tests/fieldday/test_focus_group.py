"""A focus group on the field day, by keyboard, in the real window on xcb at 1366x768: create,
head count, the question guide, answers by participant code (Ctrl+1…9), an observation, close,
finalize, print the summary and read it back, sync to a real ``sala-central``."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from tests.fieldday import flows
from tests.fieldday.helpers import (
    WAIT_MS,
    assert_all_visible_inside_screen,
    press,
    printed_run,
    tab_to,
    type_text,
    words_split_across_lines,
)
from tests.reports_helpers import squash

CTRL = Qt.KeyboardModifier.ControlModifier
TOPIC = "สาธารณสุขและบริการสุขภาพ"
QUESTIONS = ["ท่านเดินทางไปรับบริการที่โรงพยาบาลส่งเสริมสุขภาพตำบลอย่างไร",
             "อยากให้หน่วยบริการปรับปรุงเรื่องใดเป็นอันดับแรก"]
ANSWERS = [  # (question, code key, text)
    (0, 1, "นั่งรถสองแถวของหมู่บ้านไปกลับวันละรอบ ค่าโดยสารแพงสำหรับผู้สูงอายุที่ไม่มีรายได้"),
    (0, 2, "ลูกหลานขับรถมาส่ง แต่ต้องลางานครึ่งวันทุกครั้งที่มีนัด"),
    (1, 1, "อยากให้มีหมอมาตรวจที่ศาลาประชาคมเดือนละครั้งและมีรถรับส่งผู้ป่วยติดเตียง"),
]
OBSERVATION = "ผู้หญิงสูงอายุสองคนไม่ค่อยพูดเมื่อผู้ใหญ่บ้านอยู่ในวง"


def test_focus_group_field_day(sala_app, central, qtbot, shots, tmp_path):
    window = sala_app.window
    sid = flows.create_session(qtbot, window, shots, kind_index=1,
                               venue="โรงเรียนบ้านหนองบัว", province="ขอนแก่น", district="เมืองขอนแก่น",
                               topic_index=6, facilitators="วิภา ศรีสุข")
    page = flows.page(window)
    shots.take("opened")
    assert_all_visible_inside_screen(window)
    flows.record_head_count(qtbot, window, shots, 8)
    started = flows.local_now()
    flows.move(qtbot, window, shots, "openButton", "open")

    # -- the question guide, typed in --------------------------------------------------------------
    tab_to(page.guide.new_question)
    for n, q in enumerate(QUESTIONS, start=1):
        type_text(q)
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda n=n: len(page.guide.questions()) == n and not page.guide.new_question.text(),
                        timeout=WAIT_MS)
    shots.take("guide")

    # -- answers by code: Ctrl+Up/Down moves through the questions, Ctrl+n picks P0n -----------------
    tab_to(page.answers.text)
    press(Qt.Key.Key_Up, CTRL)
    assert page.guide.current().text == QUESTIONS[0]
    at = 0
    for q, code, text in ANSWERS:
        if q != at:
            press(Qt.Key.Key_Down, CTRL)
            at = q
            assert page.guide.current().text == QUESTIONS[q]
        assert page.answers.text.hasFocus()
        press(getattr(Qt.Key, f"Key_{code}"), CTRL)
        type_text(text)
        press(Qt.Key.Key_Return)
    tab_to(page.answers.observation)
    type_text(OBSERVATION)
    press(Qt.Key.Key_Return)
    svc = sala_app.services

    def stored() -> dict[str, object]:
        return {c.text: c for c in svc.contributions.list(sid, 0, 100)}
    qtbot.waitUntil(lambda: len(stored()) == len(ANSWERS), timeout=WAIT_MS)
    shots.take("answered")
    assert_all_visible_inside_screen(window)
    saved = stored()
    qids = [q.id for q in page.guide.questions()]
    for q, code, text in ANSWERS:
        assert saved[text].participant_code == f"P{code:02d}", (text[:20], saved[text].participant_code)
        assert saved[text].question_id == qids[q]

    # (the participants tab's fit is checked in test_focus_group_details.py)

    flows.move(qtbot, window, shots, "closeButton", "closed")
    closed = flows.local_now()
    # (that a closed focus group takes no typing is checked in test_focus_group_details.py)
    flows.finalize(qtbot, window, shots)

    # -- the printed summary -------------------------------------------------------------------------
    pdf = flows.print_summary(qtbot, window, shots)
    assert flows.be_year(started) in pdf.name, pdf.name
    text = flows.pdf(pdf)
    (tmp_path / "summary.txt").write_text(text, encoding="utf-8")
    flows.check_pdf_times(text, sala_app.services.sessions.get(sid), started, closed, ("09:00", "10:30"))
    assert flows.be_year(started) in text
    assert squash(TOPIC) in squash(text), "the topic is printed"
    for said in [page.header.detail.title] + QUESTIONS + [a[2] for a in ANSWERS] + [OBSERVATION]:
        run = printed_run(text, said)
        assert words_split_across_lines("\n".join(run)) == [], run
    head = [ln for ln in text.splitlines() if "ผู้เข้าร่วม" in ln]
    assert any(re.search(r"ผู้เข้าร่วม\s*8\s*คน", ln) for ln in head), f"the head count (8 people) is printed: {head}"

    # -- sync ------------------------------------------------------------------------------------------
    flows.enroll(qtbot, window, shots, central.url, central.code)
    report = flows.sync_now(qtbot, window, shots)
    assert str(getattr(report, "outcome", "")) not in ("reenroll", "failed"), report
    on_server = flows.landed(central)
    sessions = {rid: b for (rid, typ), b in on_server.items() if typ == "session"}
    assert sid in sessions and sessions[sid]["attendance_total"] == 8
    texts = {b.get("text") for (_, typ), b in on_server.items()}
    assert {a[2] for a in ANSWERS} | {OBSERVATION} <= texts, sorted({typ for _, typ in on_server})
    assert_all_visible_inside_screen(window)
