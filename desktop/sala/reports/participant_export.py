"""A participant's own copy of what the laptop holds about them (PDPA access right). No Qt.

Two files, both readable by the owner only (0600), named with the Buddhist Era date: a Thai
PDF to print and hand over (Sarabun, shaped and broken between words like every Sala report)
and a JSON file with the same content for machines. Unlike every other export, this one holds
the person's contact details: it is made for them, at their request.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date, format_datetime
from sala.paths import PRIVATE_FILE
from sala.reports.filenames import safe_file_name
from sala.reports.layout import gap, heading, key_values, note, report_styles, tr
from sala.reports.output import atomic_output
from sala.reports.thai_pdf import build_pdf, thai_paragraph, thai_table
from sala.services.participant_rights import (
    CONTACT_NONE,
    CONTACT_READABLE,
    CONTACT_SEALED,
    ParticipantFile,
    ParticipantRecord,
)


@dataclass(frozen=True)
class ExportFiles:
    pdf: Path
    json: Path


def _be_day(when: datetime) -> str:
    """``1 ธ.ค. 2569``: the Buddhist Era date in Thailand, whatever the language."""
    return format_date(to_local(when).date(), "th", abbr=True)


def export_file_stem(data: ParticipantFile, lang: str = "th") -> str:
    codes = sorted({r.code for r in data.records})
    who = " ".join(codes[:3]) + (" …" if len(codes) > 3 else "")
    head = "ข้อมูลผู้เข้าร่วม" if lang == "th" else "Participant data"
    return f"{head} {who} {_be_day(data.made_at)}"


def write_export(data: ParticipantFile, folder: Path, lang: str = "th") -> ExportFiles:
    """Write the PDF and the JSON file into ``folder``; each appears whole or not at all."""
    stem = export_file_stem(data, lang)
    pdf = Path(folder) / safe_file_name(stem, ".pdf")
    js = Path(folder) / safe_file_name(stem, ".json")
    doc = json.dumps(data.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    with atomic_output(js) as tmp:
        os.chmod(tmp, PRIVATE_FILE)
        tmp.write_bytes(doc)
    try:
        with atomic_output(pdf) as tmp:
            os.chmod(tmp, PRIVATE_FILE)
            build_pdf(tmp, story(data, lang), title=stem, lang=lang, styles=report_styles(lang))
    except BaseException:
        js.unlink(missing_ok=True)   # both or neither
        raise
    return ExportFiles(pdf, js)


def _label(enum: type[e.Labelled], value: str | None, lang: str) -> str:
    if not value:
        return "-"
    try:
        return enum(value).label(lang)
    except ValueError:
        return value


def _contact_text(r: ParticipantRecord, lang: str) -> str:
    if r.contact_state == CONTACT_READABLE:
        parts = [p for p in (r.contact_name, r.contact_phone, r.contact_email) if p]
        return ", ".join(parts)
    if r.contact_state == CONTACT_SEALED:
        return tr(lang, "เข้ารหัสส่งถึงแพลตฟอร์มกลางแล้ว เครื่องนี้เปิดอ่านไม่ได้ (ขอได้จากแพลตฟอร์มกลาง)",
                  "Sealed for the central platform; this laptop cannot open it (ask the platform)")
    if r.contact_state == CONTACT_NONE:
        return tr(lang, "ไม่ได้ให้ไว้", "None given")
    return tr(lang, "อ่านไม่ได้ในเครื่องนี้ (ไม่พบกุญแจเข้ารหัส)", "Unreadable on this laptop (key not found)")


def _when(value: datetime | date | None, lang: str) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return format_datetime(value, lang)
    return format_date(value, lang)


def _record(r: ParticipantRecord, lang: str) -> list[Flowable]:
    st = report_styles(lang)
    province = find_province(r.province_code) if r.province_code else None
    consent = _label(e.ConsentKind, r.consent, lang)
    if r.consent_at is not None:
        consent += f" ({_when(r.consent_at, lang)})"
    rows = [
        (tr(lang, "วันที่", "Date"), _when(r.session_date, lang)),
        (tr(lang, "ประเภทเวที", "Kind"), _label(e.SessionKind, r.session_kind, lang)),
        (tr(lang, "สถานะ", "Status"), _label(e.SessionStatus, r.session_status, lang)),
        (tr(lang, "รหัสผู้เข้าร่วม", "Participant code"), r.code),
        (tr(lang, "ช่วงอายุ", "Age band"), _label(e.AgeBand, r.age_band, lang)),
        (tr(lang, "เพศ", "Gender"), _label(e.Gender, r.gender, lang)),
        (tr(lang, "อาชีพ", "Occupation"), _label(e.Occupation, r.occupation, lang)),
        (tr(lang, "จังหวัด", "Province"), province.label(lang) if province else "-"),
        (tr(lang, "ความยินยอม", "Consent"), consent),
        (tr(lang, "ข้อมูลติดต่อ", "Contact"), _contact_text(r, lang)),
    ]
    out: list[Flowable] = [*heading(r.session_title, st.h2), key_values(rows, st, 38 * mm), gap()]
    if r.contributions:
        table = [[tr(lang, "เวลา", "When"), tr(lang, "ประเภท", "Type"), tr(lang, "ความคิดเห็น", "What was said")]]
        for c in r.contributions:
            said = c.text if not c.question else f"{c.text}\n({tr(lang, 'คำถาม', 'Question')}: {c.question})"
            table.append([_when(c.recorded_at, lang), _label(e.ContributionType, c.type, lang), said])
        out.append(thai_table(table, [34 * mm, 26 * mm, None], st))
    else:
        out.append(note(tr(lang, "ไม่มีความคิดเห็นที่บันทึกในชื่อรหัสนี้", "No contribution recorded under this code"), st))
    out.append(gap(5))
    return out


def story(data: ParticipantFile, lang: str) -> list[Flowable]:
    st = report_styles(lang)
    keys = {"code": ("รหัส", "code"), "name": ("ชื่อ", "name"), "phone": ("โทรศัพท์", "phone")}
    asked = ", ".join(f"{tr(lang, *keys.get(k, (k, k)))}: {v}" for k, v in data.query.items() if v) or "-"
    out: list[Flowable] = [
        thai_paragraph(tr(lang, "ข้อมูลของผู้เข้าร่วมที่บันทึกไว้ในเครื่องนี้", "What this laptop holds about a participant"),
                       st.title),
        key_values([
            (tr(lang, "จัดทำเมื่อ", "Made"), _when(data.made_at, lang)),
            (tr(lang, "ค้นหาจาก", "Found by"), asked),
            (tr(lang, "เครื่อง", "Laptop"), data.device_id),
            (tr(lang, "จำนวนเวที", "Sessions"), str(len(data.records))),
        ], st, 38 * mm),
        gap(5),
    ]
    for r in data.records:
        out += _record(r, lang)
    out.append(note(tr(
        lang,
        "เอกสารนี้จัดทำตามคำขอของเจ้าของข้อมูลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 "
        "ท่านขอให้ลบข้อมูลส่วนบุคคล (ชื่อ โทรศัพท์ อีเมล และการเชื่อมโยงความคิดเห็นกับตัวท่าน) ได้ "
        "โดยแจ้งเจ้าหน้าที่ เนื้อหาความคิดเห็นจะคงไว้โดยไม่ระบุตัวผู้พูด",
        "Made at the data subject's request under Thailand's Personal Data Protection Act B.E. 2562. "
        "You may ask for your personal data (name, phone, e-mail and the link between you and what you "
        "said) to be erased; the words said stay, without saying who said them."), st))
    return out
