"""The kill harness: SIGKILL ``sala`` processes at random points while they capture, finalize,
back up, import bundles and sync to a real ``sala-central`` process; after each kill reopen the
database and check it. At the end one clean sync, then the ledger is compared with the laptop.

Prints one line: ``kills N lost L duplicated D integrity failures I`` where

- lost: an entry a worker reported committed that is not in the database; a record of a
  finalized session missing from the outbox; an outbox record marked sent that the server does
  not hold; a forwarded bundle's record the server does not hold; or anything still pending
  after the final clean sync (the link is up: nothing has a reason to wait);
- duplicated: server rows beyond the first for one record id;
- integrity failures: reopenings whose ``PRAGMA integrity_check`` was not ``ok`` or that would
  not open.

Run: ``python -m tests.faults.kill_harness [KILLS]`` (default ``SALA_KILLS`` or 200); ``make kills``
runs 2,000. The pytest wrapper is ``tests/faults/test_kill_harness.py``.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, select, text

from sala.bootstrap import Services, build_services
from sala.domain.inputs import ContributionInput, SessionInput
from sala.paths import AppPaths
from sala.storage.models import Contribution, OutboxEntry, SyncBatch
from sala.sync.run_report import RetryPolicy
from tests.integration.servers import REPO, CentralServer

MODES = ("capture", "finalize", "backup", "import", "sync")
FINAL = RetryPolicy(base=0.02, cap=0.2, network_attempts=20, busy_attempts=20, max_wait=5.0)


@dataclass
class Tally:
    kills: int = 0
    lost: int = 0
    duplicated: int = 0
    integrity_failures: int = 0
    worker_errors: list[str] = field(default_factory=list)
    by_mode: Counter[str] = field(default_factory=Counter)
    before_ready: int = 0
    pending_after: int = 0
    detail: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"kills {self.kills} lost {self.lost} duplicated {self.duplicated} "
                f"integrity failures {self.integrity_failures}")


def _laptop(folder: Path) -> Services:
    return build_services(AppPaths(folder, folder / "logs").ensure())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "desktop"), str(REPO), env.get("PYTHONPATH", "")])
    env.pop("QT_QPA_PLATFORM", None)
    return env


def _prepare(root: Path, server: CentralServer) -> tuple[Path, Path, set[str]]:
    """Laptop A (enrolled; the one killed) and a bundle from laptop B (enrolled, never syncs
    itself): returns A's folder, the bundle and B's record ids."""
    a_dir, b_dir = root / "a", root / "b"
    codes = server.mint_codes(2)
    a = _laptop(a_dir)
    try:
        a.sync.enroll(server.url, codes[0])
    finally:
        a.close()
    b = _laptop(b_dir)
    try:
        b.sync.enroll(server.url, codes[1])
        sid = b.sessions.create(SessionInput("เวทีของเครื่องที่ไม่มีสัญญาณ", "minitalk", province="CMI")).id
        b.sessions.open(sid)
        for i in range(12):
            b.contributions.add(sid, ContributionInput("opinion", f"ส่งผ่านแฟลชไดรฟ์ #{i}"))
        b.sessions.close(sid)
        b.sessions.finalize(sid)
        bundle = root / "usb" / "b.sala"
        bundle.parent.mkdir()
        b.sync.export_bundle(bundle)
        with b.db.read() as s:
            b_ids = set(s.scalars(select(OutboxEntry.record_id)))
    finally:
        b.close()
    return a_dir, bundle, b_ids


def _one_kill(rng: random.Random, mode: str, a_dir: Path, bundle: Path, log: Path, tally: Tally) -> list[str]:
    with open(log, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "tests.faults.kill_worker", mode, str(a_dir), str(bundle)],
                                stdout=subprocess.PIPE, stderr=err, text=True, cwd=REPO, env=_env())
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        if rng.random() < 0.2:  # while opening: integrity check, device row, first writes
            tally.before_ready += 1
            try:
                proc.wait(timeout=rng.uniform(0.0, 1.0))
            except subprocess.TimeoutExpired:
                pass
        else:
            wanted = rng.randint(0, 8)
            seen = -1  # READY, then ``wanted`` committed steps
            while seen < wanted:
                line = proc.stdout.readline()
                if not line:
                    break
                lines.append(line.strip())
                seen += 1
            try:  # a little jitter, so the kill lands anywhere inside the next step
                proc.wait(timeout=rng.uniform(0.0, 0.05))
            except subprocess.TimeoutExpired:
                pass
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(30)
        lines += [ln.strip() for ln in proc.stdout.read().splitlines()]
        proc.stdout.close()
    if proc.returncode != -signal.SIGKILL:
        tally.worker_errors.append(f"{mode} exited {proc.returncode}: {log.read_text(errors='replace')[-2000:]}")
    else:
        tally.kills += 1
        tally.by_mode[mode] += 1
    return lines


def _integrity_ok(db: Path) -> bool:
    try:
        conn = sqlite3.connect(db)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def run(kills: int, root: Path, seed: int | None = None) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    server = CentralServer(f"sqlite:///{root / 'central.sqlite3'}", root / "blobs").start()
    try:
        a_dir, bundle, b_ids = _prepare(root, server)
        db = a_dir / "sala.sqlite3"
        committed: dict[str, str] = {}
        finalized: set[str] = set()
        attempts = 0
        while tally.kills < kills and attempts < kills * 2:
            attempts += 1
            mode = rng.choice(MODES)
            for line in _one_kill(rng, mode, a_dir, bundle, root / "worker.log", tally):
                word, *rest = line.split()
                if word == "C":
                    committed[rest[0]] = rest[1]
                elif word == "F":
                    finalized.add(rest[0])
            if not _integrity_ok(db):
                tally.integrity_failures += 1
                tally.detail.append(f"integrity check failed after killing {mode}")
        _settle(root, a_dir, server, committed, finalized, b_ids, tally)
    finally:
        server.stop()
    return tally


def _settle(root: Path, a_dir: Path, server: CentralServer, committed: dict[str, str], finalized: set[str],
            b_ids: set[str], tally: Tally) -> None:
    """Reopen (with the integrity check), sync cleanly, then compare the laptop with the ledger."""
    a = _laptop(a_dir)
    try:
        for _ in range(5):
            report = a.sync.sync(policy=FINAL)
            if str(report.outcome) == "ok":
                break
        with a.db.read() as s:
            stored = dict(s.execute(select(Contribution.id, Contribution.session_id)).all())
            outbox = dict(s.execute(select(OutboxEntry.record_id, OutboxEntry.state)).all())
            forwarded = s.scalar(select(SyncBatch.batch_id).where(SyncBatch.via == "bundle").limit(1)) is not None
    finally:
        a.close()
    engine = create_engine(server.db_url)
    try:
        with engine.connect() as c:
            on_server: dict[str, int] = dict(c.execute(text("SELECT id, count(*) FROM records GROUP BY id")).all())
    finally:
        engine.dispose()

    missing = [cid for cid in committed if cid not in stored]
    unqueued = [cid for cid, sid in stored.items() if sid in finalized and cid not in outbox]
    sent_not_there = [r for r, st in outbox.items() if st in ("accepted", "duplicate") and r not in on_server]
    pending = [r for r, st in outbox.items() if st == "pending"]
    b_missing = [r for r in b_ids if r not in on_server] if forwarded else []
    tally.pending_after = len(pending)
    tally.lost = len(missing) + len(unqueued) + len(sent_not_there) + len(b_missing) + len(pending)
    tally.duplicated = sum(n - 1 for n in on_server.values())
    for name, items in (("committed entries missing", missing), ("finalized but not queued", unqueued),
                        ("marked sent but not on the server", sent_not_there),
                        ("forwarded but not on the server", b_missing), ("still pending", pending)):
        if items:
            tally.detail.append(f"{name}: {len(items)} (e.g. {items[:3]})")
    parts = [p.name for p in a_dir.rglob("*.part")]
    tally.detail.append(f"temporary .part files left by killed writers (hidden, never listed as backups): {len(parts)}")
    tally.detail.append(f"committed entries {len(committed)}, finalized sessions {len(finalized)}, "
                        f"outbox {len(outbox)}, server records {len(on_server)}, bundle forwarded {forwarded}, "
                        f"kills by mode {dict(tally.by_mode)}, before READY {tally.before_ready}")


def main(argv: list[str]) -> int:
    kills = int(argv[0]) if argv else int(os.environ.get("SALA_KILLS", "200"))
    with tempfile.TemporaryDirectory(prefix="sala-kills-") as tmp:
        tally = run(kills, Path(tmp))
    print(tally.line())
    for d in tally.detail:
        print("  " + d, file=sys.stderr)
    for e in tally.worker_errors[:5]:
        print("  worker error: " + e, file=sys.stderr)
    bad = tally.lost or tally.duplicated or tally.integrity_failures or tally.worker_errors
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
