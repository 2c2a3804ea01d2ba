"""One way to number changes: the capture fast path (a Core insert) and the ORM flush hook
hand out the same device's change seqs from the same counter, with no gap and no repeat."""

from __future__ import annotations

from sqlalchemy import select

from sala.domain.inputs import ContributionInput, SessionInput, VenueInput
from sala.services.tallies import TallyInput
from sala.storage.models import Contribution, Device, Tally


def test_fast_path_and_flush_hook_share_one_counter(services) -> None:
    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(
        title="เวทีฝุ่น PM2.5", kind="minitalk", province="ลำปาง", topic_ids=[topics[0].id],
        venue=VenueInput("โรงเรียนบ้านนา", "school", "ลำปาง", "เมืองลำปาง"))).id
    first = services.contributions.add(sid, ContributionInput("opinion", "อยากให้แจ้งเตือนค่าฝุ่น"))
    services.tallies.add(sid, TallyInput("เห็นด้วยกับการเผาในที่โล่งหรือไม่", 3, 20, 1))
    second = services.contributions.add(sid, ContributionInput("idea", "แจกหน้ากากให้เด็ก"))
    with services.db.read() as s:
        c1, c2 = (s.get(Contribution, v.id) for v in (first, second))
        tally = s.scalars(select(Tally).where(Tally.session_id == sid)).one()
        device = s.get(Device, services.db.device_id)
        assert c1.seq + 1 == tally.seq and tally.seq + 1 == c2.seq
        assert device.last_change_seq == c2.seq
        assert c1.device_id == tally.device_id == c2.device_id == services.db.device_id
        assert c1.created_at == c1.updated_at and c1.recorded_at == c1.created_at


def test_demo_data_takes_its_seqs_from_the_same_counter(services) -> None:
    """Demo rows (a Core bulk insert) are numbered from the device's counter too: after an
    ordinary change, no seq repeats, none is skipped, and the counter ends at the highest."""
    from sala.services.demo import generate
    from sala.storage.models import SYNCED_MODELS

    topics = services.catalog.topics()
    sid = services.sessions.create(SessionInput(title="ก่อนข้อมูลตัวอย่าง", kind="minitalk", province="ลำปาง",
                                                topic_ids=[topics[0].id])).id
    before = services.contributions.add(sid, ContributionInput("opinion", "ความเห็นก่อน"))
    generate(services.db, 3, seed=7)
    after = services.contributions.add(sid, ContributionInput("opinion", "ความเห็นหลัง"))
    with services.db.read() as s:
        seqs: list[int] = []
        for model in SYNCED_MODELS:
            seqs += s.scalars(select(model.seq).where(model.device_id == services.db.device_id)).all()
        first = s.get(Contribution, before.id).seq
        last = s.get(Contribution, after.id).seq
        assert s.get(Device, services.db.device_id).last_change_seq == last == max(seqs)
    assert len(seqs) == len(set(seqs)), "a change seq was handed out twice"
    assert sorted(seqs) == list(range(min(seqs), max(seqs) + 1)), "a change seq was skipped"
    assert first < last and len(seqs) > 20
