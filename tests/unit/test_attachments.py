"""Photos: content-addressed storage, dedupe, refusals, and nothing half-written on a full disk."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from sala.domain import enums as e
from sala.domain.errors import SalaError, ValidationError
from sala.domain.inputs import SessionInput

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + os.urandom(3000)


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("สนทนากลุ่ม", e.SessionKind.FOCUS_GROUP, province="CMI")).id


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_stored_by_sha256_and_deduplicated(services, sid, tmp_path) -> None:
    att = services.attachments
    src = _file(tmp_path, "flipchart.jpg", JPEG)
    a = att.add_file(sid, src)
    sha = hashlib.sha256(JPEG).hexdigest()
    assert a.sha256 == sha and a.media_type == "image/jpeg" and a.size == len(JPEG)
    assert a.path == services.paths.attachments / sha[:2] / sha and a.path.read_bytes() == JPEG
    again = att.add_file(sid, _file(tmp_path, "copy.jpg", JPEG))
    assert again.id == a.id and len(att.list(sid)) == 1
    files = [p for p in services.paths.attachments.rglob("*") if p.is_file()]
    assert files == [a.path]  # no temp files left behind


def test_non_image_and_oversize_refused_bilingually(services, sid, tmp_path) -> None:
    att = services.attachments
    with pytest.raises(ValidationError) as err:
        att.add_file(sid, _file(tmp_path, "notes.txt", b"hello"))
    assert "notes.txt" in err.value.th and "not an image" in err.value.en
    att.max_bytes = 100
    with pytest.raises(ValidationError) as err:
        att.add_file(sid, _file(tmp_path, "big.png", PNG + b"\x00" * 200))
    assert "MB" in err.value.en
    assert att.list(sid) == []


def test_full_disk_leaves_nothing_half_written(services, sid, tmp_path, monkeypatch) -> None:
    att = services.attachments
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SalaError) as err:
        att.add_file(sid, _file(tmp_path, "board.png", PNG))
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert "disk is full" in err.value.en and "ดิสก์เต็ม" in err.value.th
    assert [p for p in services.paths.attachments.rglob("*") if p.is_file()] == []
    assert att.list(sid) == []
