"""``make bench``: run every ``tests/perf/bench_*.py`` module's ``run(report)`` (and the load
driver's, ``load_bench``, and audience mode's, ``audience_bench``) and print figures.

Usage: python -m tests.perf.run [NAME ...]   (names filter modules, e.g. ``storage``)
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback

from tests.perf.report import Report, format_figure


def main(argv: list[str]) -> int:
    import tests.perf as pkg

    names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__)
                   if m.name.startswith("bench_") or m.name in ("load_bench", "audience_bench"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    report = Report()
    failed: list[str] = []
    for name in names:
        print(f"== {name}", flush=True)
        t0 = time.perf_counter()
        try:
            importlib.import_module(f"tests.perf.{name}").run(report)
        except Exception:  # noqa: BLE001 - a broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        print(f"   ({time.perf_counter() - t0:.1f} s)", flush=True)
    print("\n== summary")
    for f in report.figures:
        print(format_figure(f))
    misses = [f.name for f in report.figures if f.ok is False]
    print(f"\n{len(report.figures)} figures, {len(misses)} missed target, {len(failed)} benchmarks failed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
