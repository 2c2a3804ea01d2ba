"""The A4 summary of one session, printed at the end of it to read back and file. No Qt.

Laid out like a Thai government memo: agency line, title, labelled header rows (topic, venue,
province, date in the Buddhist Era), then numbered sections — participation, what was said,
focus-group answers, observations, tallies, ratings and dot-votes, action items, photos — and a
sign-off block. Sections a session kind does not have are left out; empty ones say so.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Table, TableStyle

from sala.domain import enums as e
from sala.domain.clock import now, to_local
from sala.domain.thaidate import format_date
from sala.reports.charts import chart_with_legend
from sala.reports.layout import (
    CONTENT_WIDTH,
    Progress,
    agency_lines,
    gap,
    heading,
    key_values,
    marked,
    no_progress,
    note,
    report_styles,
    tr,
)
from sala.reports.output import atomic_output
from sala.reports.session_data import (
    AmendmentNote,
    Attendance,
    Counts,
    Line,
    Photo,
    SessionData,
    load_session_data,
)
from sala.reports.thai_pdf import ThaiStyles, build_pdf, thai_paragraph, thai_table
from sala.storage.database import Database

THUMB_W, THUMB_H = 76 * mm, 58 * mm
PEOPLE, ITEMS, VOTES = ("คน", "people"), ("รายการ", "items"), ("โหวต", "votes")  # chart totals' units


def printed_at(lang: str) -> str:
    """Now, in Thailand's local time: "1 ธันวาคม 2569 เวลา 03:19 น." / "1 December 2026, 03:19"."""
    local = to_local(now())
    return tr(lang, f"{format_date(local, lang)} เวลา {local:%H:%M} น.", f"{format_date(local, lang)}, {local:%H:%M}")


def amendment_text(a: AmendmentNote, lang: str) -> str:
    """One line saying what an amendment changed, from what, and why."""
    if lang == "th":
        changes = "; ".join(f"{a.labels[k]} เดิม “{old}” แก้เป็น “{new}”" for k, (old, new) in a.fields.items())
        reasons = "; ".join(f"{why} ({when})" for when, why in a.reasons)
        return f"[แก้ไขเพิ่มเติม] {changes} เหตุผล: {reasons}"
    changes = "; ".join(f"{a.labels[k]} was “{old}”, corrected to “{new}”" for k, (old, new) in a.fields.items())
    reasons = "; ".join(f"{why} ({when})" for when, why in a.reasons)
    return f"[Amended] {changes}. Reason: {reasons}"


def _text_cell(text: str, a: AmendmentNote | None, st: ThaiStyles) -> Flowable:
    if a is None:
        return thai_paragraph(text, st.cell)
    return thai_paragraph(marked(text, amendment_text(a, st.lang), size=st.cell.fontSize - 2), st.cell, markup=True)


class _Sections:
    """Numbers section headings as they are added (sections a session lacks are skipped)."""

    def __init__(self, st: ThaiStyles) -> None:
        self.st, self.n, self.out = st, 0, []  # type: ignore[var-annotated]

    def head(self, th: str, en: str) -> None:
        self.n += 1
        self.out.extend(heading(f"{self.n}. {tr(self.st.lang, th, en)}", self.st.h1))

    def add(self, *flowables: Flowable) -> None:
        self.out.extend(flowables)


def _header(d: SessionData, st: ThaiStyles, agency: str | None, unit: str | None) -> list[Flowable]:
    lang = d.lang
    rows = [
        (tr(lang, "เรื่อง", "Subject"), d.title),
        (tr(lang, "รูปแบบเวที", "Session kind"), d.kind_label),
        (tr(lang, "ประเด็น", "Agenda"), ", ".join(d.topics) or "-"),
        (tr(lang, "สถานที่", "Venue"), d.venue or "-"),
        (tr(lang, "อำเภอ/จังหวัด", "District/province"), " ".join(x for x in (d.district, d.province) if x)),
        (tr(lang, "วันที่", "Date"), d.date_text),
        (tr(lang, "เวลา", "Time"), d.time_text or "-"),
        (tr(lang, "ผู้ดำเนินรายการ", "Facilitators"), d.facilitators or "-"),
        (tr(lang, "สถานะ", "Status"), d.status_label),
    ]
    out: list[Flowable] = [*agency_lines(agency, unit, st),
                           thai_paragraph(tr(lang, "สรุปผลการจัดเวทีรับฟังความคิดเห็น", "Consultation session summary"),
                                          st.title),
                           key_values(rows, st)]
    if d.session_amendment:
        out.append(thai_paragraph(amendment_text(d.session_amendment, lang), st.small))
    if d.notes:
        out += [gap(1), thai_paragraph(f"{tr(lang, 'หมายเหตุ', 'Notes')}: {d.notes}", st.body)]
    return out


