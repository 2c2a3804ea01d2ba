"""Foundation figures: cold start, durable save, a 250,000-contribution database, search, memory."""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.perf.report import Report

BIG_SESSIONS = 3800          # × ~66 contributions each ≈ 250,000
CACHE = Path(tempfile.gettempdir()) / "sala-bench"
ROOT = Path(__file__).resolve().parents[2]


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def big_database() -> Path:
    """A cached demo database with about 250,000 contributions (built once, ~1–2 minutes)."""
    from sala.services.demo import generate
    from sala.storage import migrate
    from sala.storage.database import open_database

    path = CACHE / f"big-{migrate.head_revision()}-v1" / "sala.sqlite3"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("building.sqlite3")
    for f in path.parent.glob("building.sqlite3*"):
        f.unlink()
    db, _ = open_database(tmp)
    t0 = time.perf_counter()
    counts = generate(db, BIG_SESSIONS, seed=250)
    db.close()
    print(f"   built bench database: {counts} in {time.perf_counter() - t0:.0f} s", flush=True)
    tmp.rename(path)
    return path


def _startup(args: list[str]) -> tuple[float, int]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tests.perf.startup_child", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    shown_at, peak = None, 0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("SHOWN") and shown_at is None:
            shown_at = time.perf_counter() - t0
        elif line.startswith("VMHWM"):
            peak = int(line.split()[1])
    proc.wait(60)
    if shown_at is None:
        raise RuntimeError(f"start-up child failed: {args}")
    return shown_at * 1000, peak


def bench_cold_start(report: Report, big: Path) -> None:
    with tempfile.TemporaryDirectory() as d:
        fresh = Path(d) / "sala.sqlite3"
        _startup(["sala", str(fresh)])  # create + migrate once; start-ups below open an existing db
        _startup(["bare"])
        bare = statistics.median(_startup(["bare"])[0] for _ in range(5))
        sala = statistics.median(_startup(["sala", str(fresh)])[0] for _ in range(5))
    report.add("cold start to main window shown (median of 5)", sala, "ms", baseline=bare,
               baseline_name="bare PySide6 window", ratio_target="≤ 1.5×", ok=sala <= 1.5 * bare)
    ms, _ = _startup(["sala", str(big)])
    report.add("open 250k-contribution db, first page shown (process start)", ms, "ms", baseline=bare,
               baseline_name="bare PySide6 window")
    _, peak_kb = _startup(["sala", str(big), "--search", "ฝุ่น"])
    report.add("peak memory: 250k db, list shown, Thai search", peak_kb / 1024, "MB", target="≤ 300 MB",
               ok=peak_kb / 1024 <= 300)


def bench_durable_save(report: Report) -> None:
    from sala.bootstrap import build_services
    from sala.domain.inputs import ContributionInput, SessionInput
    from sala.paths import AppPaths
    from sala.storage.engine import apply_pragmas

    with tempfile.TemporaryDirectory() as d:
        services = build_services(AppPaths(Path(d), Path(d) / "logs"))
        sid = services.sessions.create(SessionInput(title="เวทีทดสอบ", kind="minitalk", province="LPG")).id
        text = "ผมคิดว่าฝุ่นละอองขนาดเล็กทำให้เด็กในชุมชนป่วยเป็นโรคทางเดินหายใจบ่อยขึ้น ควรติดตั้งเครื่องวัดคุณภาพอากาศ"
        ours = []
        for i in range(400):
            t0 = time.perf_counter()
            services.contributions.add(sid, ContributionInput("opinion", f"{text} {i}", stance="support"))
            ours.append((time.perf_counter() - t0) * 1000)
        services.close()
        raw_conn = sqlite3.connect(Path(d) / "raw.sqlite3", isolation_level=None)
        apply_pragmas(raw_conn)
        raw_conn.execute("CREATE TABLE c (id TEXT PRIMARY KEY, session_id TEXT, type TEXT, text TEXT, recorded_at TEXT)")
        raw = []
        for i in range(400):
            t0 = time.perf_counter()
            raw_conn.execute("BEGIN IMMEDIATE")
            raw_conn.execute("INSERT INTO c VALUES (?, ?, ?, ?, ?)", (f"id{i}", sid, "opinion", f"{text} {i}", "t"))
            raw_conn.execute("COMMIT")
            raw.append((time.perf_counter() - t0) * 1000)
        raw_conn.close()
    p50, p99 = _pct(ours, 50), _pct(ours, 99)
    raw99 = _pct(raw, 99)
    report.add("contribution saved durably, p50", p50, "ms", baseline=_pct(raw, 50), baseline_name="raw sqlite3")
    report.add("contribution saved durably, p99", p99, "ms", target="≤ 15 ms", ok=p99 <= 15 and p99 <= 3 * raw99,
               baseline=raw99, baseline_name="raw sqlite3 insert+commit", ratio_target="≤ 3×")


def bench_big_database(report: Report, big: Path) -> None:
    from sala.bootstrap import build_services
    from sala.domain.thaitext import warm_up
    from sala.paths import AppPaths
    from sala.services.sessions import SessionFilter

    warm_up()
    t0 = time.perf_counter()
    services = build_services(AppPaths.for_database(big))
    rows = services.sessions.list(SessionFilter(), 0, 100)
    total = services.sessions.count(SessionFilter())
    ms = (time.perf_counter() - t0) * 1000
    report.add(f"open 250k db + first page of {total:,} sessions (in process)", ms, "ms", target="≤ 300 ms", ok=ms <= 300)
    assert rows
    times = []
    for q in ("ฝุ่น", "ขยะพลาสติก", "คุณภาพอากาศ", "งบประมาณ", "ไฟ", "ฝุ่นควัน"):
        t0 = time.perf_counter()
        services.search.search(q, limit=200)
        times.append((time.perf_counter() - t0) * 1000)
    report.add("Thai search over 250k contributions, worst of 6 queries", max(times), "ms", target="≤ 150 ms",
               ok=max(times) <= 150)
    t0 = time.perf_counter()
    services.sessions.list(SessionFilter(text="ฝุ่น"), 0, 100)
    services.sessions.count(SessionFilter(text="ฝุ่น"))
    ms = (time.perf_counter() - t0) * 1000
    report.add("session list filtered by Thai search (page + count)", ms, "ms", target="≤ 150 ms", ok=ms <= 150)
    services.close()


def run(report: Report) -> None:
    big = big_database()
    bench_durable_save(report)
    bench_big_database(report, big)
    bench_cold_start(report, big)
