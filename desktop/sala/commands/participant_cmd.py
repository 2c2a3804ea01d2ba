"""``sala participant find|export|erase``: a participant's rights under the PDPA (issue 12).

Exit codes (README, "A participant's rights"): 0 done; 1 erasure not confirmed (nothing
changed); 2 bad input or an unusable database/folder; 3 no participant matches; 5 erasure
refused: no supervisor PIN set yet, or a wrong one (each wrong try makes the next wait longer).

Erasure asks for the supervisor PIN (read from the terminal, or one line of standard input when
there is none), as the app does: it cannot be undone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sala.commands.supervisor_prompt import require_supervisor
from sala.domain.counts import count_en
from sala.domain.errors import SalaError
from sala.domain.thaidate import format_date
from sala.services.supervisor_pin import ERASE

EXIT_NOT_CONFIRMED = 1
EXIT_NOT_FOUND = 3


class NothingFoundError(SalaError):
    exit_code = EXIT_NOT_FOUND

    def __init__(self) -> None:
        super().__init__("ไม่พบผู้เข้าร่วมที่ตรงกับที่ค้นหา ตรวจรหัส ชื่อ หรือหมายเลขโทรศัพท์อีกครั้ง",
                         "No participant matches; check the code, name or phone number")


def _criteria(p: argparse.ArgumentParser, *, ids: bool) -> None:
    p.add_argument("--code", help="รหัสผู้เข้าร่วม / participant code (e.g. P07), any session")
    p.add_argument("--name", help="ชื่อ / name, as given (exact, after normalization)")
    p.add_argument("--phone", help="โทรศัพท์ / phone number")
    if ids:
        p.add_argument("--id", dest="ids", action="append", default=[],
                       help="participant id from 'find' (repeatable): only these rows")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("participant", help="find, export or erase one participant's data (PDPA)")
    psub = p.add_subparsers(dest="participant_action", metavar="ACTION", required=True)
    f = psub.add_parser("find", help="every record about one participant, across sessions")
    _criteria(f, ids=False)
    f.add_argument("--json", action="store_true", help="machine-readable output")
    f.set_defaults(func=run_find)
    x = psub.add_parser("export", help="a Thai PDF and a JSON file for the participant (0600)")
    _criteria(x, ids=True)
    x.add_argument("--out", type=Path, required=True, help="folder to write the two files into")
    x.add_argument("--lang", dest="export_lang", choices=("th", "en"), help="language of the PDF")
    x.set_defaults(func=run_export)
    e = psub.add_parser("erase", help="erase the participant's personal data, with a reason")
    _criteria(e, ids=True)
    e.add_argument("--reason", required=True, help="เหตุผล / why (kept in the audit log)")
    e.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    e.set_defaults(func=run_erase)


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", None) or "th")


def _rights(services: Any) -> Any:
    return services.participant_rights


def _found(args: argparse.Namespace, services: Any) -> list[Any]:
    rights = _rights(services)
    ids = list(getattr(args, "ids", []) or [])
    if ids and not (args.code or args.name or args.phone):
        rows = rights.records(ids)
    else:
        rows = rights.find(code=args.code, name=args.name, phone=args.phone)
        if ids:
            rows = [r for r in rows if r.participant_id in ids]
    if not rows:
        raise NothingFoundError()
    return rows


#: how a row's contact stands, in the words of the app's rights dialog (``ui/privacy``)
_CONTACT_WORDS: dict[str, tuple[str, str]] = {
    "none": ("ไม่มี", "none"),
    "readable": ("มี (เข้ารหัสในเครื่องนี้)", "yes (encrypted on this laptop)"),
    "sealed": ("ผนึกส่งแพลตฟอร์มกลางแล้ว", "sealed for the central platform"),
    "unreadable": ("อ่านไม่ได้ในเครื่องนี้ (ไม่พบกุญแจ)", "unreadable on this laptop (key not found)"),
}


def _line(r: Any, lang: str) -> str:
    """One row, wholly in ``lang``: id, code, session, date, contributions and the contact."""
    from sala.services.participant_rights import describe

    th, en = _CONTACT_WORDS.get(r.contact_state, _CONTACT_WORDS["unreadable"])
    contact = f"ข้อมูลติดต่อ: {th}" if lang == "th" else f"contact: {en}"
    return f"{r.participant_id}  {describe(r, lang)} · {contact}"


def run_find(args: argparse.Namespace, services: Any) -> int:
    rows = _found(args, services)
    lang = _lang(args)
    if args.json:
        doc = [{"participant_id": r.participant_id, "code": r.code, "session_id": r.session_id,
                "session_title": r.session_title, "session_date": r.session_date.isoformat(),
                "session_date_be": format_date(r.session_date, "th", abbr=True),
                "contributions": len(r.contributions), "contact": r.contact_state} for r in rows]
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(_line(r, lang))
    print(f"พบ {len(rows)} รายการ" if lang == "th" else f"{len(rows)} found")
    return 0


def run_export(args: argparse.Namespace, services: Any) -> int:
    from sala.reports.participant_export import write_export

    rows = _found(args, services)
    folder: Path = args.out
    if not folder.is_dir():
        raise SalaError(f"ไม่พบโฟลเดอร์ {folder} ระบุโฟลเดอร์ที่มีอยู่", f"{folder} is not an existing folder")
    query = {k: v for k, v in (("code", args.code), ("name", args.name), ("phone", args.phone)) if v}
    rights = _rights(services)
    data = rights.collect([r.participant_id for r in rows], query)
    files = write_export(data, folder, args.export_lang or _lang(args))
    rights.note_export([r.participant_id for r in rows], [files.pdf.name, files.json.name])
    print(f"ส่งออกข้อมูลของผู้เข้าร่วม {len(rows)} รายการแล้ว / Exported "
          f"{count_en(len(rows), 'participant record', 'participant records')}:")
    print(files.pdf)
    print(files.json)
    return 0


def run_erase(args: argparse.Namespace, services: Any) -> int:
    rows = _found(args, services)
    lang = _lang(args)
    print("จะลบข้อมูลส่วนบุคคลของ / The personal data of these will be erased:")
    for r in rows:
        print("  " + _line(r, lang))
    print("ชื่อ โทรศัพท์ อีเมล และการเชื่อมโยงความคิดเห็นกับผู้นี้จะถูกลบ เนื้อหาความคิดเห็นยังคงอยู่ / "
          "Name, phone, e-mail and the link to what they said go; the words said stay.")
    role = require_supervisor(services, ERASE)
    if not args.yes:
        sys.stdout.write("พิมพ์ yes หรือ ใช่ เพื่อยืนยัน / type yes to confirm: ")
        sys.stdout.flush()
        answer = sys.stdin.readline().strip().lower()
        if answer not in ("yes", "y", "ใช่"):
            print("ไม่ได้ลบอะไร / Nothing was erased.", file=sys.stderr)
            return EXIT_NOT_CONFIRMED
    result = _rights(services).erase([r.participant_id for r in rows], args.reason, actor_role=role)
    print(f"ลบแล้ว: ความคิดเห็น {result.contributions_unlinked} รายการไม่ผูกกับผู้นี้อีก ข้อมูลติดต่อ "
          f"{result.contacts_removed} รายการ บันทึกการตรวจสอบลำดับที่ {result.audit_entry.position} "
          f"และจะแจ้งแพลตฟอร์มกลางเมื่อซิงก์ / Erased: "
          f"{count_en(result.contributions_unlinked, 'contribution', 'contributions')} unlinked, "
          f"{count_en(result.contacts_removed, 'contact', 'contacts')} removed, "
          f"audit entry {result.audit_entry.position}; "
          "the platform is told at the next sync or bundle.")
    return 0
