"""``sala setup FILE``: make this laptop trust its platform from a signed deployment file.

The file (made by ``sala-central deployment-file``) is checked — the platform's signature,
its expiry, its shape — before anything is written. Then the laptop pins the platform (the sync
will talk to no other server), seals personal data to it from now on, and takes the agency,
unit and default province it names. A refused file changes nothing and exits 2 with the reason
in Thai and English.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sala.domain.counts import count_en


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="trust the central platform named in a signed deployment "
                                     "file (ตั้งค่าระบบกลางจากไฟล์ที่ลงนามแล้ว)")
    p.add_argument("file", type=Path, help="the deployment file from your administrator")
    p.add_argument("--allow-http", action="store_true",
                   help="accept a plain http:// platform address (only on a network your "
                        "administrator says is safe)")
    p.add_argument("--json", action="store_true", help="print what was set as JSON")
    p.set_defaults(func=run_setup)


def run_setup(args: argparse.Namespace, services) -> int:
    info = services.sync.adopt_deployment(args.file, allow_http=args.allow_http)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return 0
    print(f"เครื่องนี้เชื่อถือระบบกลาง {info['name']} ({info['server_id']}) ที่ {info['url']} แล้ว "
          f"ปิดผนึกข้อมูลติดต่อ {info['sealed_contacts']} รายการ\n"
          f"This laptop now trusts the central platform {info['name']} ({info['server_id']}) at "
          f"{info['url']}; {count_en(info['sealed_contacts'], 'contact record', 'contact records')} sealed to it.")
    return 0
