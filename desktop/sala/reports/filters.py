"""Which sessions a period report or an export covers, parsed from what a user typed. No Qt.

The CLI and the dialogs both accept loose input (a province by code or name, a topic by code or
name, a fiscal year in the Buddhist Era) and must turn a mistake into a Thai+English message
*before* any work starts, so parsing lives here, once, next to the SQL it feeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, or_, select

from sala.domain import enums as e
from sala.domain.errors import NotFoundError, ValidationError
from sala.domain.provinces import find_province
from sala.domain.thaidate import fiscal_year_bounds, fiscal_year_label, format_date
from sala.storage.database import Database
from sala.storage.models import Session, Topic, session_topic

# Sala's data starts in the 2560s BE; anything far outside is a typo or a Common Era year.
BE_MIN, BE_MAX = 2500, 2700


@dataclass(frozen=True)
class ReportFilter:
    """A validated selection of sessions; every field optional (None = all)."""

    fiscal_year: int | None = None
    province_code: str | None = None
    topic_id: str | None = None
    topic_label_th: str = ""
    topic_label_en: str = ""
    kind: e.SessionKind | None = None
    session_id: str | None = None

    def bounds(self) -> tuple[date, date] | None:
        return fiscal_year_bounds(self.fiscal_year) if self.fiscal_year else None

    def apply(self, stmt: Select) -> Select:
        """Add this filter's WHERE clauses to a statement that already involves ``Session``."""
        if self.session_id:
            stmt = stmt.where(Session.id == self.session_id)
        if self.fiscal_year:
            first, last = fiscal_year_bounds(self.fiscal_year)
            stmt = stmt.where(Session.session_date >= first, Session.session_date <= last)
        if self.province_code:
            stmt = stmt.where(Session.province_code == self.province_code)
        if self.kind:
            stmt = stmt.where(Session.kind == self.kind)
        if self.topic_id:
            stmt = stmt.where(Session.id.in_(select(session_topic.c.session_id)
                                              .where(session_topic.c.topic_id == self.topic_id)))
        return stmt

    def session_ids(self) -> Select:
        """``SELECT session.id`` for the sessions this filter covers (a subquery for aggregates)."""
        return self.apply(select(Session.id))

    def describe(self, lang: str = "th") -> list[tuple[str, str]]:
        """(label, value) pairs for a report's header; "all" where a field is not set."""
        th = lang == "th"
        every = "ทั้งหมด" if th else "All"
        rows: list[tuple[str, str]] = []
        if self.fiscal_year:
            first, last = fiscal_year_bounds(self.fiscal_year)
            rows.append(("ช่วงเวลา" if th else "Period",
                         f"{fiscal_year_label(self.fiscal_year, lang)} "
                         f"({format_date(first, lang)} – {format_date(last, lang)})"))
        else:
            rows.append(("ช่วงเวลา" if th else "Period", "ทุกช่วงเวลา" if th else "All dates"))
        prov = find_province(self.province_code) if self.province_code else None
        rows.append(("จังหวัด" if th else "Province", prov.label(lang) if prov else every))
        rows.append(("ประเด็น" if th else "Topic",
                     (self.topic_label_th if th else self.topic_label_en) if self.topic_id else every))
        rows.append(("รูปแบบเวที" if th else "Session kind", self.kind.label(lang) if self.kind else every))
        return rows


def parse_fiscal_year(value: object) -> int:
    """A Buddhist Era fiscal year (e.g. 2569); a Common Era year gets a pointed hint."""
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValidationError("fiscal_year", f"ปีงบประมาณ “{value}” ต้องเป็นตัวเลขปี พ.ศ. เช่น 2569",
                              f"Fiscal year “{value}” must be a Buddhist Era year such as 2569") from None
    if 1900 <= year <= 2200:
        raise ValidationError("fiscal_year",
                              f"ปี {year} เป็นปี ค.ศ. ปีงบประมาณต้องเป็นปี พ.ศ. เช่น {year + 543}",
                              f"{year} is a Common Era year; give the fiscal year in the Buddhist Era, "
                              f"e.g. {year + 543}")
    if not BE_MIN <= year <= BE_MAX:
        raise ValidationError("fiscal_year", f"ปีงบประมาณ {year} ไม่ใช่ปี พ.ศ. ที่ถูกต้อง (เช่น 2569)",
                              f"{year} is not a valid Buddhist Era fiscal year (e.g. 2569)")
    return year


def parse_province(value: str) -> str:
    prov = find_province(value)
    if prov is None:
        raise ValidationError("province", f"ไม่รู้จักจังหวัด “{value}” ใช้ชื่อจังหวัดหรือรหัส เช่น เชียงใหม่ หรือ CMI",
                              f"Unknown province “{value}”; give a province name or code, e.g. Chiang Mai or CMI")
    return prov.code


def find_topic(db: Database, value: str) -> Topic:
    """A topic by id, code, Thai name or English name (case-insensitive for Latin)."""
    needle = value.strip()
    with db.read() as s:
        topic = s.scalars(select(Topic).where(or_(Topic.id == needle, Topic.code == needle,
                                                  Topic.name_th == needle, Topic.name_en == needle))).first()
        if topic is None:
            folded = needle.casefold()
            topic = next((t for t in s.scalars(select(Topic))
                          if folded in (t.code.casefold(), t.name_en.casefold())), None)
    if topic is None:
        raise ValidationError("topic", f"ไม่พบประเด็น “{value}” ใช้รหัสหรือชื่อประเด็นที่มีในระบบ",
                              f"Unknown topic “{value}”; give the code or name of an existing topic")
    return topic


def parse_filter(db: Database, *, fiscal_year: object = None, province: str | None = None,
                 topic: str | None = None, kind: str | None = None, session_id: str | None = None) -> ReportFilter:
    """Validate loose input into a :class:`ReportFilter`; raises bilingual ValidationError."""
    fy = parse_fiscal_year(fiscal_year) if fiscal_year not in (None, "") else None
    prov = parse_province(province) if province else None
    t = find_topic(db, topic) if topic else None
    k = e.SessionKind.parse(kind, "kind") if kind else None
    if session_id:
        require_session(db, session_id)
    return ReportFilter(fy, prov, t.id if t else None, t.name_th if t else "", t.name_en if t else "", k,
                        session_id or None)


def require_session(db: Database, session_id: str) -> None:
    with db.read() as s:
        if s.get(Session, session_id) is None:
            raise NotFoundError("เวที / session", session_id)


def count_sessions(db: Database, flt: ReportFilter) -> int:
    """How many sessions ``flt`` selects: for a dialog to show before a report is produced."""
    from sqlalchemy import func

    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(flt.session_ids().subquery())) or 0)
