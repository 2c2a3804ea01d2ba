"""Domain rules for input, raising bilingual ValidationErrors; nothing here touches storage.

Text is never silently cut: anything over a limit is refused with the limit in the message.
"""

from __future__ import annotations

import re
from datetime import datetime

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.domain.provinces import Province, find_province
from sala.domain.thaitext import strip_invisible

TITLE_MAX = 200
NAME_MAX = 120
TEXT_MAX = 5000
NOTES_MAX = 20000
CODE_MAX = 16
TAGS_MAX = 20

_CODE = re.compile(r"^[A-Za-z0-9\u0E01-\u0E59_-]+$")

FIELD_NAMES: dict[str, tuple[str, str]] = {
    "title": ("ชื่อเวที", "Title"),
    "title_en": ("ชื่อภาษาอังกฤษ", "English name"),
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
    "attendance_total": ("จำนวนผู้เข้าร่วมทั้งหมด", "Attendance"),
    "attendance_detail": ("จำนวนผู้เข้าร่วมแยกตามกลุ่ม", "Attendance breakdown"),
}


def _names(field: str) -> tuple[str, str]:
    return FIELD_NAMES.get(field, (field, field))


# Fields whose text may run over several lines; every other text field is one line, so a tab or
# line break pasted into a title becomes a space.
MULTILINE_FIELDS = frozenset({"text", "notes", "comment", "question", "reason", "what", "facilitators"})


def clean_text(value: str | None) -> str:
    """Text as stored: invisible and control characters stripped (zero-width characters, a BOM,
    bidi overrides and isolates, NUL and the other controls but tab and line breaks), NFC, sara
    am joined, trimmed. See :func:`sala.domain.thaitext.strip_invisible`: search queries are
    normalized the same way, so what is stored is what is found.

    Thai keyboards often type sara am (ำ) as nikhahit + sara aa (ํา), which looks the same but
    would not be found by a search for the real character; NFC does not join them, so we do.
    """
    return strip_invisible(value or "").strip()


def _field_text(value: str | None, field: str) -> str:
    text = clean_text(value)
    if field not in MULTILINE_FIELDS:
        text = " ".join(text.split())
    return text


def required_text(value: str | None, field: str, limit: int) -> str:
    """Text that must say something: empty once invisible characters are stripped is empty."""
    text = _field_text(value, field)
    th, en = _names(field)
    if not text:
        raise ValidationError(field, f"กรุณากรอก{th}", f"{en} is required")
    return limit_text(text, field, limit)


def optional_text(value: str | None, field: str, limit: int) -> str:
    return limit_text(_field_text(value, field), field, limit)


def limit_text(text: str, field: str, limit: int) -> str:
    if len(text) > limit:
        th, en = _names(field)
        raise ValidationError(
            field,
            f"{th}ยาว {len(text):,} ตัวอักษร เกินกำหนด {limit:,} ตัวอักษร กรุณาแบ่งหรือย่อข้อความ",
            f"{en} is {len(text):,} characters, over the limit of {limit:,}; split or shorten it",
        )
    return text


# What a screen shows for "nothing" and must never become a participant's code.
_PLACEHOLDER_CODES = {"NONE", "NULL", "N/A", "NA", "ไม่ระบุ", "ไม่มี"}


def participant_code(value: str | None, required: bool = False) -> str | None:
    code = clean_text(value)
    if not code:
        if required:
            raise ValidationError("code", "กรุณากรอกรหัสผู้เข้าร่วม เช่น P01", "Enter a participant code such as P01")
        return None
    if not any(ch.isalnum() for ch in code) or code.upper() in _PLACEHOLDER_CODES:
        th_else, en_else = ("", "") if required else (
            " หรือเว้นว่างไว้หากไม่ทราบผู้พูด", ", or leave it empty when the speaker is not known")
        raise ValidationError(
            "code",
            f"“{code}” ไม่ใช่รหัสผู้เข้าร่วม กรุณากรอกรหัสจริง เช่น P01{th_else}",
            f"“{code}” is not a participant code; enter a real code such as P01{en_else}",
        )
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
        t = limit_text(" ".join(clean_text(v).split()), "tags", 60)
        if t and t not in out:
            out.append(t)
    if len(out) > TAGS_MAX:
        raise ValidationError("tags", f"แท็กได้ไม่เกิน {TAGS_MAX} รายการ", f"At most {TAGS_MAX} tags")
    return out


