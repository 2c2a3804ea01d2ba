"""USB bundles: a laptop without a link → a supervisor who forwards; tampered or truncated
files import nothing; the same records by bundle and directly land once."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sala.sync.bundle import BundleError
from sala.sync.messages import Outcome
from tests.integration.sync_helpers import FAST, assert_exactly_once, enroll, fill, laptop, ledger


def _forwarded_rows(svc) -> int:
    from sqlalchemy import func, select

    from sala.storage.models import SyncBatch
    with svc.db.read() as s:
        return s.scalar(select(func.count()).select_from(SyncBatch).where(SyncBatch.via == "bundle"))


def test_bundle_forwarded_then_direct_lands_once(central, tmp_path: Path) -> None:
    field, boss = laptop(tmp_path, "field"), laptop(tmp_path, "supervisor")
    try:
        photo = b"\xff\xd8\xff flip chart" * 3000
        ids = fill(field, 700, photos=[photo])
        out = tmp_path / "usb" / "field.sala"
        out.parent.mkdir()
        info = field.sync.export_bundle(out)
        assert info["records"] == 701 and info["photos"] == 1
        enroll(boss, central)
        # a key is known to the service only through enrollment: the field laptop enrolled
        # once (its bundle was cut before); a forward of a never-enrolled one is refused
        enroll(field, central)
        imported = boss.sync.import_bundle(out)
        assert imported["device_id"] == field.db.device_id and imported["records"] == 701
        assert boss.sync.import_bundle(out)["new_batches"] == 0        # twice: kept once
        assert boss.sync.status().forwarded_open == 701
        report = boss.sync.sync(policy=FAST)
        assert report.outcome is Outcome.OK, report.detail
        assert report.blobs["uploaded"] == 1
        (fwd,) = boss.sync.forwarded()
        assert fwd["device_id"] == field.db.device_id and fwd["forwarded"] == 701
        assert ledger(central)[field.db.device_id] == len(ids)
        enroll(field, central)                    # later the field laptop finds a link itself
        direct = field.sync.sync(policy=FAST)
        # its first run after enrollment reconciles: all 701 are on the server already, so they
        # are marked sent without a second upload
        assert direct.outcome is Outcome.OK and direct.reconcile["marked_sent"] == 701
        assert direct.batches == [] and direct.sent == 0
        assert_exactly_once(central, [field])
        assert ledger(central)["total"] == 701
    finally:
        field.close()
        boss.close()


@pytest.mark.parametrize("damage", ["tamper", "truncate", "resign"])
def test_damaged_bundle_imports_nothing(tmp_path: Path, damage: str) -> None:
    field, boss = laptop(tmp_path, "field"), laptop(tmp_path, "supervisor")
    try:
        fill(field, 300)
        out = tmp_path / "b.sala"
        field.sync.export_bundle(out)
        data = out.read_bytes()
        if damage == "truncate":
            out.write_bytes(data[: len(data) // 2])
        else:
            with zipfile.ZipFile(out) as zf:
                members = {n: zf.read(n) for n in zf.namelist()}
            name = next(n for n in members if n.startswith("batches/"))
            body = bytearray(members[name])
            if damage == "tamper":
                body[len(body) // 2] ^= 0x01
            else:                                   # a valid gzip of other content
                import gzip
                body = bytearray(gzip.compress(gzip.decompress(bytes(body)).replace(b"idea", b"ideo")))
            members[name] = bytes(body)
            with zipfile.ZipFile(out, "w") as zf:
                for n, b in members.items():
                    zf.writestr(n, b)
        with pytest.raises(BundleError) as err:
            boss.sync.import_bundle(out)
        assert "nothing was imported" in err.value.en and err.value.th
        assert _forwarded_rows(boss) == 0
        assert boss.sync.forwarded() == []
    finally:
        field.close()
        boss.close()