def head_count_text(d: SessionData) -> str:
    """"ผู้เข้าร่วม 30 คน (ผู้แสดงความเห็น 4 คน)": the head count apart from those who spoke."""
    lang = d.lang
    spoke = tr(lang, f"ผู้แสดงความเห็น {d.speakers:,} คน", f"{d.speakers:,} spoke")
    if d.attendance is None:
        return tr(lang, f"ไม่ได้บันทึกจำนวนผู้เข้าร่วม ({spoke})", f"Attendance not recorded ({spoke})")
    return tr(lang, f"ผู้เข้าร่วม {d.attendance.total:,} คน ({spoke})", f"{d.attendance.total:,} attended ({spoke})")


def _participation(d: SessionData, sec: _Sections) -> None:
    st, lang = sec.st, d.lang
    exhibition = d.kind == e.SessionKind.EXHIBITION
    sec.head("ผู้เข้าร่วม", "Participation")
    if exhibition:
        if d.attendance is not None:
            sec.add(thai_paragraph(tr(lang, f"ผู้เยี่ยมชม {d.attendance.total:,} คน", f"{d.attendance.total:,} visitors"),
                                   st.body))
        sec.add(thai_paragraph(tr(lang, f"ผู้เยี่ยมชมที่ให้คะแนน {d.participants_total:,} คน",
                                  f"{d.participants_total:,} visitors rated"), st.body))
    else:
        sec.add(thai_paragraph(head_count_text(d), st.body))
    a = d.attendance
    if a is not None and (a.age_bands or a.genders or a.occupations):
        everyone = (tr(lang, f"ผู้เยี่ยมชมทั้งหมด {a.total:,} คน", f"All {a.total:,} visitors") if exhibition
                    else tr(lang, f"ผู้เข้าร่วมทั้งหมด {a.total:,} คน", f"All {a.total:,} who attended"))
        sec.add(*heading(everyone, st.h2))
        _profile(a.age_bands, a.genders, a.occupations, sec)
    if exhibition and d.participants_total and d.age_bands:
        # the count of visitors who rated is printed once, above (issue 10); this heads their profile
        sec.add(*heading(tr(lang, "ช่วงอายุที่ผู้ให้คะแนนระบุ", "Age bands given by those who rated"), st.h2))
        _profile(d.age_bands, [], [], sec)
    elif not exhibition and d.participants_total:
        some = tr(lang, f"ผู้ที่ลงทะเบียนรหัสไว้ {d.participants_total:,} คน",
                  f"{d.participants_total:,} people registered with a code")
        sec.add(*heading(some, st.h2))
        _profile(d.age_bands, d.genders, d.occupations, sec)


def _profile(age_bands: Counts, genders: Counts, occupations: Counts, sec: _Sections) -> None:
    st, lang = sec.st, sec.st.lang
    if age_bands:
        sec.add(chart_with_legend(tr(lang, "จำแนกตามช่วงอายุ", "By age band"), age_bands, st, CONTENT_WIDTH, unit=PEOPLE))
    if genders:
        sec.add(chart_with_legend(tr(lang, "จำแนกตามเพศ", "By gender"), genders, st, CONTENT_WIDTH, unit=PEOPLE))
    if occupations:
        sec.add(chart_with_legend(tr(lang, "จำแนกตามอาชีพ", "By occupation"), occupations, st, CONTENT_WIDTH,
                                  drop_zero=True, unit=PEOPLE))


