"""The period report: many sessions at once, for supervisors and the fiscal-year record. No Qt.

Filtered by fiscal year (ปีงบประมาณ, 1 October – 30 September, BE), province, topic and session
kind. Totals and breakdowns come from :mod:`period_data` (SQL aggregates); this module only
lays them out in the same memo style as the session summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from sala.domain.thaidate import fiscal_year_label, format_date
from sala.reports.charts import chart_with_legend, legend_styles
from sala.reports.filters import ReportFilter
from sala.reports.layout import (
    CONTENT_WIDTH,
    Progress,
    agency_lines,
    heading,
    key_values,
    no_progress,
    note,
    report_styles,
    tr,
)
from sala.reports.output import atomic_output
from sala.reports.period_data import THEME_MIN_CONTRIBUTIONS, PeriodData, load_period_data
from sala.reports.session_summary import ITEMS, PEOPLE, printed_at
from sala.reports.thai_pdf import ThaiStyles, build_pdf, thai_paragraph, thai_table
from sala.storage.database import Database

SESSIONS = ("เวที", "sessions")


def report_title(flt: ReportFilter, lang: str) -> str:
    base = tr(lang, "รายงานสรุปผลการรับฟังความคิดเห็นของประชาชน", "Public consultation report")
    return f"{base} {fiscal_year_label(flt.fiscal_year, lang)}" if flt.fiscal_year else base


def _counts_table(rows: Sequence[tuple[str, int | str]], head: tuple[str, str], st: ThaiStyles,
                  width: float = 90 * mm) -> Flowable:
    data: list[list[object]] = [[head[0], head[1]]]
    data += [[label, f"{n:,}" if isinstance(n, int) else n] for label, n in rows]
    table = thai_table(data, [width - 25 * mm, 25 * mm], legend_styles(st.lang),
                       extra_style=[("ALIGN", (1, 0), (1, -1), "RIGHT")])
    table.hAlign = "LEFT"
    return table


def period_flowables(d: PeriodData, *, agency: str | None = None, unit: str | None = None) -> list[Flowable]:
    st, lang = report_styles(d.lang), d.lang
    out: list[Flowable] = [*agency_lines(agency, unit, st), thai_paragraph(report_title(d.flt, lang), st.title),
                           key_values(d.flt.describe(lang), st)]
    n = 0

    def section(th: str, en: str) -> None:
        nonlocal n
        n += 1
        out.extend(heading(f"{n}. {tr(lang, th, en)}", st.h1))

    section("ภาพรวม", "Overview")
    if not d.sessions:
        out.append(thai_paragraph(tr(lang, "ไม่พบเวทีตามเงื่อนไขที่เลือก", "No session matches these filters."), st.body))
        return out
    avg = f"{d.rating_average:.2f}" if d.rating_average is not None else "-"
    out.append(_counts_table([(tr(lang, "จำนวนเวที", "Sessions"), d.sessions),
                              (tr(lang, f"ผู้เข้าร่วม (นับในเวที {d.attendance_sessions:,} เวที)",
                                  f"Attendance (counted at {d.attendance_sessions:,} sessions)"), d.attendance)
                              if d.attendance is not None else
                              (tr(lang, "ผู้เข้าร่วม", "Attendance"), tr(lang, "ไม่ได้บันทึก", "not recorded")),
                              (tr(lang, "ผู้ลงทะเบียนรหัส (มินิทอล์กและสนทนากลุ่ม)",
                                  "Registered with a code (minitalks, focus groups)"),
                               d.participants),
                              (tr(lang, "ผู้เยี่ยมชมนิทรรศการที่ให้คะแนน", "Exhibition visitors who rated"), d.visitors),
                              (tr(lang, "ความคิดเห็นและข้อเสนอ", "Contributions"), d.contributions)],
                             (tr(lang, "รายการ", "Item"), tr(lang, "จำนวน", "Count")), st, 120 * mm))
    out.append(thai_paragraph(tr(lang, f"คะแนนความพึงพอใจเฉลี่ยจากนิทรรศการ {avg} จาก 5",
                                 f"Average exhibition rating {avg} out of 5"), st.body))
    out.append(chart_with_legend(tr(lang, "จำนวนเวทีจำแนกตามรูปแบบ", "Sessions by kind"), d.by_kind, st, CONTENT_WIDTH,
                                 unit=SESSIONS))
    out.append(chart_with_legend(tr(lang, "จำนวนเวทีรายเดือน", "Sessions per month"), d.by_month, st, CONTENT_WIDTH,
                                 unit=SESSIONS))
    out += heading(tr(lang, "จำนวนเวทีรายจังหวัด", "Sessions per province"), st.h3)
    out.append(_counts_table(d.by_province, (tr(lang, "จังหวัด", "Province"), tr(lang, "เวที", "Sessions")), st))

    section("ผู้ลงทะเบียนรหัส", "People registered with a code")
    if d.participants:
        out.append(chart_with_legend(tr(lang, "จำแนกตามช่วงอายุ", "By age band"), d.age_bands, st, CONTENT_WIDTH,
                                     unit=PEOPLE))
        out.append(chart_with_legend(tr(lang, "จำแนกตามเพศ", "By gender"), d.genders, st, CONTENT_WIDTH, unit=PEOPLE))
    else:
        out.append(note(tr(lang, "ไม่มีผู้ลงทะเบียนรหัสไว้", "Nobody registered with a code"), st))

    section("ความคิดเห็นและข้อเสนอ", "Contributions")
    if d.contributions:
        out.append(chart_with_legend(tr(lang, "จำแนกตามประเภท", "By type"), d.by_type, st, CONTENT_WIDTH, unit=ITEMS))
        out.append(chart_with_legend(tr(lang, "จำแนกตามจุดยืน", "By stance"), d.by_stance, st, CONTENT_WIDTH, unit=ITEMS))
        out.append(chart_with_legend(tr(lang, "จำแนกตามประเด็น", "By topic"), d.by_topic, st, CONTENT_WIDTH, unit=ITEMS))
        out += heading(tr(lang, "จุดยืนรายประเด็น", "Stance per topic"), st.h3)
        rows: list[list[object]] = [[tr(lang, "ประเด็น", "Topic"), tr(lang, "เห็นด้วย", "Support"),
                                     tr(lang, "ไม่เห็นด้วย", "Oppose"), tr(lang, "เป็นกลาง", "Neutral"),
                                     tr(lang, "ไม่ระบุ", "Not stated")]]
        rows += [[name, *(f"{v:,}" for v in vals)] for name, *vals in d.stance_by_topic]
        out.append(thai_table(rows, [None, 22 * mm, 24 * mm, 22 * mm, 22 * mm], st,
                              extra_style=[("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    else:
        out.append(note(tr(lang, "ไม่มีความคิดเห็นที่บันทึกไว้", "No contributions recorded"), st))

    if d.words or d.tags:
        section("คำและแท็กที่พบบ่อย", "Recurring words and tags")
        if d.words:
            out += heading(tr(lang, "คำที่พบบ่อยในความคิดเห็น", "Words used often in contributions"), st.h3)
            out.append(note(tr(lang, f"นับจำนวนความคิดเห็นที่ใช้คำนั้น เฉพาะคำที่พบตั้งแต่ {THEME_MIN_CONTRIBUTIONS} ความคิดเห็นขึ้นไป",
                               f"Number of contributions using each word; only words used in "
                               f"{THEME_MIN_CONTRIBUTIONS} or more"), st))
            out.append(_counts_table(d.words, (tr(lang, "คำ", "Word"), tr(lang, "ความคิดเห็น", "Contributions")), st))
        if d.tags:
            out += heading(tr(lang, "แท็กที่ใช้บ่อย", "Tags used often"), st.h3)
            out.append(_counts_table(d.tags, (tr(lang, "แท็ก", "Tag"), tr(lang, "ครั้ง", "Times")), st))

    section("สรุปรายเวที", "Sessions in brief")
    rows = [["#", tr(lang, "วันที่", "Date"), tr(lang, "เวที", "Session"), tr(lang, "จังหวัด", "Province"),
             tr(lang, "ผู้เข้าร่วม", "People"), tr(lang, "ความคิดเห็น", "Contrib.")]]
    for i, b in enumerate(d.briefs, 1):
        people = f"{b.attendance:,}" if b.attendance is not None else "-"
        rows.append([str(i), format_date(b.day, lang, abbr=True), f"{b.title} ({b.kind_label}, {b.status_label})",
                     b.province, people, f"{b.contributions:,}"])
    out.append(thai_table(rows, [8 * mm, 20 * mm, None, 24 * mm, 16 * mm, 18 * mm], legend_styles(lang),
                          extra_style=[("ALIGN", (4, 1), (-1, -1), "RIGHT")]))
    out.append(note(tr(lang, "ผู้เข้าร่วม คือจำนวนที่นับได้ในเวที (- หมายถึงไม่ได้บันทึก)",
                       "People = the head count taken at the session (- = not recorded)."), st))
    return out


def build_period_report(db: Database, flt: ReportFilter, target: str | Path | BinaryIO, *, lang: str = "th",
                        agency: str | None = None, unit: str | None = None, progress: Progress = no_progress) -> int:
    """Write the period report for the sessions ``flt`` selects; returns the page count.

    ``agency`` and ``unit`` (from the user's settings) head the report; unset, none is printed.
    """
    progress(0.05, tr(lang, "กำลังรวบรวมข้อมูล", "Aggregating"))
    aggregating = tr(lang, "กำลังรวบรวมข้อมูล", "Aggregating")
    data = load_period_data(db, flt, lang=lang, progress=lambda f, _m: progress(0.05 + 0.5 * f, aggregating))
    progress(0.6, tr(lang, "กำลังจัดหน้า", "Laying out pages"))
    flowables = period_flowables(data, agency=agency, unit=unit)
    footer = tr(lang, f"ข้อมูล ณ วันที่ {printed_at(lang)}", f"Data as of {printed_at(lang)}")
    title = report_title(flt, lang)
    if isinstance(target, (str, Path)):
        with atomic_output(Path(target)) as tmp:
            pages = build_pdf(tmp, flowables, title=title, lang=lang, author="Sala", footer_note=footer)
    else:
        pages = build_pdf(target, flowables, title=title, lang=lang, author="Sala", footer_note=footer)
    progress(1.0, tr(lang, "เสร็จแล้ว", "Done"))
    return pages
