"""The installed app's figures: the one-folder bundle's size and the frozen start to the main window.

The bundle is built here from the current checkout with the same spec as ``make dist`` (about a
minute), into the bench cache, not ``dist/``. The frozen start is timed from process start to
the main window's first paint, which the app reports on stdout when ``SALA_MARK_SHOWN`` is set
(``sala.ui.shell.startup``); a bare PySide6 window from the checkout's Python is the baseline.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.perf.bench_storage import _startup
from tests.perf.report import Report

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(tempfile.gettempdir()) / "sala-bench" / "dist"
SIZE_TARGET_MB = 150
"""The issue's megabytes: 10^6 bytes (150 MB = 143.05 MiB, what ``du -h`` would print as "143M")."""
MB = 10**6
START_TARGET_MS = 1000


def build_bundle() -> Path:
    """``Sala/`` built from the checkout now (the spec of ``make dist``)."""
    from sala.ui import i18n_build

    i18n_build.build()
    shutil.rmtree(CACHE, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(CACHE / "dist"), "--workpath", str(CACHE / "build"),
                    str(ROOT / "packaging" / "sala.spec")], cwd=ROOT, check=True)
    return CACHE / "dist" / "Sala"


def bundle_bytes(bundle: Path) -> int:
    """What the folder takes: every file once (links not followed)."""
    return sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())


def frozen_start_ms(bundle: Path) -> float:
    """Process start → ``SHOWN`` (the main window's first paint), with a fresh data folder."""
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SALA_MARK_SHOWN="1", SALA_DATA_DIR=d, HOME=d)
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(bundle / "Sala")], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        watchdog = threading.Timer(60, proc.kill)  # a hung app fails the figure, not the run
        watchdog.start()
        shown = None
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("SHOWN"):
                    shown = (time.perf_counter() - t0) * 1000
                    break
        finally:
            watchdog.cancel()
            proc.terminate()
            proc.wait(30)
        if shown is None:
            raise RuntimeError("the frozen app never showed its main window")
        return shown


def run(report: Report) -> None:
    bundle = build_bundle()
    size = bundle_bytes(bundle)
    report.add(f"installed app (one-folder bundle) size ({size / 2**20:.1f} MiB)", size / MB, "MB",
               target=f"≤ {SIZE_TARGET_MB} MB", ok=size <= SIZE_TARGET_MB * MB)
    frozen_start_ms(bundle)  # warm the OS file cache, as for any second start
    _startup(["bare"])
    bare = statistics.median(_startup(["bare"])[0] for _ in range(5))
    shown = statistics.median(frozen_start_ms(bundle) for _ in range(5))
    report.add("frozen app: start to main window shown (median of 5)", shown, "ms",
               target=f"≤ {START_TARGET_MS} ms", ok=shown <= START_TARGET_MS, baseline=bare,
               baseline_name="bare PySide6 window (checkout)")