def _line_rows(lines: list[Line], st: ThaiStyles, with_type: bool) -> Table:
    lang = st.lang
    head: list[object] = ["#", tr(lang, "ความคิดเห็น", "Contribution"), tr(lang, "จุดยืน", "Stance"),
                          tr(lang, "ผู้เสนอ", "By")]
    if with_type:
        head.insert(2, tr(lang, "ประเภท", "Type"))
    rows: list[list[object]] = [head]
    for i, ln in enumerate(lines, 1):
        row: list[object] = [str(i), _text_cell(ln.text, ln.amendment, st), ln.stance_label, ln.participant_code or "-"]
        if with_type:
            row.insert(2, ln.type_label)
        rows.append(row)
    # wide enough for "ความคิดเห็น" and "ไม่เห็นด้วย" on one line
    widths = [9 * mm, None, 26 * mm, 24 * mm, 16 * mm] if with_type else [9 * mm, None, 24 * mm, 16 * mm]
    return thai_table(rows, widths, st)


def _contributions(d: SessionData, sec: _Sections) -> None:
    st, lang = sec.st, d.lang
    total = sum(n for _, n in d.type_counts)
    if d.kind == e.SessionKind.EXHIBITION and not total:
        return
    sec.head("ความคิดเห็นและข้อเสนอ", "Contributions")
    if total:
        sec.add(chart_with_legend(tr(lang, "จำแนกตามประเภท", "By type"), d.type_counts, st, CONTENT_WIDTH, unit=ITEMS),
                chart_with_legend(tr(lang, "จำแนกตามจุดยืน", "By stance"), d.stance_counts, st, CONTENT_WIDTH,
                                  unit=ITEMS))
    else:
        sec.add(note(tr(lang, "ไม่มีความคิดเห็นที่บันทึกไว้", "No contributions recorded"), st))
    for topic, groups in d.by_topic:
        sec.add(*heading(f"{tr(lang, 'ประเด็น', 'Topic')}: {topic}", st.h2))
        for type_label, lines in groups:
            sec.add(*heading(f"{type_label} ({len(lines):,})", st.h3), _line_rows(lines, st, False))


def _focus_group(d: SessionData, sec: _Sections) -> None:
    st, lang = sec.st, d.lang
    if d.by_question:
        sec.head("คำตอบรายคำถาม", "Answers question by question")
        for question, lines in d.by_question:
            sec.add(*heading(question, st.h3))
            sec.add(_line_rows(lines, st, True) if lines
                    else note(tr(lang, "ไม่มีคำตอบที่บันทึกไว้", "No answers recorded"), st))
    if d.observations:
        sec.head("ข้อสังเกตของผู้ดำเนินรายการ", "Facilitator observations")
        rows: list[list[object]] = [[tr(lang, "คำถาม", "Question"), tr(lang, "ข้อสังเกต", "Observation")]]
        rows += [[q or "-", text] for q, text in d.observations]
        sec.add(thai_table(rows, [55 * mm, None], st))


def _tallies(d: SessionData, sec: _Sections) -> None:
    st, lang = sec.st, d.lang
    if not d.tallies:
        return
    sec.head("ผลการยกมือแสดงความเห็น", "Show-of-hands tallies")
    rows: list[list[object]] = [[tr(lang, "คำถาม", "Question"), tr(lang, "เห็นด้วย", "For"),
                                 tr(lang, "ไม่เห็นด้วย", "Against"), tr(lang, "งดออกเสียง", "Abstain"),
                                 tr(lang, "รวม", "Total")]]
    for q, f, a, ab, amend in d.tallies:
        rows.append([_text_cell(q, amend, st), f"{f:,}", f"{a:,}", f"{ab:,}", f"{f + a + ab:,}"])
    sec.add(thai_table(rows, [None, 20 * mm, 25 * mm, 25 * mm, 16 * mm], st,
                       extra_style=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))


