"""Attacks on ``sala bundle import`` (issue 11, "the laptop side of the same"): a bundle from a
USB stick may be made by anyone. Each is answered "damaged, nothing imported" in Thai and
English, within bounded memory (measured in a real ``sala`` process) and disk, before anything
is written; names from a bundle are printed without their escape codes."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala.sync.bundle import BundleError
from tests.integration.bundle_forge import DEVICE, forge, nothing_kept, signed_batch
from tests.integration.sync_helpers import laptop

MB = 1 << 20
#: A ``sala`` process that imports a bundle stays under this (a Python + Qt-free CLI is ~100 MB;
#: the attacks below took 886 MB to 1.9 GB before they were bounded).
RSS_LIMIT_MB = 300

# The peak is VmHWM of this process's own memory map: getrusage's ru_maxrss survives exec and so
# starts at the pytest parent's size at fork time (310 MB late in a full run), not this process's.
_RUN = """
import sys
from sala.cli import main
rc = main(sys.argv[1:])
with open("/proc/self/status") as fh:
    hwm = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
sys.stderr.write("\\nMAXRSS_KB=%d\\n" % hwm)
sys.exit(rc)
"""


def _import_cli(db: Path, bundle: Path | str, *extra: str) -> tuple[int, str, str, int]:
    """Run ``sala --db DB bundle import BUNDLE`` in its own process: exit code, out, err, peak MB."""
    p = subprocess.run([sys.executable, "-c", _RUN, "--db", str(db), "bundle", "import",
                        str(bundle), *extra], capture_output=True, text=True, timeout=600)
    err, _, rss = p.stderr.rpartition("MAXRSS_KB=")
    return p.returncode, p.stdout, err, int(rss.strip()) // 1024


def _boss(tmp_path: Path) -> tuple[Any, Path]:
    svc = laptop(tmp_path, "supervisor")
    return svc, svc.paths.database


def _refused_bilingual(err: str) -> None:
    assert "nothing was imported" in err and "ไม่ได้นำเข้าข้อมูลใดเลย" in err, err
    assert "internal error" not in err.lower() and "Traceback" not in err


def test_photo_that_unpacks_to_400_mb(tmp_path: Path) -> None:
    def bomb(zf: zipfile.ZipFile) -> None:           # 400 MB of zeros, deflated to ~400 KB
        info = zipfile.ZipInfo("blobs/" + "ab" * 32)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as fh:
            chunk = bytes(MB)
            for _ in range(400):
                fh.write(chunk)

    bundle = forge(tmp_path / "photo-bomb.sala", extra=bomb,
                   edit=lambda ix: ix["blobs"].append({"sha256": "ab" * 32, "size": 400 * MB,
                                                       "file": "blobs/" + "ab" * 32}))
    assert bundle.stat().st_size < 2 * MB
    svc, db = _boss(tmp_path)
    svc.close()
    rc, _, err, rss = _import_cli(db, bundle)
    assert rc == 2
    _refused_bilingual(err)
    assert rss < RSS_LIMIT_MB
    svc = laptop(tmp_path, "supervisor")
    try:
        assert nothing_kept(svc)
    finally:
        svc.close()


def _gzip_stream(parts: list[tuple[bytes, int]]) -> bytes:
    """gzip of each ``bytes`` repeated ``count`` times, without holding the text in memory."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = []
    for data, count in parts:
        for _ in range(count):
            out.append(c.compress(data))
    out.append(c.flush())
    return b"".join(out)


