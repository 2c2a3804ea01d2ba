"""The printed summary reads corrections: an amended observation prints as corrected."""

from __future__ import annotations

from sala.domain.inputs import SessionInput
from sala.reports.session_data import load_session_data


def test_an_amended_observation_prints_its_corrected_text(services):
    sid = services.sessions.create(SessionInput(title="สนทนากลุ่มเรื่องขยะ", kind="focus_group", province="LPG")).id
    services.sessions.open(sid)
    kept = services.observations.add(sid, "ผู้เข้าร่วมส่วนใหญ่เห็นด้วยกับการแยกขยะ")
    wrong = services.observations.add(sid, "ผู้สูงอายุไม่ค่อยพูด")
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    services.amendments.amend("observation", wrong.id, {"text": "ผู้สูงอายุพูดมากที่สุดเมื่อถึงเรื่องค่าเก็บขยะ"},
                              "ผู้บันทึกจดสลับกับกลุ่มอื่น")
    texts = [text for _, text in load_session_data(services.db, sid).observations]
    assert texts == [kept.text, "ผู้สูงอายุพูดมากที่สุดเมื่อถึงเรื่องค่าเก็บขยะ"]