def _exhibition(d: SessionData, sec: _Sections) -> None:
    st, lang = sec.st, d.lang
    if d.kind != e.SessionKind.EXHIBITION and not d.rating_total and not d.votes:
        return
    sec.head("ผลความพึงพอใจและการโหวตข้อเสนอ", "Ratings and dot-votes")
    if d.rating_total:
        avg = f"{d.rating_average:.2f}"
        sec.add(thai_paragraph(tr(lang, f"ผู้ให้คะแนน {d.rating_total:,} คน คะแนนเฉลี่ย {avg} จาก 5",
                                  f"{d.rating_total:,} ratings, average {avg} out of 5"), st.body),
                chart_with_legend(tr(lang, "การกระจายของคะแนน", "Rating distribution"), d.ratings, st, CONTENT_WIDTH,
                                  unit=PEOPLE))
    else:
        sec.add(note(tr(lang, "ยังไม่มีผู้ให้คะแนน", "No ratings yet"), st))
    if d.votes:
        sec.add(chart_with_legend(tr(lang, "จำนวนโหวตต่อข้อเสนอ", "Dot-votes per proposal"), d.votes, st,
                                  CONTENT_WIDTH, unit=VOTES))
    if d.rating_comments:
        rows: list[list[object]] = [[tr(lang, "ความคิดเห็นของผู้เยี่ยมชม", "Visitor comment"), tr(lang, "จำนวน", "Count")]]
        rows += [[text, f"{n:,}"] for text, n in d.rating_comments]
        sec.add(*heading(tr(lang, "ความคิดเห็นเพิ่มเติม", "Comments"), st.h3),
                thai_table(rows, [None, 20 * mm], st, extra_style=[("ALIGN", (1, 1), (1, -1), "RIGHT")]))


def _actions(d: SessionData, sec: _Sections) -> None:
    st, lang = sec.st, d.lang
    if not d.actions:
        return
    sec.head("สิ่งที่ต้องดำเนินการต่อ", "Action items")
    rows: list[list[object]] = [["#", tr(lang, "สิ่งที่ต้องทำ", "What"), tr(lang, "ผู้รับผิดชอบ", "Who"),
                                 tr(lang, "กำหนดเสร็จ", "Due"), tr(lang, "สถานะ", "Status")]]
    for i, (what, who, due, done, amend) in enumerate(d.actions, 1):
        rows.append([str(i), _text_cell(what, amend, st), who, due,
                     tr(lang, "เสร็จแล้ว", "Done") if done else tr(lang, "ยังไม่เสร็จ", "Open")])
    sec.add(thai_table(rows, [9 * mm, None, 34 * mm, 30 * mm, 20 * mm], st))


def _thumbnail(p: Photo, st: ThaiStyles) -> list[Flowable]:
    caption = p.caption or p.filename
    if p.path is not None:
        try:
            w, h = ImageReader(str(p.path)).getSize()
            scale = min(THUMB_W / w, THUMB_H / h)
            return [Image(str(p.path), width=w * scale, height=h * scale), thai_paragraph(caption, st.caption)]
        except Exception:  # noqa: BLE001 - an unreadable photo gets the same note as a missing one
            pass
    missing = tr(st.lang, f"[ไม่พบหรือเปิดไฟล์ภาพไม่ได้บนเครื่องนี้: {p.filename or '-'}]",
                 f"[Photo missing or unreadable on this laptop: {p.filename or '-'}]")
    return [thai_paragraph(missing, st.small), thai_paragraph(caption, st.caption)]


