"""The central catalogue pulled into a laptop by its sync runs, against a real ``sala-central``
(SQLite and PostgreSQL): new topics, venues and question guides appear where people pick them
(the new-session dialog, the guide templates); local items and local edits are never
overwritten; pulling again changes nothing; deletions retire what the laptop had pulled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sala.domain import enums as e
from sala.sync import catalog_pull
from sala.sync.messages import Outcome
from tests.integration.sync_helpers import FAST, enroll, laptop

EXTRA = {"topics": [{"id": "haze-north", "th": "หมอกควันข้ามแดนภาคเหนือ",
                     "en": "Transboundary haze in the north"}]}


def _import(server, doc: dict) -> None:
    from sala.central import catalog, db
    engine = db.make_engine(server.db_url)
    try:
        catalog.import_catalog(engine, doc)
    finally:
        engine.dispose()


@pytest.fixture
def svc(tmp_path: Path):
    s = laptop(tmp_path)
    yield s
    s.close()


def test_catalog_pulled_on_sync_never_overwrites_local(central, svc) -> None:
    central.cli("catalog-import", "--seed")
    _import(central, EXTRA)
    # a venue the staff typed in themselves, with the same name as a catalogue one
    mine = svc.catalog.add_venue("ห้องสมุดประชาชนจังหวัดชลบุรี", e.VenueKind.LIBRARY, "CBI", "เมือง")
    enroll(svc, central)
    report = svc.sync.sync(policy=FAST)
    assert report.outcome is Outcome.OK, report.detail
    c = report.catalog
    assert c["pulled"] == 10
    # pm25/climate/bcg are local defaults already and "pb" has a default's Thai name; the
    # Chonburi library is the staff's own: all kept as they are, nothing duplicated
    assert c["added"] == 5 and c["kept_local"] == 5

    topics = {t.code: t for t in svc.sessions.topics()}
    assert topics["haze-north"].name_th == "หมอกควันข้ามแดนภาคเหนือ"
    assert topics["pm25"].name_th == "ปัญหาฝุ่นละออง PM2.5 และหมอกควัน"      # the local default
    assert "pb" not in topics and "budget" in topics
    venues = {v.name: v for v in svc.sessions.venues()}
    lampang = venues["ศูนย์บริการประชาชน (G-Service) จังหวัดลำปาง"]
    assert (lampang.kind, lampang.province_code) == (e.VenueKind.G_SERVICE, "LPG")
    assert [v.id for v in svc.sessions.venues() if v.name == mine.name] == [mine.id]
    guides = {g.title: g for g in svc.guides.templates()}
    pm25 = guides["แนวคำถามสนทนากลุ่ม: ฝุ่น PM2.5"]
    assert [q.text for q in pm25.questions][0].startswith("ช่วงที่มีฝุ่นหนัก")
    assert len(pm25.questions) == 3

    # staff rename the pulled Lampang venue; the catalogue then changes it and other items
    with svc.db.write() as s:
        from sala.storage.models import Venue
        s.get(Venue, lampang.id).name = "G-Service ลำปาง (ชั้น 1)"
    _import(central, {
        "venues": [{"id": "gsv-lampang", "th": "ศูนย์ราชการสะดวก ลำปาง", "province": "ลำปาง",
                    "kind": "g_service"}],
        "topics": [{"id": "haze-north", "th": "หมอกควันข้ามพรมแดน (ภาคเหนือ)", "en": "Haze"}],
        "guides": [{"id": "pb-fg", "deleted": True}]})
    second = svc.sync.sync(policy=FAST)
    assert second.catalog == {"pulled": 3, "added": 0, "updated": 1, "removed": 1,
                              "unchanged": 0, "kept_local": 1, "skipped": 0}
    names = {v.name for v in svc.sessions.venues()}
    assert "G-Service ลำปาง (ชั้น 1)" in names and "ศูนย์ราชการสะดวก ลำปาง" not in names
    assert {t.code: t.name_th for t in svc.sessions.topics()}["haze-north"] == \
        "หมอกควันข้ามพรมแดน (ภาคเหนือ)"
    assert "แนวคำถาม: งบประมาณแบบมีส่วนร่วม" not in {g.title for g in svc.guides.templates()}

    # the cursor is lost (say, a restored backup): pulling everything again changes nothing
    before = (len(svc.catalog.topics()), len(svc.sessions.venues()), len(svc.guides.templates()))
    with svc.db.write() as s:
        catalog_pull.CURSOR.put(s, None)
    again = svc.sync.sync(policy=FAST)
    assert again.catalog["pulled"] == 10 and again.catalog["added"] == 0
    assert again.catalog["updated"] == 0
    assert (len(svc.catalog.topics()), len(svc.sessions.venues()),
            len(svc.guides.templates())) == before
    assert svc.sync.sync(policy=FAST).catalog["pulled"] == 0     # nothing new since the cursor


def test_sync_json_reports_catalog_pulled(central_sqlite, tmp_path: Path, capsys) -> None:
    from sala.cli import main
    central_sqlite.cli("catalog-import", "--seed")
    svc = laptop(tmp_path, "cli")
    enroll(svc, central_sqlite)
    db = svc.db.path
    svc.close()
    assert main(["--db", str(db), "sync", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["catalog_pulled"] == 9 and out["catalog_added"] == 5


def test_new_session_dialog_offers_pulled_topics_and_venues(central_sqlite, svc, qtbot, tasks,
                                                            thai_ui) -> None:
    from sala.ui.sessions.new_dialog import NewSessionDialog
    central_sqlite.cli("catalog-import", "--seed")
    _import(central_sqlite, EXTRA)
    enroll(svc, central_sqlite)
    assert svc.sync.sync(policy=FAST).catalog["added"] == 6
    dlg = NewSessionDialog(svc, tasks, "th", e.SessionKind.FOCUS_GROUP)
    qtbot.addWidget(dlg)
    topics = [dlg.topics.item(i).text() for i in range(dlg.topics.count())]
    assert "หมอกควันข้ามแดนภาคเหนือ" in topics
    venues = [dlg.venue.itemText(i) for i in range(dlg.venue.count())]
    assert any(v.startswith("ศาลาประชาคม อำเภอพระนครศรีอยุธยา") for v in venues)
    assert any(v.startswith("ศูนย์บริการประชาชน (G-Service) จังหวัดลำปาง") for v in venues)
    guides = [dlg.guide.itemText(i) for i in range(dlg.guide.count())]
    assert "แนวคำถามสนทนากลุ่ม: ฝุ่น PM2.5" in guides
    dlg.show()
    dlg.grab().save(str(Path(svc.paths.data_dir) / "new_session_catalog.png"))
