"""Reports: a session summary of 200 contributions with its charts, a period report over 2,000
contributions, and an export of 250,000 contributions to CSV (time and peak memory).

The PyThaiNLP dictionary load (a one-off per process, done at app start by ``warm_up``) is
paid before timing. Peak memory is the process's high-water RSS during the export above its
RSS just before (Linux: /proc/self/clear_refs resets the mark).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select


def _rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0


def run(report) -> None:  # tests.perf.report.Report
    from sala.bootstrap import build_services
    from sala.domain import enums as e
    from sala.domain.thaitext import warm_up
    from sala.paths import AppPaths
    from sala.reports.filters import ReportFilter
    from sala.reports.period_report import build_period_report
    from sala.reports.session_summary import build_session_summary
    from sala.services.demo import generate
    from sala.storage.models import Contribution, Session

    warm_up()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "small"
        svc = build_services(AppPaths(base, base / "logs").ensure())
        try:
            generate(svc.db, 12, seed=11, contributions_per_session=200)
            with svc.db.read() as s:
                sid = s.scalar(select(Session.id).where(Session.kind == e.SessionKind.MINITALK).limit(1))
                contributions = s.scalar(select(func.count(Contribution.id))) or 0
            t0 = time.perf_counter()
            pages = build_session_summary(svc.db, sid, io.BytesIO(), attachments_dir=svc.paths.attachments)
            took = time.perf_counter() - t0
            report.add(f"session summary, 200 contributions + charts ({pages} pages)", took * 1000, "ms",
                       target="≤ 2000 ms", ok=took <= 2.0)
            t0 = time.perf_counter()
            pages = build_period_report(svc.db, ReportFilter(), io.BytesIO())
            took = time.perf_counter() - t0
            report.add(f"period report over {contributions:,} contributions ({pages} pages)", took * 1000, "ms",
                       target="≤ 10000 ms", ok=took <= 10.0)
        finally:
            svc.close()

        base = Path(tmp) / "big"
        svc = build_services(AppPaths(base, base / "logs").ensure())
        try:
            generate(svc.db, 1250, seed=12, contributions_per_session=250)
            with svc.db.read() as s:
                total = s.scalar(select(func.count(Contribution.id))) or 0
        finally:
            svc.close()
        # In a fresh process: this one's heap is already grown by the data generation above.
        out = subprocess.run([sys.executable, "-c", _EXPORT_SCRIPT, str(base)], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}).stdout.split()
        rows, took, grown = int(out[0]), float(out[1]), int(out[2])
        report.add(f"export {rows:,} contributions to CSV", took, "s", target="report")
        report.add("  peak RSS growth during that export (fresh process)", grown / 1024, "MB", target="report")
        report.add("  CSV size", (base / "contributions.csv").stat().st_size / 1e6, "MB", target="report")
        assert rows == total


_EXPORT_SCRIPT = """
import sys, time
from pathlib import Path
from sala.bootstrap import build_services
from sala.paths import AppPaths
from sala.reports.exports import export
from tests.perf.bench_reports import _rss_kb
base = Path(sys.argv[1])
svc = build_services(AppPaths(base, base / "logs"))
export(svc.db, "sessions", "csv", base / "warm.csv")  # imports and first queries, not counted
before = _rss_kb("VmRSS")
Path("/proc/self/clear_refs").write_text("5")  # reset the high-water mark to now
t0 = time.perf_counter()
rows = export(svc.db, "contributions", "csv", base / "contributions.csv")
took = time.perf_counter() - t0
print(rows, took, max(_rss_kb("VmHWM") - before, 0))
svc.close()
"""
