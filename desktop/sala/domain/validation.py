"""Domain rules for input, raising bilingual ValidationErrors; nothing here touches storage.

Text is never silently cut: anything over a limit is refused with the limit in the message.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sala.domain.errors import ValidationError
from sala.domain.provinces import Province, find_province

TITLE_MAX = 200
NAME_MAX = 120
TEXT_MAX = 5000
NOTES_MAX = 20000
CODE_MAX = 16
TAGS_MAX = 20

_CODE = re.compile(r"^[A-Za-z0-9\u0E01-\u0E59_-]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 -]{7,18}[0-9]$")

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("ชื่อเวที", "Title"),
    "text": ("ข้อความ", "Text"),
    "notes": ("บันทึก", "Notes"),
    "code": ("รหัสผู้เข้าร่วม", "Participant code"),
    "name": ("ชื่อ", "Name"),
    "province": ("จังหวัด", "Province"),
    "district": ("อำเภอ/เขต", "District"),
    "facilitators": ("ผู้ดำเนินการ", "Facilitators"),
    "question": ("คำถาม", "Question"),
    "what": ("สิ่งที่ต้องทำ", "Action"),
    "who": ("ผู้รับผิดชอบ", "Owner"),
    "reason": ("เหตุผล", "Reason"),
    "phone": ("โทรศัพท์", "Phone"),
    "email": ("อีเมล", "E-mail"),
    "contact_name": ("ชื่อผู้ติดต่อ", "Contact name"),
    "comment": ("ความคิดเห็น", "Comment"),
    "tags": ("แท็ก", "Tags"),
    "rating": ("คะแนน", "Rating"),
    "ended_at": ("เวลาสิ้นสุด", "End time"),
    "due": ("กำหนดเสร็จ", "Due date"),
}


def _names(field: str) -> tuple[str, str]:
    return FIELD_NAMES.get(field, (field, field))


def clean_text(value: str | None) -> str:
    """NFC-normalized, trimmed text.

    Thai keyboards often type sara am (ำ) as nikhahit + sara aa (ํา), which looks the same but
    would not be found by a search for the real character; NFC does not join them, so we do.
    """
    return unicodedata.normalize("NFC", value or "").replace("\u0e4d\u0e32", "\u0e33").strip()


def required_text(value: str | None, field: str, limit: int) -> str:
    text = clean_text(value)
    th, en = _names(field)
    if not text:
        raise ValidationError(field, f"กรุณากรอก{th}", f"{en} is required")
    return limit_text(text, field, limit)


def optional_text(value: str | None, field: str, limit: int) -> str:
    return limit_text(clean_text(value), field, limit)


def limit_text(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        th, en = _names(field)
        raise ValidationError(
            field,
            f"{th}ยาว {len(text):,} ตัวอักษร เกินกำหนด {limit:,} ตัวอักษร กรุณาแบ่งหรือย่อข้อความ",
            f"{en} is {len(text):,} characters, over the limit of {limit:,}; split or shorten it",
        )
    return text


def participant_code(value: str | None, required: bool = False) -> str | None:
    code = clean_text(value)
    if not code:
        if required:
            raise ValidationError("code", "กรุณากรอกรหัสผู้เข้าร่วม เช่น P01", "Enter a participant code such as P01")
        return None
    if len(code) > CODE_MAX or not _CODE.match(code):
        raise ValidationError(
            "code",
            f"รหัสผู้เข้าร่วม “{code}” ใช้ได้เฉพาะตัวอักษร ตัวเลข - และ _ ไม่เกิน {CODE_MAX} ตัว",
            f"Participant code “{code}” may hold only letters, digits, - and _, at most {CODE_MAX}",
        )
    return code.upper()


def province(value: str | None, required: bool = False) -> Province | None:
    text = clean_text(value)
    if not text:
        if required:
            raise ValidationError("province", "กรุณาเลือกจังหวัด", "Choose a province")
        return None
    found = find_province(text)
    if found is None:
        raise ValidationError(
            "province",
            f"ไม่รู้จักจังหวัด “{text}” กรุณาเลือกจากรายชื่อ 77 จังหวัด",
            f"Unknown province “{text}”; choose one of the 77 provinces",
        )
    return found


def time_range(start: datetime | None, end: datetime | None, field: str = "ended_at") -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            field,
            "เวลาสิ้นสุดต้องไม่ก่อนเวลาเริ่ม",
            "The end time cannot be before the start time",
        )


def rating(value: int) -> int:
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError("rating", "คะแนนต้องอยู่ระหว่าง 1 ถึง 5", "A rating is a whole number from 1 to 5")
    return value


def tags(values: list[str] | tuple[str, ...] | None) -> list[str]:
    out: list[str] = []
    for v in values or ():
        t = limit_text(clean_text(v), "tags", 60)
        if t and t not in out:
            out.append(t)
    if len(out) > TAGS_MAX:
        raise ValidationError("tags", f"แท็กได้ไม่เกิน {TAGS_MAX} รายการ", f"At most {TAGS_MAX} tags")
    return out


def email(value: str | None) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    if not _EMAIL.match(text) or len(text) > 200:
        raise ValidationError("email", f"อีเมล “{text}” ไม่ถูกต้อง", f"“{text}” is not a valid e-mail address")
    return text


def phone(value: str | None) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    if not _PHONE.match(text):
        raise ValidationError(
            "phone", f"หมายเลขโทรศัพท์ “{text}” ไม่ถูกต้อง", f"“{text}” is not a valid phone number"
        )
    return text
