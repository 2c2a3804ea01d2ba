"""``sala report session ID`` and ``sala report period --fiscal-year 2569``: PDF reports."""

from __future__ import annotations

import argparse
from pathlib import Path

from sala.domain import enums as e
from sala.reports.filters import parse_filter, require_session
from sala.reports.output import check_writable


def add_filter_arguments(p: argparse.ArgumentParser) -> None:
    """The session filters shared by ``report period`` and ``export``."""
    p.add_argument("--fiscal-year", help="Thai fiscal year in the Buddhist Era, e.g. 2569 (1 Oct 2025 – 30 Sep 2026)")
    p.add_argument("--province", help="province code or name, e.g. CMI or เชียงใหม่")
    p.add_argument("--topic", help="topic code or name")
    p.add_argument("--kind", choices=[k.value for k in e.SessionKind], help="session kind")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="PDF session summaries and period reports")
    kinds = p.add_subparsers(dest="report_kind", metavar="{session,period}", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--out", type=Path,
                        help="PDF file or folder to write (default: a Thai name with the Buddhist Era date, "
                             "e.g. \"สรุปผลเวที <title> 30 พ.ย. 2569.pdf\", in the current folder)")
    common.add_argument("--lang", dest="report_lang", choices=("th", "en"), help="report language (default Thai)")
    common.add_argument("--agency", help="issuing agency printed at the top (none when not given)")
    common.add_argument("--unit", help="unit within the agency, printed under it")
    s = kinds.add_parser("session", parents=[common], help="A4 summary of one session")
    s.add_argument("session_id")
    s.add_argument("--include-personal-data", action="store_true",
                   help="print names, phones and e-mails of participants who consented (PDPA)")
    s.set_defaults(func=run_session)
    q = kinds.add_parser("period", parents=[common], help="report across sessions of a period")
    add_filter_arguments(q)
    q.set_defaults(func=run_period)


def _lang(args: argparse.Namespace) -> str:
    return args.report_lang or args.lang or "th"


def _target(out: Path | None, default_name: str) -> Path:
    """``--out`` as given; a folder or nothing gets the default name (in it, or here)."""
    if out is None:
        return Path(default_name)
    return out / default_name if out.is_dir() else out


def _header(args: argparse.Namespace, services) -> tuple[str | None, str | None]:
    """--agency/--unit when given, else what Settings stored (none printed when neither)."""
    agency, unit = services.preferences.report_header()
    return args.agency or agency, args.unit or unit


def run_session(args: argparse.Namespace, services) -> int:
    from sala.reports.filenames import session_file_name
    from sala.reports.session_summary import build_session_summary

    require_session(services.db, args.session_id)
    out = _target(args.out, session_file_name(services.db, args.session_id, _lang(args)))
    check_writable(out)
    agency, unit = _header(args, services)
    pages = build_session_summary(services.db, args.session_id, out, lang=_lang(args),
                                  include_personal_data=args.include_personal_data,
                                  attachments_dir=services.paths.attachments, agency=agency, unit=unit)
    print(f"บันทึกสรุปผลเวที {pages} หน้าที่ {out} แล้ว / Wrote a {pages}-page session summary to {out}")
    return 0


def run_period(args: argparse.Namespace, services) -> int:
    from sala.reports.filenames import period_report_file_name
    from sala.reports.period_report import build_period_report

    flt = parse_filter(services.db, fiscal_year=args.fiscal_year, province=args.province, topic=args.topic,
                       kind=args.kind)
    out = _target(args.out, period_report_file_name(flt, _lang(args)))
    check_writable(out)
    agency, unit = _header(args, services)
    pages = build_period_report(services.db, flt, out, lang=_lang(args), agency=agency, unit=unit)
    print(f"บันทึกรายงาน {pages} หน้าที่ {out} แล้ว / Wrote a {pages}-page period report to {out}")
    return 0
