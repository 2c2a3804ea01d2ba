"""``sala retention preview|run``: purge local copies of sessions the platform acknowledged long ago.

``preview`` lists what a run would purge (sessions, records, space) and changes nothing. ``run``
is a supervisor act: it asks for the supervisor PIN (``--pin-stdin`` reads it from the first line
of standard input, for scripts) with the same growing waits as the app, and is refused while no
supervisor PIN is set. ``--months N`` overrides the period set in the app's settings.
Exit codes: 0 done (also: nothing to purge), 2 refused (bad input, no PIN, wrong PIN, a wait).
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from sala.domain.errors import SalaError, ValidationError
from sala.domain.thaidate import format_date
from sala.services import audit
from sala.services.retention import Preview
from sala.services.supervisor_pin import RETENTION


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("retention", help="ลบสำเนาเวทีเก่าที่ส่งถึงแพลตฟอร์มแล้ว / purge old acknowledged sessions")
    acts = p.add_subparsers(dest="retention_act", metavar="preview|run", required=True)
    for name, func, text in (("preview", run_preview, "show what a run would purge; changes nothing"),
                             ("run", run_purge, "purge (needs the supervisor PIN)")):
        q = acts.add_parser(name, help=text)
        q.add_argument("--months", type=int, default=None, help="retention period in months (default: the setting)")
        q.add_argument("--json", action="store_true", help="machine-readable output")
        if name == "run":
            q.add_argument("--pin-stdin", action="store_true", help="read the supervisor PIN from standard input")
        q.set_defaults(func=func)


def _size(n: int) -> str:
    if n < 1000:
        return f"{max(0, n)} B"
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n // 1000} kB"


def _lines(preview: Preview, lang: str) -> list[str]:
    th = lang == "th"
    if not preview.sessions:
        out = ["ไม่มีเวทีที่จะลบ (0 เวที)" if th else "No session to purge (0 sessions)"]
    else:
        out = [f"เวทีที่จะลบสำเนา {len(preview.sessions)} เวที, {preview.records} รายการ, ประมาณ {_size(preview.bytes)}"
               if th else f"Sessions to purge: {len(preview.sessions)}, {preview.records} records, "
                          f"about {_size(preview.bytes)}"]
        for c in preview.sessions:
            out.append(f"  {format_date(c.session_date, lang)}  {c.title}  ({c.records}, {_size(c.bytes)})  "
                       f"{c.session_id}")
    if preview.waiting:
        out.append(f"เวทีเก่าที่ยังส่งไม่ครบหรือยังไม่ได้รับการยืนยัน {preview.waiting} เวที: เก็บไว้"
                   if th else f"Old sessions not yet all acknowledged by the platform: {preview.waiting} (kept)")
    return out


def _as_json(preview: Preview) -> dict:
    return {"months": preview.months, "cutoff": preview.cutoff.isoformat(), "waiting": preview.waiting,
            "records": preview.records, "bytes": preview.bytes,
            "sessions": [{"id": c.session_id, "title": c.title, "records": c.records, "bytes": c.bytes,
                          "contributions": c.contributions, "observations": c.observations,
                          "contacts": c.contacts, "photos": c.photos, "comments": c.comments,
                          "acknowledged_at": c.acked_at.isoformat()} for c in preview.sessions]}


def run_preview(args: argparse.Namespace, services) -> int:
    preview = services.retention.preview(args.months)
    if args.json:
        print(json.dumps(_as_json(preview), ensure_ascii=False))
    else:
        print("\n".join(_lines(preview, args.lang or "th")))
    return 0


def _ask_pin(args: argparse.Namespace) -> str:
    if args.pin_stdin:
        return sys.stdin.readline().strip()
    return getpass.getpass("รหัส PIN หัวหน้างาน / Supervisor PIN: ")


def run_purge(args: argparse.Namespace, services) -> int:
    pins = services.supervisor
    if not pins.is_set() and not pins.allows_without_pin(RETENTION):
        raise ValidationError("pin", "ต้องตั้งรหัส PIN หัวหน้างานก่อน (ในโปรแกรม: การตั้งค่า ▸ หัวหน้างาน)",
                              "Set a supervisor PIN first (in the app: Settings ▸ Supervisor)")
    preview = services.retention.preview(args.months)  # bad months are said before the PIN is asked
    wait = pins.wait_remaining()
    if wait > 0:
        raise _wait_error(wait)
    result = pins.check(_ask_pin(args))
    if result.refused:
        raise _wait_error(result.wait_s)
    if not result.ok:
        raise SalaError(f"รหัส PIN ไม่ถูกต้อง ลองใหม่ได้ใน {int(result.wait_s)} วินาที",
                        f"Wrong PIN; the next try is taken in {int(result.wait_s)} s")
    done = services.retention.run(preview.months, role=audit.SUPERVISOR)
    pins.lock()  # one act from the command line
    if args.json:
        print(json.dumps(_as_json(done.preview) | {"files_removed": done.files_removed,
                                                   "file_errors": done.file_errors}, ensure_ascii=False))
    else:
        print("\n".join(_lines(done.preview, args.lang or "th")))
        if done.preview.sessions:
            print(f"ลบแล้ว ภาพ {done.files_removed} ไฟล์" if (args.lang or "th") == "th"
                  else f"Purged; {done.files_removed} photo files removed")
        for line in done.file_errors:
            print(line, file=sys.stderr)
    return 0


def _wait_error(seconds: float) -> SalaError:
    n = max(1, int(seconds + 0.999))
    return SalaError(f"ใส่รหัสผิดหลายครั้ง กรุณารอ {n} วินาทีก่อนลองอีกครั้ง",
                     f"Too many wrong PINs: wait {n} s before trying again")
