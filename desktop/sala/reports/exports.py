"""CSV and XLSX exports of sessions, participants and contributions, streamed. No Qt.

Rows come from one SQL statement per dataset, read ``CHUNK`` rows at a time (``yield_per``) and
written as they arrive, so 250,000 contributions never sit in memory together. CSV is UTF-8 with
a BOM because Excel otherwise reads Thai as mojibake; XLSX uses openpyxl's write-only mode.
Contact details (PDPA) appear only with ``include_personal_data`` and only for participants who
consented; text that a spreadsheet would run as a formula is neutralised.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import aliased

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.domain.errors import ValidationError
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date
from sala.reports.filters import ReportFilter
from sala.reports.output import atomic_output
from sala.storage.contact_vault import ContactVault, contact_columns
from sala.storage.database import Database
from sala.storage.models import (
    Amendment,
    Contribution,
    GuideQuestion,
    Participant,
    ParticipantContact,
    Rating,
    Session,
    Topic,
    session_topic,
)

DATASETS = ("sessions", "participants", "contributions")
FORMATS = ("csv", "xlsx")
CHUNK = 5000
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, minus the header row
CONSENTED = (e.ConsentKind.VERBAL, e.ConsentKind.WRITTEN)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    th: str
    en: str
    convert: Callable[[Any, str], Any] | None = None  # (value, lang) -> cell value


def _enum(cls: type[e.Labelled]) -> Callable[[Any, str], Any]:
    return lambda v, lang: cls(v).label(lang) if v is not None else ""


def _province(v: Any, lang: str) -> str:
    p = find_province(v) if v else None
    return p.label(lang) if p else (v or "")


def _be_date(v: Any, lang: str) -> str:
    return format_date(v, lang) if v else ""


def _iso(v: Any, _lang: str) -> str:
    if v is None:
        return ""
    if hasattr(v, "tzinfo") and getattr(v, "hour", None) is not None:
        return to_local(v).isoformat(timespec="seconds")
    return v.isoformat()


def _tags(v: Any, _lang: str) -> str:
    return ", ".join(v) if isinstance(v, list) else (v or "")


def _topics_of(session_id_col: Any, lang: str) -> Any:
    name = Topic.name_th if lang == "th" else Topic.name_en
    return (select(func.group_concat(name, ", ")).select_from(session_topic)
            .join(Topic, Topic.id == session_topic.c.topic_id)
            .where(session_topic.c.session_id == session_id_col).correlate(Session).scalar_subquery())


def _count(model: Any, col: Any) -> Any:
    return select(func.count(model.id)).where(col == Session.id).correlate(Session).scalar_subquery()


def _sessions(flt: ReportFilter, lang: str, _personal: bool) -> tuple[list[Column], Select]:
    cols = [Column("รหัสเวที", "session_id"), Column("วันที่", "date", _iso), Column("วันที่ (พ.ศ.)", "date_be", _be_date),
            Column("รูปแบบ", "kind", _enum(e.SessionKind)), Column("สถานะ", "status", _enum(e.SessionStatus)),
            Column("ชื่อเวที", "title"), Column("ประเด็น", "topics"), Column("จังหวัด", "province", _province),
            Column("อำเภอ", "district"), Column("ผู้ดำเนินรายการ", "facilitators"),
            # Times in Thailand's local time (ISO 8601 with +07:00), planned and actual apart.
            Column("เริ่มตามกำหนดการ", "planned_start", _iso), Column("สิ้นสุดตามกำหนดการ", "planned_end", _iso),
            Column("เริ่มจริง", "started_at", _iso), Column("สิ้นสุดจริง", "ended_at", _iso),
            Column("ผู้เข้าร่วม", "attendance"), Column("ผู้ลงทะเบียนรหัส", "registered_participants"),
            Column("ผู้แสดงความเห็น", "speakers"),
            Column("ความคิดเห็น", "contributions"), Column("ผู้ให้คะแนน", "ratings")]
    speakers = (select(func.count(func.distinct(Contribution.participant_id)))
                .where(Contribution.session_id == Session.id, Contribution.participant_id.isnot(None))
                .correlate(Session).scalar_subquery())
    fields: list[Any] = [Session.id, Session.session_date, Session.session_date, Session.kind, Session.status,
                         Session.title, _topics_of(Session.id, lang), Session.province_code, Session.district,
                         Session.facilitators, Session.planned_start, Session.planned_end, Session.started_at,
                         Session.ended_at, Session.attendance_total, _count(Participant, Participant.session_id),
                         speakers, _count(Contribution, Contribution.session_id), _count(Rating, Rating.session_id)]
    return cols, flt.apply(select(*fields)).order_by(Session.session_date, Session.id)


def _participants(flt: ReportFilter, lang: str, personal: bool) -> tuple[list[Column], Select]:
    cols = [Column("รหัสผู้เข้าร่วม", "participant_id"), Column("รหัสเวที", "session_id"),
            Column("วันที่เวที", "session_date", _iso), Column("ชื่อเวที", "session_title"), Column("รหัส", "code"),
            Column("ช่วงอายุ", "age_band", _enum(e.AgeBand)),
            Column("เพศ", "gender", _enum(e.Gender)), Column("อาชีพ", "occupation", _enum(e.Occupation)),
            Column("จังหวัด", "province", _province), Column("ความยินยอม", "consent", _enum(e.ConsentKind))]
    fields: list[Any] = [Participant.id, Session.id, Session.session_date, Session.title, Participant.code,
                         Participant.age_band, Participant.gender, Participant.occupation, Participant.province_code,
                         Participant.consent]
    stmt = select(*fields).join(Session, Session.id == Participant.session_id)
    if personal:
        cols += [Column("ชื่อ", "name"), Column("โทรศัพท์", "phone"), Column("อีเมล", "email")]
        # The join itself enforces consent: without it (or once sealed) the columns stay empty.
        ok = and_(ParticipantContact.participant_id == Participant.id, Participant.consent.in_(CONSENTED),
                  ParticipantContact.sealed.is_(None))
        # Encrypted at rest: the row's contact columns are opened in ``rows`` (``_open_contacts``).
        stmt = stmt.add_columns(*contact_columns()).outerjoin(ParticipantContact, ok)
    return cols, flt.apply(stmt).order_by(Session.session_date, Session.id, Participant.code)


def _contributions(flt: ReportFilter, lang: str, _personal: bool) -> tuple[list[Column], Select]:
    cols = [Column("รหัสความคิดเห็น", "contribution_id"), Column("รหัสเวที", "session_id"),
            Column("วันที่เวที", "session_date", _iso), Column("ชื่อเวที", "session_title"),
            Column("เวลาที่บันทึก", "recorded_at", _iso), Column("ประเภท", "type", _enum(e.ContributionType)),
            Column("จุดยืน", "stance", _enum(e.Stance)), Column("ประเด็น", "topic"),
            Column("รหัสผู้เสนอ", "participant_code"),
            Column("คำถาม", "question"), Column("แท็ก", "tags", _tags), Column("ข้อความ", "text"),
            Column("จำนวนการแก้ไขเพิ่มเติม", "amendments")]
    p = aliased(Participant)
    amendments = (select(func.count(Amendment.id)).where(Amendment.target_id == Contribution.id)
                  .correlate(Contribution).scalar_subquery())
    stmt = (select(Contribution.id, Session.id, Session.session_date, Session.title, Contribution.recorded_at,
                   Contribution.type, Contribution.stance, Topic.name_th if lang == "th" else Topic.name_en, p.code,
                   GuideQuestion.text, Contribution.tags, Contribution.text, amendments)
            .join(Session, Session.id == Contribution.session_id)
            .outerjoin(Topic, Topic.id == Contribution.topic_id)
            .outerjoin(p, p.id == Contribution.participant_id)
            .outerjoin(GuideQuestion, GuideQuestion.id == Contribution.question_id))
    # Index order (ix_contribution_session): sorting 250,000 rows by session date instead would
    # make SQLite build the whole sorted result in memory (temp_store=MEMORY) before the first row.
    return cols, flt.apply(stmt).order_by(Contribution.session_id, Contribution.recorded_at)


_BUILDERS = {"sessions": _sessions, "participants": _participants, "contributions": _contributions}


def _safe_text(value: str) -> str:
    """Text a spreadsheet would evaluate (=HYPERLINK(...), +cmd) gets a leading apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def rows(db: Database, dataset: str, flt: ReportFilter, *, lang: str = "th", include_personal_data: bool = False,
         chunk: int = CHUNK) -> tuple[list[str], int, Iterator[list[Any]]]:
    """Header, row count and a lazy row iterator (holds a read transaction until exhausted)."""
    if dataset not in _BUILDERS:
        raise ValidationError("dataset", f"ไม่รู้จักชุดข้อมูล “{dataset}” (ใช้ได้: {', '.join(DATASETS)})",
                              f"Unknown dataset “{dataset}” (one of: {', '.join(DATASETS)})")
    cols, stmt = _BUILDERS[dataset](flt, lang, include_personal_data)
    with db.read() as s:
        total = int(s.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)
    header = [c.th if lang == "th" else c.en for c in cols]

    vault = ContactVault(db.device_id) if dataset == "participants" and include_personal_data else None

    def generate() -> Iterator[list[Any]]:
        with db.read() as s:
            for raw in s.execute(stmt.execution_options(yield_per=chunk)):
                values = _open_contacts(vault, raw) if vault is not None else tuple(raw)
                out = []
                for col, value in zip(cols, values, strict=True):
                    value = col.convert(value, lang) if col.convert else value
                    out.append(_safe_text(value) if isinstance(value, str) else ("" if value is None else value))
                yield out

    return header, total, generate()


