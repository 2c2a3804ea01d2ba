"""Run inside ``dbus-run-session`` with an unlocked gnome-keyring (test_secret_service.py).

``python -m tests.integration.keyring_child add|read DATA_DIR`` builds Sala's services over
DATA_DIR and adds one participant with a contact, or reads it back; it prints one JSON line:
the keyring backend, where the contacts' key is kept, and the contact it read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import keyring

from sala.bootstrap import build_services
from sala.domain.inputs import ParticipantInput, SessionInput
from sala.paths import AppPaths


def main(action: str, data_dir: str) -> None:
    paths = AppPaths(Path(data_dir), Path(data_dir) / "logs").ensure()
    svc = build_services(paths)
    try:
        if action == "add":
            sid = svc.sessions.create(SessionInput("สนทนากลุ่มงบประมาณชลบุรี", "focus_group", province="ชลบุรี")).id
            pid = svc.participants.add(sid, ParticipantInput("P01", consent="written", contact_name="สมศรี มีสุขใจ",
                                                             phone="0812345678")).id
            svc.db.backup("manual")
        else:
            pid = svc.participants.find(phone="081-234-5678")[0]
        contact = svc.participants.contact(pid)
        print(json.dumps({"backend": type(keyring.get_keyring()).__module__, "where": svc.participants.vault.where(),
                          "device_id": svc.db.device_id, "pid": pid,
                          "contact": [contact.name, contact.phone] if contact else None}, ensure_ascii=False))
    finally:
        svc.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