EMAIL_MAX = 254
EMAIL_LOCAL_MAX = 64
_EMAIL_LOCAL = re.compile(r"^[^@\s\"(),:;<>\[\\\]]+$")
_EMAIL_LABEL = re.compile(r"^[^\W_](?:[\w-]{0,61}[^\W_])?$")


def email(value: str | None) -> str | None:
    """A plausible e-mail address (one @, a dotted domain, no spaces), domain in lower case.

    Deliberately not RFC 5322 in full: a field officer types an address read out loud, and
    the mistakes to catch are a missing @ or dot, a space, a doubled dot, a stray comma.
    """
    text = clean_text(value)
    if not text:
        return None
    local, at, domain = text.rpartition("@")
    labels = domain.split(".")
    ok = (
        at == "@" and "@" not in local and len(text) <= EMAIL_MAX
        and 0 < len(local) <= EMAIL_LOCAL_MAX and _EMAIL_LOCAL.match(local) is not None
        and not local.startswith(".") and not local.endswith(".") and ".." not in local
        and len(labels) >= 2 and all(_EMAIL_LABEL.match(x) for x in labels)
        and not labels[-1].isdigit() and len(labels[-1]) >= 2
    )
    if not ok:
        raise ValidationError(
            "email",
            f"อีเมล “{text}” ไม่ถูกต้อง กรุณาตรวจสอบอีกครั้ง เช่น somchai@example.go.th "
            f"(มี @ หนึ่งตัว มีจุดในชื่อโดเมน ไม่มีช่องว่าง ยาวไม่เกิน {EMAIL_MAX} ตัวอักษร)",
            f"“{text}” is not a valid e-mail address; check it, e.g. somchai@example.go.th "
            f"(one @, a dot in the domain, no spaces, at most {EMAIL_MAX} characters)",
        )
    return f"{local}@{domain.lower()}"


