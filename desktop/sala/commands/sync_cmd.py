"""``sala enroll``, ``sala sync`` and ``sala bundle export|import``: sync for scripts and supervisors.

``sala sync`` exits 0 only when nothing is left to send; otherwise it prints why (Thai and
English) and exits with the code of ``sala.sync.messages.EXIT_CODES`` (3 no link, 4 re-enroll,
5 server busy, 6 photos missing or pending, 7 disk, 8 cancelled, 9 the server is not the pinned
platform, 10 an http:// address never allowed, 11 the service refused batches forwarded from a
bundle: each is printed with its reason and stays "refused" until its bundle is imported again).
``--json`` prints the counts (and the refusals).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sala.commands.supervisor_prompt import require_supervisor
from sala.domain.errors import SalaError
from sala.services import audit
from sala.services.supervisor_pin import BUNDLE_IMPORT
from sala.sync import batch_store
from sala.sync.bundle_checks import printable
from sala.sync.messages import EXIT_CODES, Outcome, SyncProblem, quarantine_note
from sala.sync.run_report import RetryPolicy, reason_text


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("enroll", help="enroll this laptop with the central platform")
    p.add_argument("--server", required=True, help="central platform URL, e.g. https://…")
    p.add_argument("--code", required=True, help="one-time enrollment code from the supervisor")
    p.add_argument("--name", help="name of this laptop shown to the supervisor")
    p.add_argument("--allow-http", action="store_true",
                   help="accept a plain http:// address (only on a network your administrator "
                        "says is safe; loopback needs no flag)")
    p.set_defaults(func=run_enroll)
    p = sub.add_parser("sync", help="send finalized sessions to the central platform now")
    p.add_argument("--json", action="store_true", help="print counts as JSON")
    p.add_argument("--reconcile", action="store_true",
                   help="first ask the server what it holds of this laptop's records and put "
                        "local state right (after restoring a backup)")
    p.add_argument("--patience", type=int, default=6,
                   help="network failures in a row before giving up (default 6)")
    p.set_defaults(func=run_sync)
    p = sub.add_parser("bundle", help="USB bundles for laptops without a link")
    bsub = p.add_subparsers(dest="bundle_cmd", required=True)
    e = bsub.add_parser("export", help="write all unsent records and photos to one signed file")
    e.add_argument("--out", type=Path, required=True)
    e.set_defaults(func=run_export)
    i = bsub.add_parser("import", help="verify a bundle and queue it for forwarding")
    i.add_argument("file", type=Path)
    i.add_argument("--json", action="store_true")
    i.add_argument("--pin-stdin", action="store_true", help="read the supervisor PIN from standard input")
    i.set_defaults(func=run_import)


def run_enroll(args: argparse.Namespace, services) -> int:  # Services
    where = services.sync.enroll(args.server, args.code, args.name, allow_http=args.allow_http)
    print(f"ลงทะเบียนเครื่องนี้แล้ว / This laptop is enrolled (token kept in the {where})")
    return 0


#: ``sala sync``: the service refused batches this laptop forwards for another device.
EXIT_REFUSED = 11

REFUSED_NOTE = SalaError(
    "ระบบกลางไม่รับข้อมูลที่ส่งต่อจากชุดข้อมูล USB บางชุด (รายการและเหตุผลอยู่ด้านล่าง) ข้อมูลยังเก็บอยู่ในเครื่องนี้ "
    "เมื่อแก้ไขสาเหตุแล้ว (เช่น ให้ผู้ดูแลระบบลงทะเบียนเครื่องต้นทาง) ให้นำเข้าชุดข้อมูลเดิมอีกครั้งแล้วส่งใหม่",
    "The central platform refused batches forwarded from USB bundles (listed below with the "
    "reason). They are kept on this laptop; once the cause is dealt with (for example the "
    "administrator registers the origin laptop), import the same bundle again and sync.")


def _refused(services) -> list[dict]:  # Services
    with services.sync.db.read() as s:
        return batch_store.refused_forwards(s)


def refusal_line(r: dict) -> str:
    """One refusal, safe to print: device, records, bundle file, why in Thai and English, then the
    server's own code and words (kept as they came, for the administrator)."""
    who = f"{r['device_name']} ({printable(r['device_id'], 64)})" if r["device_name"] else r["device_id"]
    why = f"{reason_text(str(r['code']), 'th')} / {reason_text(str(r['code']), 'en')}"
    return f"  {who}: {r['records']} records, {r['source'] or '?'} — {why} [{r['code']}: {r['message']}]"


def run_sync(args: argparse.Namespace, services) -> int:
    report = services.sync.sync(policy=RetryPolicy(network_attempts=max(1, args.patience)),
                                reconcile=args.reconcile)
    refused = _refused(services)
    if args.json:
        print(json.dumps({**report.as_json(), "refused": refused}, ensure_ascii=False))
    else:
        print(f"sent {report.sent} (duplicate {report.counts['duplicate']}), "
              f"conflict {report.counts['conflict']}, rejected {report.counts['rejected']}, "
              f"pending {report.pending}, {report.bytes_up} bytes, "
              f"catalogue items pulled {report.catalog.get('pulled', 0)}")
        if report.reconcile.get("checked"):
            r = report.reconcile
            print(f"reconciled {r['checked']} records: {r['marked_sent']} already on the server, "
                  f"{r['resend']} to send again, {r['renumbered']} renumbered")
    lang = getattr(args, "lang", None) or "th"
    if report.quarantined:
        print(quarantine_note(report.quarantined, "th") + "\n" + quarantine_note(report.quarantined, "en"),
              file=sys.stderr)
    if report.outcome is not Outcome.OK:
        print(SyncProblem(report.outcome).bilingual(), file=sys.stderr)
        if report.detail:
            print(f"({report.detail})", file=sys.stderr)
    del lang
    if refused:
        print(REFUSED_NOTE.bilingual(), file=sys.stderr)
        for r in refused:
            print(refusal_line(r), file=sys.stderr)
    code = EXIT_CODES[report.outcome]
    return EXIT_REFUSED if refused and code == 0 else code


def run_export(args: argparse.Namespace, services) -> int:
    info = services.sync.export_bundle(args.out)
    print(f"{args.out}: {info['records']} records in {info['batches']} batches, "
          f"{info['photos']} photos ({info['photos_missing']} missing)")
    return 0


def run_import(args: argparse.Namespace, services) -> int:
    # A supervisor act, as in the app: the PIN first (while none is set, field staff may import)
    role = require_supervisor(services, BUNDLE_IMPORT, from_stdin=args.pin_stdin)
    info = services.sync.import_bundle(args.file)
    with services.db.write() as s:  # the audit log says who imported which laptop's records
        audit.append(s, role, BUNDLE_IMPORT, Path(args.file).name, [str(info["device_id"])])
    services.supervisor.lock()  # one act from the command line
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        print(f"{printable(str(args.file), 500)}: from {info['device_name']} ({info['device_id']}): "
              f"{info['records']} records in {info['batches']} batches "
              f"({info['new_batches']} new), {info['photos']} photos; run `sala sync` to forward")
        if info.get("requeued"):
            print(f"ชุดข้อมูล {info['requeued']} ชุดที่ระบบกลางเคยไม่รับ จะถูกส่งใหม่ในการส่งครั้งถัดไป / "
                  f"{info['requeued']} batch(es) the central platform refused before will be sent "
                  "again at the next sync")
    return 0
