"""``make bench``: the load driver's figures, each beside its target.

By default 200 devices on PostgreSQL pushing 100,000 records (issue 11's figure); issue 15's
grid is ``SALA_LOAD_CASES="1:sqlite,20:sqlite,100:sqlite,200:sqlite,1:postgres,…"``, and
``SALA_LOAD_RECORDS`` changes the records per run. Targets are issue 15's (200 devices on
PostgreSQL, this 2-core machine); lost and doubled must be 0 in every case.
"""

from __future__ import annotations

from typing import Any

from tests.perf.load_driver import cases_from_env, run_load


def run(report: Any) -> None:
    for cfg in cases_from_env():
        r = run_load(cfg)
        print("   " + r.line(), flush=True)
        name = f"load {cfg.devices} devices {cfg.backend}"
        if cfg.server_args[:1] == ("--workers",):
            name += f" ×{cfg.server_args[1]} processes"
        big_pg = cfg.devices >= 200 and cfg.backend == "postgres"
        report.add(f"{name}: records/s", r.rate, "rec/s", target="≥ 20000" if big_pg else "",
                   ok=r.rate >= 20_000 if big_pg else None)
        report.add(f"{name}: ack p50", r.ack_p50 * 1000, "ms")
        report.add(f"{name}: ack p99", r.ack_p99 * 1000, "ms", target="≤ 1000" if big_pg else "",
                   ok=r.ack_p99 <= 1.0 if big_pg else None)
        report.add(f"{name}: first try → ack p99", r.first_to_ack_p99 * 1000, "ms",
                   target="≤ 3000" if big_pg else "", ok=r.first_to_ack_p99 <= 3.0 if big_pg else None)
        report.add(f"{name}: 429 retries", r.retries_429, "")
        report.add(f"{name}: service peak memory", r.peak_rss_bytes / 2**20, "MB", target="≤ 300",
                   ok=r.peak_rss_bytes <= 300 * 2**20)
        report.add(f"{name}: service CPU per 1,000 records", r.cpu_ms_per_1000, "ms")
        report.add(f"{name}: lost", r.lost, "rec", target="0", ok=r.lost == 0)
        report.add(f"{name}: doubled", r.doubled, "rec", target="0", ok=r.doubled == 0)
