"""``sala info``: paths, counts and schema version."""

from __future__ import annotations

import argparse
import json

from sqlalchemy import func, select

from sala.storage import models as m
from sala.storage.database import schema_version


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="paths, counts and schema version")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, services) -> int:
    db = services.db
    counts = {}
    with db.read() as s:
        for name, model in (("sessions", m.Session), ("participants", m.Participant),
                            ("contributions", m.Contribution), ("ratings", m.Rating), ("votes", m.Vote),
                            ("attachments", m.Attachment), ("topics", m.Topic)):
            counts[name] = s.execute(select(func.count()).select_from(model)).scalar_one()
        pending = s.execute(select(func.count()).select_from(m.OutboxEntry)
                            .where(m.OutboxEntry.state == "pending")).scalar_one()
    info = {
        "database": str(db.path),
        "data_dir": str(services.paths.data_dir),
        "log_dir": str(services.paths.log_dir),
        "backups": str(db.backups_dir),
        "schema_version": schema_version(db),
        "device_id": db.device_id,
        "counts": counts,
        "outbox_pending": pending,
    }
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"ฐานข้อมูล / database:   {info['database']}")
    print(f"โฟลเดอร์ข้อมูล / data:   {info['data_dir']}")
    print(f"บันทึก / logs:          {info['log_dir']}")
    print(f"สำรอง / backups:        {info['backups']}")
    print(f"รุ่นโครงสร้าง / schema:  {info['schema_version']}")
    print(f"อุปกรณ์ / device:        {info['device_id']}")
    for k, v in counts.items():
        print(f"  {k:<14} {v:>10,}")
    print(f"  {'outbox pending':<14} {pending:>10,}")
    return 0
