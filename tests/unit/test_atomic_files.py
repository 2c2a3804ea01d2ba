"""sala.files: the one atomic, durable way to write a file in place."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sala import files
from sala.files import blob_path


def test_atomic_write_replaces_and_fsyncs_file_then_folder(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "device_token"
    target.write_bytes(b"old")
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", spy)
    files.atomic_write(target, b"new secret", mode=0o600)
    assert target.read_bytes() == b"new secret"
    assert synced == ["file", "dir"]          # the data before the rename, the rename after
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["device_token"]   # no temporary left


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "bundle.zip"
    target.write_bytes(b"the previous bundle")
    with pytest.raises(RuntimeError), files.atomic_path(target) as tmp:
        tmp.write_bytes(b"half a new bun")
        raise RuntimeError("USB stick pulled out")
    assert target.read_bytes() == b"the previous bundle"
    assert [p.name for p in tmp_path.iterdir()] == ["bundle.zip"]


def test_the_temporary_file_is_beside_the_target(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "x.sqlite3"
    target.parent.mkdir()
    with files.atomic_path(target) as tmp:
        assert tmp.parent == target.parent and tmp.name.startswith(".x.sqlite3.")
        tmp.write_bytes(b"db")
    assert target.read_bytes() == b"db"


def test_photo_path_is_content_addressed_and_fanned_out(tmp_path: Path) -> None:
    sha = "ab" + "0" * 62
    assert blob_path(tmp_path, sha) == tmp_path / "ab" / sha


def test_a_report_file_is_published_like_every_file(tmp_path: Path, monkeypatch) -> None:
    """reports.output writes a PDF/export through sala.files: the data fsynced before the
    rename, the folder after it, nothing temporary left; a failure leaves the old report whole."""
    from sala.reports.output import atomic_output

    target = tmp_path / "summary.pdf"
    target.write_bytes(b"%PDF old")
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", spy)
    with atomic_output(target) as tmp:
        tmp.write_bytes(b"%PDF new")
    assert target.read_bytes() == b"%PDF new"
    assert synced == ["file", "dir"]
    with pytest.raises(RuntimeError), atomic_output(target) as tmp:
        tmp.write_bytes(b"%PDF half")
        raise RuntimeError("layout bug")
    assert target.read_bytes() == b"%PDF new"
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_the_central_blob_store_publishes_a_blob_like_every_file(tmp_path: Path, monkeypatch) -> None:
    """The reference service's finished upload goes through sala.files too: the chunk is fsynced
    as it lands, the whole blob again before its rename, and the fan-out folder after it."""
    import hashlib

    from sqlalchemy import create_engine

    from sala.central import tables as t
    from sala.central.blobstore import BlobStore

    engine = create_engine(f"sqlite:///{tmp_path / 'central.db'}")
    t.metadata.create_all(engine)
    store = BlobStore(tmp_path / "blobs", engine, max_blob_bytes=1 << 20)
    data = "ภาพถ่ายเวที".encode() * 10
    sha = hashlib.sha256(data).hexdigest()
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    state = store.put(sha, data, None, "device-1")
    assert state.complete
    assert blob_path(tmp_path / "blobs", sha).read_bytes() == data
    assert synced[-2:] == ["file", "dir"]
    assert "dir" in synced[:-1]  # the new fan-out folder and the device's partial folder are durable too
