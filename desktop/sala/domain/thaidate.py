"""Buddhist Era dates, Thai month names and the Thai government fiscal year.

พ.ศ. = ค.ศ. + 543. The fiscal year (ปีงบประมาณ) runs 1 October – 30 September and is named by
the year in which it ends: 1 Oct 2025 – 30 Sep 2026 is ปีงบประมาณ 2569.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

BE_OFFSET = 543

MONTHS_TH = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_TH_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def _as_local_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return _to_local(value).date() if value.tzinfo else value.date()
    return value


def _to_local(value: datetime) -> datetime:
    # Imported when a time is shown, not with this module: the session list's first screen shows
    # dates only, and loading the time-zone database (~2 ms) would hold up its first paint.
    from sala.domain.clock import to_local

    return to_local(value)


def format_date(value: date | datetime, lang: str = "th", abbr: bool = False) -> str:
    """``22 พฤศจิกายน 2569`` in Thai (Buddhist Era), ``22 November 2026`` in English."""
    d = _as_local_date(value)
    if lang == "th":
        months = MONTHS_TH_ABBR if abbr else MONTHS_TH
        return f"{d.day} {months[d.month - 1]} {be_year(d.year)}"
    name = MONTHS_EN[d.month - 1]
    return f"{d.day} {name[:3] if abbr else name} {d.year}"


def format_datetime(value: datetime, lang: str = "th", abbr: bool = True) -> str:
    """Date plus local time, ``22 พ.ย. 2569 14:05 น.`` in Thai."""
    local = _to_local(value) if value.tzinfo else value
    suffix = " น." if lang == "th" else ""
    return f"{format_date(local, lang, abbr)} {local:%H:%M}{suffix}"


def fiscal_year(value: date | datetime) -> int:
    """The Thai fiscal year (BE) that contains ``value``."""
    d = _as_local_date(value)
    ce = d.year + 1 if d.month >= 10 else d.year
    return be_year(ce)


def fiscal_year_bounds(fy_be: int) -> tuple[date, date]:
    """First and last day (inclusive) of fiscal year ``fy_be`` (BE)."""
    end_ce = ce_year(fy_be)
    return date(end_ce - 1, 10, 1), date(end_ce, 9, 30)


def fiscal_year_label(fy_be: int, lang: str = "th") -> str:
    return f"ปีงบประมาณ {fy_be}" if lang == "th" else f"Fiscal year {fy_be} BE ({ce_year(fy_be)})"


def day_after(d: date) -> date:
    return d + timedelta(days=1)
