"""Default file names for printed reports, as a Thai official would file them. No Qt.

"สรุปผลเวที <title> 26 ต.ค. 2568.pdf" for a session summary and "รายงาน ปีงบประมาณ 2570.pdf" for a
period report: the session's own title, the Buddhist Era date in Thailand's time zone, Thai kept
as it is. Names are safe on Windows and Linux file systems: no reserved characters or device
names, no trailing dot or space, and short enough in UTF-8 bytes (Thai letters take three each)
for ext4's 255-byte limit. A title too long is cut between words (PyThaiNLP's, as lines are
broken in the PDF) and ends with "…"; only a single word longer than the limit is cut between
letter clusters, so no mark ever loses its letter.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from sala.domain.clock import now, to_local
from sala.domain.provinces import find_province
from sala.domain.thaidate import fiscal_year_label, format_date
from sala.reports.filters import ReportFilter
from sala.reports.thai_break import cluster_bounds, word_pieces
from sala.storage.database import Database
from sala.storage.models import Session

MAX_NAME_BYTES = 200  # well under 255, leaving room for "(2)" or a ".part" temporary suffix
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                       *(f"LPT{i}" for i in range(1, 10))})


def clean_name_part(text: str) -> str:
    """``text`` without characters a file name may not hold; white space collapsed."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if _FORBIDDEN.match(ch) else ch for ch in text
                   if unicodedata.category(ch) != "Cf")  # ZWSP, joiners, direction marks
    return " ".join(text.split())


ELLIPSIS = "…"


def _word_bounds(text: str) -> list[int]:
    """Offsets in ``text`` where a word ends: at spaces, and between PyThaiNLP's Thai words."""
    bounds: list[int] = []
    at = 0
    for chunk in re.split(r"(\s+)", text):
        if chunk and not chunk.isspace():
            for piece in word_pieces(chunk):
                at += len(piece)
                bounds.append(at)
        else:
            at += len(chunk)
    return bounds


def _truncate(text: str, max_bytes: int) -> str:
    """``text`` cut to at most ``max_bytes`` of UTF-8 between words, marked with "…"."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    room = max_bytes - len(ELLIPSIS.encode("utf-8"))

    def fits(b: int) -> bool:
        return len(text[:b].encode("utf-8")) <= room

    cut = max((b for b in _word_bounds(text) if fits(b)), default=0)
    if cut == 0:  # one word longer than the room: between letter clusters, never inside one
        cut = max((b for b in cluster_bounds(text) if fits(b)), default=0)
    return text[:cut].rstrip() + ELLIPSIS if cut else ""


def safe_file_name(stem: str, suffix: str = ".pdf", max_bytes: int = MAX_NAME_BYTES) -> str:
    """``stem`` + ``suffix`` made safe to save on Windows and Linux; Thai and spaces kept."""
    text = _truncate(clean_name_part(stem), max_bytes - len(suffix.encode("utf-8"))).strip(" .")
    if not text:
        text = "report"
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{text}_"
    return text + suffix


def _named(head: str, title: str, tail: str) -> str:
    """"<head> <title> <tail>.pdf" with the title shortened, not the tail, when too long."""
    fixed = len(f"{head}  {tail}.pdf_".encode())
    title = _truncate(clean_name_part(title), MAX_NAME_BYTES - fixed).strip(" .")
    return safe_file_name(" ".join(p for p in (head, title, tail) if p))


def _day(when: date | datetime | None) -> date:
    if when is None:
        return to_local(now()).date()
    if isinstance(when, datetime):
        return to_local(when).date()
    return when


def session_summary_file_name(title: str, when: date | datetime | None = None, lang: str = "th") -> str:
    """Default name of a session summary: "สรุปผลเวที <title> 26 ต.ค. 2568.pdf".

    ``when`` is the session's date (a ``date``, or a datetime shown in Thailand's time zone);
    ``None`` means today in Thailand. English names use the Common Era, as the English report does.
    """
    return _named("สรุปผลเวที" if lang == "th" else "Session summary", title, format_date(_day(when), lang, abbr=True))


def period_report_file_name(flt: ReportFilter, lang: str = "th", when: date | datetime | None = None) -> str:
    """Default name of a period report: "รายงาน ปีงบประมาณ 2570 เชียงใหม่.pdf" (the filter's
    fiscal year, province, topic and kind, as set); without a fiscal year, today's date:
    "รายงาน ณ 1 ธ.ค. 2569.pdf"."""
    th = lang == "th"
    parts: list[str] = []
    if flt.fiscal_year:
        parts.append(fiscal_year_label(flt.fiscal_year, lang) if th else f"FY {flt.fiscal_year} BE")
    prov = find_province(flt.province_code) if flt.province_code else None
    if prov:
        parts.append(prov.label(lang))
    if flt.topic_id:
        parts.append(flt.topic_label_th if th else flt.topic_label_en)
    if flt.kind:
        parts.append(flt.kind.label(lang))
    tail = "" if flt.fiscal_year else ("ณ " if th else "as of ") + format_date(_day(when), lang, abbr=True)
    return _named("รายงาน" if th else "Report", " ".join(p for p in parts if p), tail)


def session_file_name(db: Database, session_id: str, lang: str = "th") -> str:
    """:func:`session_summary_file_name` for a stored session (its title and date)."""
    with db.read() as s:
        x = s.get(Session, session_id)
        title, day = (x.title, x.session_date) if x is not None else ("", None)
    return session_summary_file_name(title, day, lang)
