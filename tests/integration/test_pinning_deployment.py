"""Issue 13's deployment file, end to end: ``sala-central deployment-file`` signs it, ``sala
setup FILE`` (or the file beside the app at start) checks it; a good one pins the platform and
seals contacts to it before the laptop ever meets a link; a changed byte, a missing signature
or a platform other than the pinned one is refused and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from sala.storage import settings
from sala.sync import deployment, identity, outbox
from sala.sync.messages import Outcome
from tests.integration.servers import CentralServer
from tests.integration.sync_helpers import FAST, laptop
from tests.integration.test_pinning import contact, finalize_with_contact, opens_with, sala


def make_file(server: CentralServer, out: Path, *extra: str) -> Path:
    done = server.cli("deployment-file", "--url", server.url, "--out", str(out),
                      "--agency", "สำนักงานคณะกรรมการพัฒนาระบบราชการ",
                      "--unit", "กองส่งเสริมการมีส่วนร่วม", "--province", "ลำปาง", *extra)
    assert done.returncode == 0, done.stderr
    return out


def test_a_good_file_pins_and_seals_before_enrollment(central_sqlite: CentralServer,
                                                      tmp_path: Path) -> None:
    file = make_file(central_sqlite, tmp_path / "sala-deployment.json")
    svc = laptop(tmp_path)
    try:
        pid = finalize_with_contact(svc)           # no platform known yet: nothing to seal to
        assert contact(svc, pid).sealed is None
        db_path = svc.paths.database
    finally:
        svc.close()

    done = sala("--db", str(db_path), "setup", str(file), "--json")
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["server_id"] == central_sqlite.hello.server_id  # type: ignore[union-attr]
    assert info["sealed_contacts"] == 1

    svc = laptop(tmp_path)
    try:
        c = contact(svc, pid)
        assert c.sealed and c.name == "" and c.phone == ""   # only ciphertext left on the laptop
        assert opens_with(central_sqlite, c)                 # and the platform opens it
        with svc.db.read() as s:
            pin = identity.pinned(s)
            assert pin is not None and pin.by == "deployment"
            assert pin.signing_key == central_sqlite.hello.signing_key  # type: ignore[union-attr]
            assert identity.URL.get(s) == central_sqlite.url
            assert settings.get(s, "report.agency") == "สำนักงานคณะกรรมการพัฒนาระบบราชการ"
            assert settings.get(s, "report.unit") == "กองส่งเสริมการมีส่วนร่วม"
            assert settings.get(s, "session.default_province") == "LPG"
        # Enrollment with the pinned platform works, and the sealed contact reaches it.
        svc.sync.enroll(central_sqlite.url, central_sqlite.mint_codes(1)[0])
        assert svc.sync.sync(policy=FAST).outcome is Outcome.OK
    finally:
        svc.close()


def test_a_file_with_one_byte_changed_is_refused_and_changes_nothing(
        central_sqlite: CentralServer, tmp_path: Path) -> None:
    good = make_file(central_sqlite, tmp_path / "good.json").read_bytes()
    svc = laptop(tmp_path)
    try:
        pid = finalize_with_contact(svc)
        db_path = svc.paths.database
    finally:
        svc.close()
    # the agency's name, one byte: a tampered header on every report
    at = good.index("กองส่งเสริม".encode())
    tampered = bytearray(good)
    tampered[at + 2] ^= 0x01
    unsigned = json.loads(good)
    del unsigned["signature"]
    cases = {"tampered.json": bytes(tampered),
             "unsigned.json": json.dumps(unsigned, ensure_ascii=False).encode()}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        done = sala("--db", str(db_path), "setup", str(path))
        assert done.returncode == 2, (name, done.stderr)
        assert "ไม่ได้ใช้ไฟล์ตั้งค่าระบบกลาง" in done.stderr
        assert "The deployment file was not used" in done.stderr
    svc = laptop(tmp_path)
    try:
        with svc.db.read() as s:
            assert identity.pinned(s) is None and outbox.sealing_key(s) is None
            assert identity.URL.get(s) is None and settings.get(s, "report.agency") is None
        assert contact(svc, pid).sealed is None
    finally:
        svc.close()


def test_an_expired_file_is_refused(central_sqlite: CentralServer, tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from sala.central import db as central_db
    from sala.wire import crypto
    from sala.wire import deployment as dw

    engine = central_db.make_engine(central_sqlite.db_url)
    meta = central_db.meta(engine)
    engine.dispose()
    key = crypto.signing_key_from_bytes(crypto.b64d(meta["signing_private"]))
    then = datetime.now(UTC) - timedelta(days=400)
    old = dw.Deployment(url=central_sqlite.url, server_id=meta["server_id"], name=meta["name"],
                        signing_key=meta["signing_public"], sealing_key=meta["sealing_public"],
                        sealing_alg=crypto.SEAL_ALG, agency="", unit="", province="",
                        issued_at=dw.iso(then), expires_at=dw.iso(then + timedelta(days=365)))
    path = tmp_path / "old.json"
    path.write_bytes(dw.sign(key, old))
    done = sala("--db", str(tmp_path / "l" / "sala.sqlite3"), "setup", str(path))
    assert done.returncode == 2 and "หมดอายุ" in done.stderr and "expired" in done.stderr


def test_a_deployed_laptop_enrolls_with_no_other_platform(central_factory, tmp_path: Path,
                                                           ) -> None:
    real = central_factory()
    file = make_file(real, tmp_path / "real.json")
    svc = laptop(tmp_path)
    try:
        svc.sync.adopt_deployment(file)
        other_root = tmp_path / "other"
        other_root.mkdir()
        other = CentralServer(f"sqlite:///{other_root / 'c.sqlite3'}", other_root / "blobs").start()
        try:
            try:
                svc.sync.enroll(other.url, other.mint_codes(1)[0])
                raise AssertionError("enrolled with a platform the deployment file did not name")
            except identity.WrongPlatformError as exc:
                assert exc.code == "not_pinned"
            # and a file naming the other platform does not replace the pin
            other_file = make_file(other, tmp_path / "other.json")
            try:
                svc.sync.adopt_deployment(other_file)
                raise AssertionError("a second platform's file replaced the pin")
            except deployment.DeploymentRefusedError as exc:
                assert exc.code == "other_platform"
        finally:
            other.stop()
        with svc.db.read() as s:
            pin = identity.pinned(s)
            assert pin is not None and pin.signing_key == real.hello.signing_key
            assert identity.URL.get(s) == real.url
    finally:
        svc.close()


def test_the_file_beside_the_app_is_adopted_at_start_and_a_bad_one_is_not(
        central_sqlite: CentralServer, tmp_path: Path) -> None:
    app = tmp_path / "opt-sala"
    app.mkdir()
    raw = make_file(central_sqlite, app / "sala-deployment.json").read_bytes()
    svc = laptop(tmp_path)
    try:
        assert b"\"LPG\"" in raw
        (app / "sala-deployment.json").write_bytes(raw.replace(b"LPG", b"CMI"))
        assert deployment.adopt_beside_app(svc.db, app) is None        # tampered: logged, ignored
        with svc.db.read() as s:
            assert identity.pinned(s) is None
        (app / "sala-deployment.json").write_bytes(raw)
        info = deployment.adopt_beside_app(svc.db, app)
        assert info is not None and info["server_id"] == central_sqlite.hello.server_id  # type: ignore[union-attr]
        assert deployment.adopt_beside_app(svc.db, app) is None        # already adopted: no-op
        with svc.db.read() as s:
            assert outbox.sealing_key(s) == central_sqlite.hello.sealing_key  # type: ignore[union-attr]
    finally:
        svc.close()