def _photos(d: SessionData, sec: _Sections) -> None:
    if not d.photos:
        return
    sec.head("ภาพประกอบ", "Photos")
    cells = [_thumbnail(p, sec.st) for p in d.photos]
    rows = [cells[i:i + 2] + ([[]] if i + 1 == len(cells) else []) for i in range(0, len(cells), 2)]
    sec.add(Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2,
                  style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER")])))


def _contacts(d: SessionData, sec: _Sections) -> None:
    if d.contacts is None:
        return
    st, lang = sec.st, d.lang
    sec.head("ข้อมูลติดต่อผู้เข้าร่วม (ข้อมูลส่วนบุคคล)", "Participant contact details (personal data)")
    sec.add(note(tr(lang, "เฉพาะผู้ที่ให้ความยินยอม ใช้ตามวัตถุประสงค์ที่แจ้งไว้เท่านั้น ตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
                    "Only participants who consented; use only for the stated purpose (PDPA B.E. 2562)."), st))
    if d.contacts:
        rows: list[list[object]] = [[tr(lang, "รหัส", "Code"), tr(lang, "ชื่อ", "Name"), tr(lang, "โทรศัพท์", "Phone"),
                                     tr(lang, "อีเมล", "E-mail")]]
        rows += [list(c) for c in d.contacts]
        sec.add(thai_table(rows, [16 * mm, None, 32 * mm, 50 * mm], st))
    else:
        sec.add(note(tr(lang, "ไม่มีข้อมูลติดต่อที่แสดงได้", "No contact details to show"), st))
    if d.contacts_withheld:
        sec.add(note(tr(lang, f"ข้อมูลของอีก {d.contacts_withheld} คนถูกปิดผนึกเพื่อส่งส่วนกลางแล้ว "
                              "จึงไม่แสดงบนเครื่องนี้",
                        f"{d.contacts_withheld} more were sealed for the central platform "
                        "and cannot be shown here"), st))


def sign_off(d: SessionData, st: ThaiStyles) -> list[Flowable]:
    """The signature block that closes the summary (kept with what precedes it, see build_pdf)."""
    lang = d.lang
    names = [n.strip() for n in d.facilitators.split(",") if n.strip()] or [""]
    blocks = []
    for name in names:
        blocks.append([thai_paragraph(tr(lang, "ลงชื่อ " + "." * 40, "Signed " + "." * 40), st.body),
                       thai_paragraph(f"( {name or '.' * 40} )", st.body),
                       thai_paragraph(tr(lang, "ผู้ดำเนินรายการ", "Facilitator"), st.body),
                       thai_paragraph(tr(lang, "วันที่ ........ / ........ / ........",
                                         "Date ........ / ........ / ........"), st.body)])
    rows = [blocks[i:i + 2] + ([[]] if i + 1 == len(blocks) else []) for i in range(0, len(blocks), 2)]
    table = Table(rows, colWidths=[CONTENT_WIDTH / 2] * 2, style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                                             ("TOPPADDING", (0, 0), (-1, -1), 10)]))
    return [gap(6), thai_paragraph(tr(lang, "ผู้บันทึกและรับรองสรุปผล", "Recorded and certified by"), st.h3), table]


def session_flowables(d: SessionData, *, agency: str | None = None, unit: str | None = None) -> list[Flowable]:
    """Everything the summary prints before the sign-off (:func:`sign_off`)."""
    st = report_styles(d.lang)
    sec = _Sections(st)
    for part in (_participation, _contributions, _focus_group, _tallies, _exhibition, _actions, _photos, _contacts):
        part(d, sec)
    return [*_header(d, st, agency, unit), *sec.out]


def build_session_summary(db: Database, session_id: str, target: str | Path | BinaryIO, *, lang: str = "th",
                          include_personal_data: bool = False, attachments_dir: Path | None = None,
                          agency: str | None = None, unit: str | None = None, attendance: Attendance | None = None,
                          progress: Progress = no_progress) -> int:
    """Write the summary PDF of one session to ``target``; returns the page count.

    ``agency`` and ``unit`` head the document (from the user's settings; none printed when
    unset). ``attendance`` is the head count; see :func:`load_session_data`.

    Personal data (names, phones, e-mails) is printed only with ``include_personal_data`` and
    only for participants who consented. A path target is written atomically (see output.py).
    """
    progress(0.05, tr(lang, "กำลังอ่านข้อมูลเวที", "Reading the session"))
    data = load_session_data(db, session_id, lang=lang, include_personal_data=include_personal_data,
                             attachments_dir=attachments_dir, attendance=attendance)
    progress(0.3, tr(lang, "กำลังจัดหน้า", "Laying out pages"))
    flowables = session_flowables(data, agency=agency, unit=unit)
    closing = sign_off(data, report_styles(lang))
    footer = tr(lang, f"พิมพ์จาก Sala เมื่อ {printed_at(lang)}", f"Printed from Sala on {printed_at(lang)}")
    title = f"{tr(lang, 'สรุปผลการจัดเวที', 'Session summary')}: {data.title}"
    if isinstance(target, (str, Path)):
        with atomic_output(Path(target)) as tmp:
            pages = build_pdf(tmp, flowables, title=title, lang=lang, author="Sala", footer_note=footer,
                              closing=closing)
    else:
        pages = build_pdf(target, flowables, title=title, lang=lang, author="Sala", footer_note=footer, closing=closing)
    progress(1.0, tr(lang, "เสร็จแล้ว", "Done"))
    return pages
