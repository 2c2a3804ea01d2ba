"""Sync through the real client: 100,000 contributions from a real local database's outbox to
``sala-central`` on loopback (SQLite backend).

The client is ``SyncService.sync`` in a child process (``sync_client_child.py``): it probes
/v1/hello, cuts the outbox into signed gzip batches at the advertised limits, persists each
before sending, keeps two in flight and applies every answer in one local transaction.
Baseline in the same run — "the limit": the same number of rows as one prepared gzip body
POSTed by a bare HTTP client and bulk-inserted (``bench_sync.baseline_app``).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

N = 100_000


def _fill(data: Path) -> None:
    from sala.bootstrap import build_services
    from sala.paths import AppPaths
    from sala.sync import outbox
    from tests.perf.bench_sync import THAI
    services = build_services(AppPaths(data, data / "logs").ensure())
    try:
        for start in range(0, N, 10_000):
            items = [("contribution", None, {"text": f"{THAI[:140]} #{i}", "kind": "idea",
                                             "stance": "support", "topics": ["pm25"],
                                             "session_id": "01a2b3c4-0000-7000-8000-000000000001"},
                      [], None) for i in range(start, start + 10_000)]
            with services.db.write() as s:
                outbox.enqueue(s, services.db.device_id, items)  # type: ignore[arg-type]
    finally:
        services.close()


def run(report: Any) -> None:
    from tests.integration.servers import REPO, CentralServer, _child_env
    from tests.perf.bench_sync import _records, _start_baseline

    tmp = Path(tempfile.mkdtemp(prefix="sala-bench-client-"))
    server = CentralServer(f"sqlite:///{tmp / 'central.sqlite3'}", tmp / "blobs").start()
    baseline_proc = None
    try:
        data = tmp / "laptop"
        _fill(data)
        from sala.bootstrap import build_services
        from sala.paths import AppPaths
        svc = build_services(AppPaths(data, data / "logs"))
        try:
            svc.sync.enroll(server.url, server.mint_codes(1)[0])
        finally:
            svc.close()
        env = _child_env() | {"PYTHONPATH": os.pathsep.join([str(REPO / "desktop"), str(REPO)])}
        done = subprocess.run([sys.executable, "-m", "tests.perf.sync_client_child", str(data)],
                              capture_output=True, text=True, env=env, cwd=REPO, timeout=600)
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        out = json.loads(done.stdout.strip().splitlines()[-1])
        assert out["outcome"] == "ok" and out["accepted"] == N, out

        baseline_proc, burl = _start_baseline(tmp)
        records = _records("baseline-device")
        rows = [{"id": r["id"], "device_id": r["device_id"], "seq": r["seq"], "type": r["type"],
                 "schema": r["schema"], "created_at": r["created_at"], "hash": r["hash"],
                 "body": json.dumps(r["body"], ensure_ascii=False), "blobs": "[]",
                 "batch_id": "bench", "received_at": 0.0} for r in records]
        body = gzip.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), 6)
        t0 = time.perf_counter()
        r = httpx.post(burl + "/bulk", content=body, timeout=300)
        base_s = time.perf_counter() - t0
        assert r.json()["inserted"] == N

        push_s = out["elapsed"]
        rate = N / push_s
        report.add("client sync 100k contributions from outbox (records/s)", rate, "rec/s",
                   target="≥ 10000", ok=rate >= 10_000)
        report.add("client sync 100k contributions (seconds)", push_s, "s", target="-",
                   baseline=base_s, baseline_name="bare bulk insert", ratio_target="≤ 3×",
                   ok=push_s <= 3 * base_s)
        report.add("client sync bytes on the wire per contribution (up+down)",
                   (out["bytes"] + out["bytes_down"]) / N, "B", target="-")
        peak_mb = out["maxrss_kb"] / 1024
        report.add("client sync peak memory (RSS)", peak_mb, "MB", target="≤ 300", ok=peak_mb <= 300)
    finally:
        server.stop()
        if baseline_proc is not None:
            baseline_proc.terminate()
            baseline_proc.wait(10)
        shutil.rmtree(tmp, ignore_errors=True)