def _open_contacts(vault: ContactVault, raw: Any) -> tuple[Any, ...]:
    """The row with its trailing ``contact_columns()`` replaced by the name, phone and e-mail."""
    n = len(contact_columns())
    head, tail = tuple(raw[:-n]), raw[-n:]
    fields = SimpleNamespace(**dict(zip(("participant_id", "box", "key_id", "sealed", "name", "phone", "email"),
                                        tail, strict=True)))
    contact = vault.decrypt_contact(fields) if fields.participant_id is not None else None
    return (*head, *((contact.name, contact.phone, contact.email) if contact else ("", "", "")))


def export(db: Database, dataset: str, fmt: str, target: str | Path, flt: ReportFilter | None = None, *,
           lang: str = "th", include_personal_data: bool = False, chunk: int = CHUNK,
           progress: Callable[[float, str], None] | None = None) -> int:
    """Write ``dataset`` as ``fmt`` ("csv"/"xlsx") to ``target``; returns the number of data rows."""
    if fmt not in FORMATS:
        raise ValidationError("format", f"รูปแบบไฟล์ “{fmt}” ไม่รองรับ (ใช้ csv หรือ xlsx)",
                              f"Unsupported format “{fmt}” (use csv or xlsx)")
    flt = flt or ReportFilter()
    header, total, data = rows(db, dataset, flt, lang=lang, include_personal_data=include_personal_data, chunk=chunk)
    if fmt == "xlsx" and total > XLSX_MAX_ROWS:
        raise ValidationError("format", f"มี {total:,} แถว เกินขีดจำกัดของ Excel ({XLSX_MAX_ROWS:,}) ใช้ CSV แทน",
                              f"{total:,} rows exceed Excel's limit of {XLSX_MAX_ROWS:,}; export as CSV instead")
    step = progress or (lambda _f, _m: None)
    with atomic_output(Path(target)) as tmp:
        written = (_write_csv if fmt == "csv" else _write_xlsx)(tmp, header, data, total, step, dataset)
    step(1.0, "")
    return written


def _write_csv(path: Path, header: Sequence[str], data: Iterator[list[Any]], total: int,
               step: Callable[[float, str], None], _sheet: str) -> int:
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for n, row in enumerate(data, 1):
            writer.writerow(row)
            if n % CHUNK == 0:
                step(n / max(total, 1), "")
    return n


def _write_xlsx(path: Path, header: Sequence[str], data: Iterator[list[Any]], total: int,
                step: Callable[[float, str], None], sheet: str) -> int:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(header))
    n = 0
    for n, row in enumerate(data, 1):
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
        if n % CHUNK == 0:
            step(n / max(total, 1), "")
    wb.save(path)
    return n


