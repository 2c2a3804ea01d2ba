"""``sala audit``: the audit log in Bangkok time (B.E. in Thai), and a check of its chain.

Exit codes: 0 the chain is whole; 4 an entry was edited, removed or moved (each is named).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_BROKEN = 4


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="the audit log (who, when, what, why) and a check that nothing was changed")
    p.add_argument("--limit", type=int, default=0, help="only the newest N entries")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, services: Any) -> int:
    from sala.services import audit

    lang = str(getattr(args, "lang", None) or "th")
    with services.db.read() as s:
        rows = audit.entries(s, limit=max(args.limit, 0) or None)
        problems = audit.verify(s)
    if args.json:
        print(json.dumps({"entries": [{
            "position": e.position, "id": e.id, "at": e.at.isoformat(), "device_id": e.device_id,
            "actor_role": e.actor_role, "action": e.action, "reason": e.reason, "target": list(e.target),
            "hash": e.hash} for e in rows],
            "problems": [{"kind": p.kind, "position": p.position, "entry_id": p.entry_id} for p in problems]},
            ensure_ascii=False, indent=2))
    else:
        for e in rows:
            which = ", ".join(e.target) or "-"
            print(f"{e.position:>4}  {e.when(lang)}  {e.who(lang)}  {e.what(lang)}  "
                  f"{'เหตุผล' if lang == 'th' else 'reason'}: {e.reason or '-'}  [{which}]")
        if not problems:
            print(f"บันทึกการตรวจสอบครบถ้วน {len(rows)} รายการ ไม่มีการแก้ไขหรือลบ / "
                  f"The audit log is intact ({len(rows)} entries shown): nothing edited or removed")
    for p in problems:
        print(f"{p.th}\n{p.en}", file=sys.stderr)
    return EXIT_BROKEN if problems else 0