@pytest.mark.parametrize("unpacked_mb", [30, 900])
def test_gzip_bomb_batch(tmp_path: Path, unpacked_mb: int) -> None:
    """30 MB of ``{},`` passes the size cap but not the value count; 900 MB passes neither.
    The index is validly signed; the batch's own signature would only be checked later."""
    head = b'{"batch_id":"00000000-0000-7000-8000-000000000000","device_id":"' + \
        DEVICE.encode() + b'","protocol":1,"records":['
    unit = b"{}," * (MB // 3)
    body = _gzip_stream([(head, 1), (unit, unpacked_mb), (b"{}]}", 1)])
    assert len(body) < 2 * MB

    def swap(ix: dict[str, Any]) -> None:
        import hashlib
        meta = ix["batches"][0]
        meta.update(batch_id="00000000-0000-7000-8000-000000000000", size=len(body),
                    sha256=hashlib.sha256(body).hexdigest(),
                    file="batches/00000000-0000-7000-8000-000000000000.gz")

    bundle = forge(tmp_path / "gzip-bomb.sala", edit=swap,
                   extra=lambda zf: zf.writestr("batches/00000000-0000-7000-8000-000000000000.gz", body))
    svc, db = _boss(tmp_path)
    svc.close()
    rc, _, err, rss = _import_cli(db, bundle)
    assert rc == 2
    _refused_bilingual(err)
    assert rss < RSS_LIMIT_MB
    svc = laptop(tmp_path, "supervisor")
    try:
        assert nothing_kept(svc)
    finally:
        svc.close()


@pytest.mark.parametrize("path", ["/dev/zero", "DIR", "FIFO"])
def test_import_of_a_device_or_pipe_or_folder(tmp_path: Path, path: str) -> None:
    import os
    if path == "DIR":
        path = str(tmp_path)
    elif path == "FIFO":
        path = str(tmp_path / "pipe")
        os.mkfifo(path)                    # would block forever if opened
    svc, db = _boss(tmp_path)
    svc.close()
    rc, _, err, rss = _import_cli(db, path)
    assert rc == 2
    _refused_bilingual(err)
    assert rss < RSS_LIMIT_MB


MALFORMED: dict[str, dict[str, Any]] = {
    "index is []": {"raw_index": b"[]"},
    "index nested 100000 deep": {"raw_index": b"[" * 100_000 + b"]" * 100_000},
    "index nested inside a field": {"edit": lambda ix: ix.update(device_name=json.loads(
        "[" * 500 + "]" * 500))},
    "first_seq abc": {"edit": lambda ix: ix["batches"][0].update(first_seq="abc")},
    "first_seq after last_seq": {"edit": lambda ix: ix["batches"][0].update(first_seq=99)},
    "records is true": {"edit": lambda ix: ix["batches"][0].update(records=True)},
    "a 5000-digit integer": {"raw_index": b'{"format":"sala-bundle","version":1,"batches":[],'
                                          b'"blobs":[],"x":' + b"9" * 5000 + b"}"},
    "NaN": {"raw_index": b'{"format":"sala-bundle","version":NaN}'},
    "batches is an object": {"edit": lambda ix: ix.update(batches={})},
    "batch file outside batches/": {"edit": lambda ix: ix["batches"][0].update(file="index.json")},
    "photo path escapes": {"edit": lambda ix: ix["blobs"].append(
        {"sha256": "../../../../etc/passwd", "size": 1, "file": "blobs/../../x"})},
    "not UTF-8": {"raw_index": b"\xff\xfe{}"},
    "batch listed twice": {"edit": lambda ix: ix["batches"].append(dict(ix["batches"][0]))},
    "unknown member": {"extra": lambda zf: zf.writestr("run.sh", b"rm -rf ~")},
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_index_imports_nothing(tmp_path: Path, case: str) -> None:
    """Each used to end in "internal error" (exit 70), first_seq "abc" with the photo already
    written; now each is "damaged", nothing written — not even the photo that came first."""
    bundle = forge(tmp_path / "bad.sala", photos=[b"\xff\xd8\xff flip chart" * 50], **MALFORMED[case])
    svc = laptop(tmp_path, "supervisor")
    try:
        with pytest.raises(BundleError) as err:
            svc.sync.import_bundle(bundle)
        assert "nothing was imported" in err.value.en and "ไม่ได้นำเข้าข้อมูลใดเลย" in err.value.th
        assert nothing_kept(svc)
    finally:
        svc.close()


def test_malformed_index_through_the_cli(tmp_path: Path) -> None:
    bundle = forge(tmp_path / "abc.sala", photos=[b"photo" * 10],
                   edit=lambda ix: ix["batches"][0].update(first_seq="abc"))
    svc, db = _boss(tmp_path)
    svc.close()
    rc, out, err, _ = _import_cli(db, bundle)
    assert rc == 2 and out == ""
    _refused_bilingual(err)


def test_device_name_with_terminal_escapes_is_printed_safely(tmp_path: Path) -> None:
    """A name that would clear the screen and retitle the terminal: the records are real and
    are kept (refusing would strand them), but nothing the bundle names reaches the terminal or
    the database with its control characters."""
    evil = "\x1b[2J\x1b]0;pwned\x07field \u202egnp.exe\x9b31m"
    bundle = forge(tmp_path / "esc.sala", name=evil)
    svc, db = _boss(tmp_path)
    svc.close()
    for extra in ((), ("--json",)):
        rc, out, err, _ = _import_cli(db, bundle, *extra)
        assert rc == 0, err
        assert not any(c in out + err for c in "\x1b\x07\x9b\u202e"), repr(out + err)
        assert "field" in out
    svc = laptop(tmp_path, "supervisor")
    try:
        (fwd,) = svc.sync.forwarded()
        assert "field" in fwd["name"] and "\x1b" not in fwd["name"] and "\u202e" not in fwd["name"]
    finally:
        svc.close()


def test_a_file_changed_between_check_and_keep_imports_nothing(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Import reads the bundle twice (check, then keep): a batch swapped in between (a USB
    stick rewritten under the importer) is caught by the sha256 re-check and rolls back."""
    from sala.sync import bundle as bundle_mod
    bundle = forge(tmp_path / "swap.sala", batches=2, photos=[b"photo" * 10])
    verify = bundle_mod._verify

    def verify_then_swap(path: Path) -> dict[str, Any]:
        index = verify(path)
        with zipfile.ZipFile(path) as zf:
            members = {n: zf.read(n) for n in zf.namelist()}
        second = index["batches"][1]
        other, _ = signed_batch(Ed25519PrivateKey.generate())
        members[second["file"]] = other.body
        with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
            for n, data in members.items():
                zf.writestr(n, data)
        return index

    monkeypatch.setattr(bundle_mod, "_verify", verify_then_swap)
    svc = laptop(tmp_path, "supervisor")
    try:
        with pytest.raises(BundleError):
            svc.sync.import_bundle(bundle)
        with svc.db.read() as s:
            from sqlalchemy import func, select

            from sala.storage.models import SyncBatch
            assert s.scalar(select(func.count()).select_from(SyncBatch)) == 0
    finally:
        svc.close()
