"""One ``sala`` process doing one kind of work over and over until it is killed (SIGKILL), for
the kill harness. It prints, flushed at once, ``READY`` once the database is open, then one line
per committed step:

    C <contribution id> <session id>   a captured entry, committed
    F <session id>                     a session finalized (its records are in the outbox)
    B <path>                           a backup published
    I <new batches>                    a bundle imported
    S <outcome>                        a sync run finished

Usage: python -m tests.faults.kill_worker MODE DATA_DIR [BUNDLE]
MODE: capture | finalize | backup | import | sync
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from sala.bootstrap import Services, build_services
from sala.domain.inputs import ContributionInput, SessionInput
from sala.paths import AppPaths
from sala.sync.run_report import RetryPolicy

SAID = "อยากให้มีจุดวัดค่าฝุ่นทุกตำบล และแจ้งเตือนผ่านไลน์ก่อนวันที่ค่าฝุ่นสูง"
QUICK = RetryPolicy(base=0.01, cap=0.05, network_attempts=3, busy_attempts=3, max_wait=0.5)


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _open_session(services: Services, title: str) -> str:
    sid = services.sessions.create(SessionInput(title, "minitalk", province="LPG")).id
    if services.sessions.get(sid).status != "open":
        services.sessions.open(sid)
    return sid


def capture(services: Services) -> None:
    sid = _open_session(services, "เวทีทดสอบการปิดเครื่องกะทันหัน")
    for n in itertools.count():
        c = services.contributions.add(sid, ContributionInput("idea", f"{SAID} #{n}"))
        out(f"C {c.id} {sid}")


def finalize(services: Services) -> None:
    for n in itertools.count():
        sid = _open_session(services, f"เวทีที่จะปิดและยืนยัน {n}")
        for i in range(3):
            c = services.contributions.add(sid, ContributionInput("concern", f"{SAID} (ปิด {n}.{i})"))
            out(f"C {c.id} {sid}")
        services.sessions.close(sid)
        services.sessions.finalize(sid)
        out(f"F {sid}")


def backup(services: Services) -> None:
    while True:
        out(f"B {services.db.backup('manual')}")


def import_bundle(services: Services, bundle: Path) -> None:
    while True:
        out(f"I {services.sync.import_bundle(bundle)['new_batches']}")


def sync(services: Services) -> None:
    """Sync with something to send: a small session is finalized first whenever the queue is
    empty, so kills land inside uploads, not only in idle runs."""
    for n in itertools.count():
        if services.sync.status().pending == 0:
            sid = _open_session(services, f"เวทีก่อนส่งข้อมูล {n}")
            for i in range(4):
                c = services.contributions.add(sid, ContributionInput("question", f"{SAID} (ส่ง {n}.{i})"))
                out(f"C {c.id} {sid}")
            services.sessions.close(sid)
            services.sessions.finalize(sid)
            out(f"F {sid}")
        out(f"S {services.sync.sync(policy=QUICK).outcome}")


def main(argv: list[str]) -> int:
    mode, data = argv[0], Path(argv[1])
    services = build_services(AppPaths(data, data / "logs").ensure())
    out("READY")
    if mode == "capture":
        capture(services)
    elif mode == "finalize":
        finalize(services)
    elif mode == "backup":
        backup(services)
    elif mode == "import":
        import_bundle(services, Path(argv[2]))
    elif mode == "sync":
        sync(services)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
