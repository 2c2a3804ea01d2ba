"""The load driver itself, small: three devices on SQLite, every record checked afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.perf.load_driver import LoadConfig, run_load


def test_three_devices_push_and_every_record_lands_once() -> None:
    r = run_load(LoadConfig(devices=3, backend="sqlite", records=900, batch_records=100))
    assert r.records == 900 and r.lost == 0 and r.doubled == 0
    assert len(r.ack_s) == len(r.first_to_ack_s) == 9           # three batches per device
    assert all(f >= a for a, f in zip(r.ack_s, r.first_to_ack_s, strict=True))
    assert r.peak_rss_bytes > 10 * 2**20 and r.cpu_s > 0          # the service was measured
    assert r.other_failures == 0
    assert "records/s" in r.line() and "lost 0" in r.line()


def test_the_landing_check_sees_a_lost_and_a_doubled_record(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    from tests.perf.load_driver import _Device, _landed

    url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    eng = create_engine(url)
    with eng.begin() as c:   # the ledger allows no double; a bare table stands in for a broken one
        c.execute(text("create table records (id text)"))
        c.execute(text("insert into records values ('a'), ('b'), ('b'), ('stranger')"))
    eng.dispose()
    dev = _Device(dev=None, batches=[], ids=["a", "b", "c"])
    assert _landed(url, [dev]) == (1, 2)      # c lost; b twice and a stranger's record: doubled


@pytest.mark.postgres
def test_a_tiny_grid_on_postgresql_with_two_service_processes() -> None:
    r = run_load(LoadConfig(devices=4, backend="postgres", records=400, batch_records=50,
                            server_args=("--workers", "2")))
    assert r.records == 400 and r.lost == 0 and r.doubled == 0 and r.other_failures == 0
    assert r.processes == 2                                      # both workers measured
    assert 10 * 2**20 < r.peak_rss_bytes < r.peak_total_rss_bytes
    # PostgreSQL's CPU is read from /proc in clock ticks (10 ms): 400 records may cost it less than one tick,
    # so the test checks that it is measured and reported, not that it is above zero (a CI run read 0.0)
    assert r.postgres_cpu_s >= 0 and "PostgreSQL" in r.line() and "per process" in r.line()
