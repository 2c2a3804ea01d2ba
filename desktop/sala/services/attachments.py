"""Flip-chart and whiteboard photos, stored content-addressed by sha256. No Qt.

A file is hashed while it is copied into ``<attachments>/<sha[:2]>/<sha>``: the copy goes to a
temporary file in the same folder, is fsynced, then renamed into place, so a crash or a full
disk never leaves a half-written blob under a real name. Identical files are stored once.
Storing (file I/O, may be slow) and recording (a short database write) are separate steps so
the UI can do the first off the writer thread.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from sala.domain import validation as v
from sala.domain.errors import SalaError, ValidationError
from sala.files import blob_path, publish
from sala.services.sessions import load_record
from sala.services.writable import writable_session
from sala.storage.database import Database
from sala.storage.models import Attachment

MAX_BYTES = 30 * 1024 * 1024
CHUNK = 1024 * 1024

# Magic bytes of the image formats a phone or camera produces, and their media types.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"BM", 0, "image/bmp"),
    (b"WEBP", 8, "image/webp"),
    (b"ftypheic", 4, "image/heic"),
    (b"ftypheix", 4, "image/heic"),
    (b"ftypmif1", 4, "image/heif"),
)


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    media_type: str
    path: Path


@dataclass(frozen=True)
class AttachmentView:
    id: str
    session_id: str
    sha256: str
    media_type: str
    size: int
    filename: str
    caption: str
    question_id: str | None
    path: Path


def clean_caption(caption: str | None) -> str:
    """A caption as stored: trimmed, NFC; too long is refused (never cut), naming it a caption."""
    text = v.clean_text(caption)
    if len(text) > v.TEXT_MAX:
        raise ValidationError(
            "caption", f"คำบรรยายภาพยาว {len(text):,} ตัวอักษร เกินกำหนด {v.TEXT_MAX:,} ตัวอักษร กรุณาย่อข้อความ",
            f"The caption is {len(text):,} characters, over the limit of {v.TEXT_MAX:,}; shorten it")
    return text


def sniff_image(head: bytes) -> str | None:
    """The image media type for a file's first bytes, or None if it is not a known image."""
    for magic, offset, media in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            if media == "image/webp" and head[:4] != b"RIFF":
                continue
            return media
    return None


class AttachmentService:
    def __init__(self, db: Database, root: Path, max_bytes: int = MAX_BYTES) -> None:
        self._db = db
        self.root = root
        self.max_bytes = max_bytes

    def blob_path(self, sha256: str) -> Path:
        return blob_path(self.root, sha256)

    # -- step 1: the file (safe to run on any thread) -----------------------------------------
    def store_file(self, source: Path) -> StoredBlob:
        """Copy ``source`` into the store, hashing as it goes; refuses non-images and huge files."""
        name = source.name
        try:
            size = source.stat().st_size
            with source.open("rb") as fh:
                head = fh.read(32)
        except OSError as exc:
            raise SalaError(f"เปิดไฟล์ “{name}” ไม่ได้ ({exc.strerror})",
                            f"Cannot open “{name}” ({exc.strerror})") from exc
        media = sniff_image(head)
        if media is None:
            raise ValidationError("file", f"“{name}” ไม่ใช่ไฟล์รูปภาพ (รับ JPEG, PNG, GIF, BMP, WebP, HEIC)",
                                  f"“{name}” is not an image (JPEG, PNG, GIF, BMP, WebP or HEIC are accepted)")
        if size > self.max_bytes:
            mb = self.max_bytes // (1024 * 1024)
            raise ValidationError("file", f"“{name}” มีขนาด {size / 1048576:.1f} MB เกินกำหนด {mb} MB "
                                  "กรุณาลดขนาดรูปก่อน",
                                  f"“{name}” is {size / 1048576:.1f} MB, over the {mb} MB limit; shrink it first")
        tmp: Path | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
            tmp = Path(tmp_name)
            digest = hashlib.sha256()
            written = 0
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    written += len(chunk)
                    if written > self.max_bytes:  # grew while we copied
                        raise ValidationError("file", f"“{name}” ใหญ่เกินกำหนด", f"“{name}” is too large")
                out.flush()
            sha = digest.hexdigest()
            final = self.blob_path(sha)
            if final.exists() and final.stat().st_size == written:
                tmp.unlink()  # the same photo again: stored once
            else:
                final.parent.mkdir(exist_ok=True)
                publish(tmp, final)   # fsync, rename, fsync the folder
            tmp = None
            return StoredBlob(sha, written, media, final)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise SalaError("พื้นที่ดิสก์เต็ม บันทึกรูปไม่ได้ กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง ข้อมูลอื่นยังอยู่ครบ",
                                "The disk is full, so the photo was not saved. Free some space and try again; "
                                "everything else is intact.") from exc
            raise SalaError(f"บันทึกรูป “{name}” ไม่ได้ ({exc.strerror})",
                            f"Could not store the photo “{name}” ({exc.strerror})") from exc
        finally:
            if tmp is not None:
                tmp.unlink(missing_ok=True)

    # -- step 2: the record (the writer thread) -----------------------------------------------
    def record(self, session_id: str, blob: StoredBlob, filename: str, question_id: str | None = None,
               caption: str = "") -> AttachmentView:
        """The Attachment row for a stored blob; the same photo twice in a session is one row."""
        caption_text = clean_caption(caption)
        with self._db.write() as s:
            writable_session(s, session_id)
            existing = s.scalars(select(Attachment).where(Attachment.session_id == session_id,
                                                          Attachment.sha256 == blob.sha256)).first()
            if existing is not None:
                return self._view(existing)
            a = Attachment(session_id=session_id, sha256=blob.sha256, media_type=blob.media_type,
                           size=blob.size, filename=filename[:255], caption=caption_text,
                           question_id=question_id)
            s.add(a)
            s.flush()
            return self._view(a)

    def add_file(self, session_id: str, source: Path, question_id: str | None = None) -> AttachmentView:
        """Both steps in one call (CLI, tests)."""
        return self.record(session_id, self.store_file(source), source.name, question_id)

    def list(self, session_id: str) -> list[AttachmentView]:
        with self._db.read() as s:
            rows = s.scalars(select(Attachment).where(Attachment.session_id == session_id)
                             .order_by(Attachment.created_at, Attachment.id))
            return [self._view(a) for a in rows]

    def set_caption(self, attachment_id: str, caption: str) -> AttachmentView:
        """Change a photo's caption (saved as it is typed); a finalized session's stay as they are."""
        clean = clean_caption(caption)
        with self._db.write() as s:
            a = self._load(s, attachment_id)
            writable_session(s, a.session_id)
            a.caption = clean
            return self._view(a)

    def delete(self, attachment_id: str) -> None:
        """Remove the record; the blob stays (another session or a pending upload may share it)."""
        with self._db.write() as s:
            a = self._load(s, attachment_id)
            writable_session(s, a.session_id)
            s.delete(a)

    @staticmethod
    def _load(s, attachment_id: str) -> Attachment:  # an ORM session
        return load_record(s, Attachment, attachment_id, "รูปภาพ / photo")

    def _view(self, a: Attachment) -> AttachmentView:
        return AttachmentView(a.id, a.session_id, a.sha256, a.media_type, a.size, a.filename, a.caption,
                              a.question_id, self.blob_path(a.sha256))
