"""``sala export {sessions,participants,contributions} --format csv|xlsx --out FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from sala.commands.report_cmd import add_filter_arguments
from sala.reports.exports import DATASETS, FORMATS
from sala.reports.filters import parse_filter
from sala.reports.output import check_writable


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="CSV (UTF-8 with BOM) or XLSX of sessions, participants or contributions")
    p.add_argument("dataset", choices=DATASETS)
    p.add_argument("--format", choices=FORMATS, help="file format (default: from the --out extension, else csv)")
    p.add_argument("--out", type=Path, required=True, help="file to write")
    p.add_argument("--session", dest="session_id", help="only this session")
    p.add_argument("--lang", dest="export_lang", choices=("th", "en"), help="language of headers and labels")
    p.add_argument("--include-personal-data", action="store_true",
                   help="add names, phones and e-mails of participants who consented (participants only; PDPA)")
    add_filter_arguments(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, services) -> int:
    from sala.reports.exports import export

    fmt = args.format or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "csv")
    flt = parse_filter(services.db, fiscal_year=args.fiscal_year, province=args.province, topic=args.topic,
                       kind=args.kind, session_id=args.session_id)
    check_writable(args.out)
    n = export(services.db, args.dataset, fmt, args.out, flt, lang=args.export_lang or args.lang or "th",
               include_personal_data=args.include_personal_data)
    print(f"ส่งออก {n:,} แถวไปที่ {args.out} แล้ว / Exported {n:,} rows to {args.out}")
    return 0
