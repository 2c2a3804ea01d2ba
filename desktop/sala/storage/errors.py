"""Turn SQLite's failures into messages a field officer can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sala.domain.errors import StorageError


class CorruptDatabaseError(StorageError):
    """The database failed its integrity check; ``backup`` is the newest backup, if any."""

    def __init__(self, path: Path, detail: str, backup: Path | None) -> None:
        offer_th = "สามารถกู้คืนจากสำเนาสำรองล่าสุดได้" if backup else "ไม่พบสำเนาสำรอง"
        offer_en = "The latest backup can be restored." if backup else "No backup was found."
        super().__init__(
            f"ฐานข้อมูล {path.name} เสียหาย ({detail}) {offer_th}",
            f"The database {path.name} is damaged ({detail}). {offer_en}",
        )
        self.path = path
        self.backup = backup


def translate(exc: BaseException) -> StorageError | None:
    """A StorageError for known SQLite failures (disk full, read-only, locked), else None."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    if "disk is full" in text or "disk full" in text:
        return StorageError(
            "พื้นที่ดิสก์เต็ม บันทึกไม่สำเร็จ ข้อมูลที่พิมพ์ยังอยู่บนหน้าจอ กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง",
            "The disk is full and nothing was saved. Your typing is still on screen; free some space and try again.",
        )
    if "readonly" in text or "read-only" in text:
        return StorageError(
            "ไม่สามารถเขียนฐานข้อมูลได้ (อ่านได้อย่างเดียว) กรุณาตรวจสอบสิทธิ์ของโฟลเดอร์ข้อมูล",
            "The database cannot be written (read-only). Check the data folder's permissions.",
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            "ฐานข้อมูลถูกใช้งานโดยโปรแกรมอื่น กรุณาปิดโปรแกรม Sala ที่เปิดซ้อนแล้วลองอีกครั้ง",
            "The database is in use by another program. Close any other Sala window and try again.",
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StorageError(
            "ฐานข้อมูลเสียหาย กรุณาปิดโปรแกรมแล้วเปิดใหม่เพื่อกู้คืนจากสำเนาสำรอง",
            "The database is damaged. Restart Sala to restore it from a backup.",
        )
    if "unable to open" in text:
        return StorageError(
            "เปิดไฟล์ฐานข้อมูลไม่ได้ กรุณาตรวจสอบว่าโฟลเดอร์มีอยู่และเขียนได้",
            "The database file cannot be opened; check that its folder exists and is writable.",
        )
    return None