# Thai numbers once a +66 / 0066 prefix is turned back into the trunk 0: mobiles are 06/08/09
# + 8 digits (10 in all); landlines are 9 in all, Bangkok 02 + 7, the provinces 0[3457] + 7 (an
# area code such as 053 + 6). A 9-digit 06/08/09 number is a mobile missing a digit, so refused.
_PHONE_SEPARATORS = re.compile(r"[\s\-.()/]")
_MOBILE = re.compile(r"^0[689][0-9]{8}$")
_BANGKOK = re.compile(r"^02[0-9]{7}$")
_PROVINCIAL = re.compile(r"^0[3457][0-9]{7}$")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def phone(value: str | None) -> str | None:
    """A Thai phone number in its usual written form: ``081-234-5678``, ``02-123-4567``, ``053-123-456``.

    Dashes, spaces, dots and brackets are ignored; ``+66``/``0066`` (with or without the trunk
    ``(0)``) stands for the leading 0.
    """
    text = clean_text(value)
    if not text:
        return None
    digits = _PHONE_SEPARATORS.sub("", text).translate(_THAI_DIGITS)
    for prefix in ("+66", "0066"):
        if digits.startswith(prefix):
            digits = "0" + digits[len(prefix):].removeprefix("0")
    if _MOBILE.match(digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if _BANGKOK.match(digits):
        return f"{digits[:2]}-{digits[2:5]}-{digits[5:]}"
    if _PROVINCIAL.match(digits):
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    raise ValidationError(
        "phone",
        f"หมายเลขโทรศัพท์ “{text}” ไม่ถูกต้อง กรุณาตรวจสอบจำนวนหลัก: มือถือ 10 หลัก เช่น 081-234-5678 "
        "โทรศัพท์บ้าน 9 หลัก เช่น 02-123-4567 หรือ 053-123-456 (ขึ้นต้น +66 ได้)",
        f"“{text}” is not a valid Thai phone number; check the digits: a mobile has 10 (081-234-5678), "
        "a landline 9 (02-123-4567, 053-123-456); +66 may stand for the leading 0",
    )


# A head count: one session's room or one exhibition's visitors over its days.
ATTENDANCE_MAX = 100_000
# The breakdowns a head count may carry, each over one closed vocabulary.
ATTENDANCE_DIMENSIONS: dict[str, tuple[type[e.Labelled], str, str]] = {
    "age_band": (e.AgeBand, "ช่วงอายุ", "age band"),
    "gender": (e.Gender, "เพศ", "gender"),
    "occupation": (e.Occupation, "อาชีพ", "occupation"),
}


def head_count(value: object, field: str = "attendance_total") -> int:
    """A whole number of people from 0 to ATTENDANCE_MAX (Thai digits accepted)."""
    th, en = _names(field)
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        text = clean_text(value).replace(",", "").translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
        if text.lstrip("-").isdigit():
            number = int(text)
    if number is None:
        raise ValidationError(field, f"{th}ต้องเป็นจำนวนเต็ม", f"{en} must be a whole number")
    if number < 0:
        raise ValidationError(field, f"{th}ต้องไม่ติดลบ", f"{en} cannot be negative")
    if number > ATTENDANCE_MAX:
        raise ValidationError(field, f"{th} {number:,} คน มากเกินไป (ไม่เกิน {ATTENDANCE_MAX:,} คน) กรุณาตรวจสอบ",
                              f"{en} of {number:,} is too many (at most {ATTENDANCE_MAX:,}); check the number")
    return number


def attendance(total: object, detail: object = None) -> tuple[int | None, dict[str, dict[str, int]] | None]:
    """A clean ``(total, detail)`` pair for a session's head count.

    ``detail`` is ``{"age_band": {...}, "gender": {...}, "occupation": {...}}`` with enum values
    as keys; zero counts and empty groups are dropped, and no group may add up to more than the
    total (people not counted in a group are simply "not stated"). No total means no head count
    at all, so a breakdown without one is refused.
    """
    clean_total = None if total is None or (isinstance(total, str) and not total.strip()) else head_count(total)
    if detail is None:
        detail = {}
    if not isinstance(detail, dict):
        raise ValidationError("attendance_detail", "ข้อมูลจำแนกผู้เข้าร่วมไม่ถูกต้อง", "The attendance breakdown is malformed")
    unknown = sorted(set(detail) - set(ATTENDANCE_DIMENSIONS))
    if unknown:
        raise ValidationError("attendance_detail", f"จำแนกผู้เข้าร่วมตาม {', '.join(unknown)} ไม่ได้",
                              f"Attendance cannot be broken down by {', '.join(unknown)}")
    out: dict[str, dict[str, int]] = {}
    for dim, (enum, th, en) in ATTENDANCE_DIMENSIONS.items():
        counts = detail.get(dim) or {}
        if not isinstance(counts, dict):
            raise ValidationError("attendance_detail", f"จำนวนผู้เข้าร่วมตาม{th}ไม่ถูกต้อง",
                                  f"The attendance by {en} is malformed")
        clean: dict[str, int] = {}
        for key, n in counts.items():
            member = enum.parse(key, "attendance_detail")
            number = head_count(n, "attendance_detail")
            if number:
                clean[member.value] = clean.get(member.value, 0) + number
        if not clean:
            continue
        if clean_total is None:
            raise ValidationError("attendance_total", "กรุณากรอกจำนวนผู้เข้าร่วมทั้งหมดก่อนจำแนกตามกลุ่ม",
                                  "Enter the total attendance before breaking it down")
        added = sum(clean.values())
        if added > clean_total:
            raise ValidationError(
                "attendance_detail",
                f"ผู้เข้าร่วมจำแนกตาม{th}รวม {added:,} คน มากกว่าจำนวนทั้งหมด {clean_total:,} คน",
                f"The attendance by {en} adds up to {added:,}, more than the total of {clean_total:,}",
            )
        out[dim] = {m.value: clean[m.value] for m in enum if m.value in clean}
    return clean_total, out or None
