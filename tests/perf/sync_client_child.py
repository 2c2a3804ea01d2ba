"""Child process of ``bench_sync_client``: one ``sala`` client pushing its whole outbox.

Run apart so its peak memory (ru_maxrss) is the client's alone, not the bench's or the
server's. Prints one JSON line: elapsed seconds of the sync run, the run's counts, peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from sala.bootstrap import build_services
from sala.paths import AppPaths


def _peak_kb() -> int:
    """This process's own peak RSS. Linux keeps ru_maxrss across fork+exec, so a child started
    by a large bench process would report the parent's peak; VmHWM belongs to this image alone."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(data_dir: str) -> None:
    d = Path(data_dir)
    services = build_services(AppPaths(d, d / "logs"))
    try:
        t0 = time.perf_counter()
        report = services.sync.sync()
        elapsed = time.perf_counter() - t0
    finally:
        services.close()
    print(json.dumps({"elapsed": elapsed, **report.as_json(),
                      "maxrss_kb": _peak_kb()}))


if __name__ == "__main__":
    main(sys.argv[1])
