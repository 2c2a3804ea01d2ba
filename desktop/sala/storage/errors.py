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


# SQLite's primary result codes (the low byte of an extended code such as SQLITE_READONLY_DBMOVED).
_FULL = {sqlite3.SQLITE_FULL}
_READ_ONLY = {sqlite3.SQLITE_READONLY}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_CANT_OPEN = {sqlite3.SQLITE_CANTOPEN}


def translate(exc: BaseException) -> StorageError | None:
    """A StorageError for known SQLite failures (disk full, read-only, locked, damaged, cannot
    open), else None. Decided by SQLite's result code, never by the message's wording."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    if code is None:
        return None
    code &= 0xFF
    if code in _FULL:
        return StorageError(
            "พื้นที่ดิสก์เต็ม บันทึกไม่สำเร็จ ข้อมูลที่พิมพ์ยังอยู่บนหน้าจอ กรุณาลบไฟล์ที่ไม่ใช้แล้วลองอีกครั้ง",
            "The disk is full and nothing was saved. Your typing is still on screen; free some space and try again.",
        )
    if code in _READ_ONLY:
        return StorageError(
            "ไม่สามารถเขียนฐานข้อมูลได้ (อ่านได้อย่างเดียว) กรุณาตรวจสอบสิทธิ์ของโฟลเดอร์ข้อมูล",
            "The database cannot be written (read-only). Check the data folder's permissions.",
        )
    if code in _BUSY:
        return StorageError(
            "ฐานข้อมูลถูกใช้งานโดยโปรแกรมอื่น กรุณาปิดโปรแกรม Sala ที่เปิดซ้อนแล้วลองอีกครั้ง",
            "The database is in use by another program. Close any other Sala window and try again.",
        )
    if code in _DAMAGED:
        return StorageError(
            "ฐานข้อมูลเสียหาย กรุณาปิดโปรแกรมแล้วเปิดใหม่เพื่อกู้คืนจากสำเนาสำรอง",
            "The database is damaged. Restart Sala to restore it from a backup.",
        )
    if code in _CANT_OPEN:
        return StorageError(
            "เปิดไฟล์ฐานข้อมูลไม่ได้ กรุณาตรวจสอบว่าโฟลเดอร์มีอยู่และเขียนได้",
            "The database file cannot be opened; check that its folder exists and is writable.",
        )
    return None
