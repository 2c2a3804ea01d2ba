"""Question guides: templates, ordered questions, and session copies that keep their history."""

from __future__ import annotations

import pytest

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.inputs import ContributionInput, SessionInput


def _session(services, kind=e.SessionKind.FOCUS_GROUP) -> str:
    return services.sessions.create(SessionInput("ฝุ่น PM2.5 ลำปาง", kind, province="LPG")).id


def test_template_questions_keep_order_through_add_move_delete(services) -> None:
    guides = services.guides
    t = guides.create_template("แนวคำถาม PM2.5", ["ปัญหาคืออะไร", "ใครได้รับผลกระทบ"])
    q3 = guides.add_question(t.id, "ควรแก้อย่างไร")
    guides.add_question(t.id, "คำถามเปิด", position=0)
    texts = [q.text for q in guides.get(t.id).questions]
    assert texts == ["คำถามเปิด", "ปัญหาคืออะไร", "ใครได้รับผลกระทบ", "ควรแก้อย่างไร"]
    guides.move_question(q3.id, -2)
    assert [q.text for q in guides.get(t.id).questions][1] == "ควรแก้อย่างไร"
    g = guides.delete_question(guides.get(t.id).questions[0].id)
    assert [q.position for q in g.questions] == [0, 1, 2]
    assert g.questions[0].text == "ควรแก้อย่างไร"
    guides.edit_question(g.questions[0].id, "ควรแก้ปัญหาอย่างไร")
    assert guides.rename(t.id, "PM2.5 v2").title == "PM2.5 v2"
    assert [x.title for x in guides.templates()] == ["PM2.5 v2"]


def test_applied_template_is_a_copy_that_later_template_edits_do_not_touch(services) -> None:
    guides = services.guides
    t = guides.create_template("BCG", ["ข้อดี", "ข้อเสีย"])
    sid = _session(services)
    g = guides.apply_template(sid, t.id)
    assert not g.is_template and g.session_id == sid
    guides.edit_question(t.questions[0].id, "ข้อดี (แก้ไขแล้ว)")
    guides.add_question(t.id, "คำถามใหม่")
    assert [q.text for q in guides.session_guide(sid).questions] == ["ข้อดี", "ข้อเสีย"]
    assert all(q.id not in {x.id for x in t.questions} for q in g.questions)
    assert guides.session_guide(_session(services)) is None


def test_session_guide_saved_as_new_template(services) -> None:
    guides = services.guides
    sid = _session(services)
    g = guides.ensure_session_guide(sid)
    guides.add_question(g.id, "ท่านรู้จักโครงการนี้หรือไม่")
    new = guides.save_as_template(g.id, "แม่แบบจากเวที")
    assert new.is_template and [q.text for q in new.questions] == ["ท่านรู้จักโครงการนี้หรือไม่"]
    assert guides.ensure_session_guide(sid).id == g.id


def test_answers_and_observations_tied_to_questions(services) -> None:
    sid = _session(services)
    g = services.guides.ensure_session_guide(sid)
    q = services.guides.add_question(g.id, "ปัญหาคืออะไร")
    a = services.contributions.add(sid, ContributionInput(e.ContributionType.OPINION, "ควันจากการเผา",
                                                          participant_code="p01", question_id=q.id))
    assert a.participant_code == "P01" and a.question_id == q.id
    services.observations.add(sid, "ผู้สูงอายุเงียบ", q.id)
    services.observations.add(sid, "บรรยากาศดี")
    assert [o.text for o in services.observations.list(sid, q.id)] == ["ผู้สูงอายุเงียบ"]
    assert len(services.observations.list(sid)) == 2
    services.guides.delete_question(q.id)  # the answer keeps its text, loses the link
    assert services.contributions.get(a.id).question_id is None


def test_finalized_session_guide_is_read_only_and_empty_question_refused(services) -> None:
    sid = _session(services)
    g = services.guides.ensure_session_guide(sid)
    with pytest.raises(ValidationError) as err:
        services.guides.add_question(g.id, "   ")
    assert err.value.th and err.value.en
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    with pytest.raises(ImmutableError):
        services.guides.add_question(g.id, "สาย")
    with pytest.raises(ImmutableError):
        services.observations.add(sid, "สาย")
