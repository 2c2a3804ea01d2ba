"""A load driver for ``sala-central``: N simulated devices pushing Thai text at once.

Each device is what a laptop is to the service: its own Ed25519 key, its own enrollment (a
signed challenge with a one-time code) and token, its own HTTP connection, one batch in flight,
``Retry-After`` honoured on 429/503. The service is the real ``sala-central serve`` process, on
SQLite or on a PostgreSQL cluster initdb'ed from the installed binaries into a temp folder; a
fresh database every run. Batches are signed before the clock starts (the devices' own work is
not the service's), then every device sends its batches back to back.

Afterwards every record is looked up in the service's database: ``lost`` are records never
stored, ``doubled`` extra rows for one id. Measured while it runs: records/s, the latency of the
acknowledged try (ack p50/p99), first try → ack (429 waits included), 429/503 retries, the
service's peak memory (RSS of its process tree) and CPU seconds.

    python -m tests.perf.load_driver --devices 20 --backend sqlite --records 20000
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

THAI = ("ชาวบ้านในตำบลอยากให้มีการแจ้งเตือนค่าฝุ่น PM2.5 ล่วงหน้า และขอให้เทศบาลจัดจุดแจก"
        "หน้ากากอนามัยให้เด็กนักเรียนกับผู้สูงอายุ รวมถึงควบคุมการเผาในที่โล่งช่วงหน้าแล้ง")
BACKENDS = ("sqlite", "postgres")
MAX_TRIES = 200          # a batch still refused after this many tries counts as lost


@dataclass(frozen=True)
class LoadConfig:
    devices: int = 200
    backend: str = "postgres"
    records: int = 100_000          # in total, spread evenly over the devices
    batch_records: int = 0          # 0: the service's advertised limit
    server_args: tuple[str, ...] = ()


@dataclass
class LoadResult:
    config: LoadConfig
    records: int
    seconds: float
    ack_s: list[float]              # per acknowledged batch: the answered try's latency
    first_to_ack_s: list[float]     # per acknowledged batch: first try's start → ack
    retries_429: int
    other_failures: int             # network errors and statuses other than 200/429/503
    peak_rss_bytes: int             # the largest peak of any one service process
    cpu_s: float
    lost: int
    doubled: int
    processes: int = 1              # service processes that served (workers, not the parent)
    peak_total_rss_bytes: int = 0   # the peak of the whole process tree together
    postgres_cpu_s: float = 0.0     # every PostgreSQL process of the machine (0 on SQLite)
    driver_cpu_s: float = 0.0       # this driver's own (the devices' HTTP clients)

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0

    @staticmethod
    def _pct(values: list[float], p: float) -> float:
        if not values:
            return float("nan")
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    @property
    def ack_p50(self) -> float:
        return statistics.median(self.ack_s) if self.ack_s else float("nan")

    @property
    def ack_p99(self) -> float:
        return self._pct(self.ack_s, 99)

    @property
    def first_to_ack_p99(self) -> float:
        return self._pct(self.first_to_ack_s, 99)

    @property
    def cpu_ms_per_1000(self) -> float:
        return 1000 * self.cpu_s / self.records * 1000 if self.records else float("nan")

    def line(self) -> str:
        c = self.config
        procs = f" ({c.server_args[1]} service processes)" if c.server_args[:1] == ("--workers",) else ""
        return (f"{c.backend}{procs} {c.devices} devices: {self.records} records in {self.seconds:.1f} s, "
                f"{self.rate:,.0f} records/s, ack p50 {self.ack_p50 * 1000:.0f} ms, "
                f"ack p99 {self.ack_p99 * 1000:.0f} ms, first try → ack p99 "
                f"{self.first_to_ack_p99 * 1000:.0f} ms, 429 retries {self.retries_429}, "
                f"other failures {self.other_failures}, service peak memory "
                f"{self.peak_rss_bytes / 2**20:.0f} MB per process "
                f"({self.peak_total_rss_bytes / 2**20:.0f} MB in all), service CPU {self.cpu_s:.1f} s "
                f"({self.cpu_ms_per_1000:.0f} ms per 1,000 records; "
                + (f"PostgreSQL {self.postgres_cpu_s:.1f} s, " if c.backend == "postgres" else "")
                + f"driver {self.driver_cpu_s:.1f} s), lost {self.lost}, "
                f"doubled {self.doubled}")


# -- the service's process: memory and CPU, read from /proc ------------------------------------

def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (a service with several worker processes counts whole)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return found


def _rss_of(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu_s(pids: list[int]) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in pids:
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


def _postgres_pids() -> list[int]:
    pids = []
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/comm") as f:
                    if f.read().strip() in ("postgres", "postmaster"):
                        pids.append(int(p))
            except OSError:
                continue
    return pids


def _own_cpu_s() -> float:
    t = os.times()
    return t.user + t.system


@dataclass
class _Sampler:
    pid: int
    peak: int = 0                   # the whole tree
    per_process: dict[int, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> _Sampler:
        self._thread = threading.Thread(target=self._loop, name="rss-sampler", daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        sizes = {p: _rss_of(p) for p in _tree(self.pid)}
        self.peak = max(self.peak, sum(sizes.values()))
        for p, n in sizes.items():
            self.per_process[p] = max(self.per_process.get(p, 0), n)

    def _loop(self) -> None:
        while not self._stop.wait(0.05):
            self._sample()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample()


# -- the service --------------------------------------------------------------------------------

@contextmanager
def _database(backend: str, tmp: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp / 'central.sqlite3'}"
        return
    if backend != "postgres":
        raise ValueError(f"backend is one of {BACKENDS}, not {backend!r}")
    from tests.integration.servers import PostgresCluster
    root = Path(tempfile.mkdtemp(prefix="sala-load-pg-"))
    cluster = PostgresCluster(root).start()
    try:
        yield cluster.create_database()
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


# -- the devices --------------------------------------------------------------------------------

@dataclass
class _Device:
    dev: Any                          # tests.integration.servers.Device
    batches: list[Any]                # SignedBatch, in order
    ids: list[str]
    ack_s: list[float] = field(default_factory=list)
    first_to_ack_s: list[float] = field(default_factory=list)
    retries_429: int = 0
    failures: int = 0
    unsent: int = 0


def _prepare(server: Any, cfg: LoadConfig) -> list[_Device]:
    """Enroll every device (its own key, code and token) and sign its batches."""
    from sala.wire.protocol import Batch, make_record, sign_batch
    from tests.integration.conftest import enroll

    limit = cfg.batch_records or server.hello.limits.max_records
    per_device = max(1, cfg.records // cfg.devices)
    codes = server.mint_codes(cfg.devices)
    devices = []
    for i, code in enumerate(codes):
        dev = enroll(server, device_id=f"load-{i:04d}-{os.urandom(4).hex()}", code=code)
        recs = [dict(make_record(device_id=dev.device_id, seq=s, type="contribution",
                                 body={"text": f"{THAI} #{i}-{s}", "kind": "idea", "stance": "support",
                                       "topics": ["pm25"]}))
                for s in range(1, per_device + 1)]
        key: Any = dev.key
        batches = [sign_batch(Batch(dev.device_id, recs[j:j + limit]), key)
                   for j in range(0, len(recs), limit)]
        devices.append(_Device(dev, batches, [str(r["id"]) for r in recs]))
    return devices


def _push(d: _Device, url: str, ready: threading.Barrier) -> None:
    """One device: its batches one after another, one in flight, Retry-After honoured.

    ``http.client``, not httpx: two hundred devices share this one Python process and the
    machine's cores with the service, and httpx's pure-Python layers cost about three times
    the CPU a request (the devices' own work is not the service's). A try is timed from the
    request's first byte sent (connecting included, when the service closed the connection
    after a refusal) to its answer read whole, as a device sees it; the answer is gzip as the
    service sends it and is read, not decoded."""
    from sala.wire.http import retry_after_seconds

    host, port = url.removeprefix("http://").rsplit(":", 1)
    conn = http.client.HTTPConnection(host, int(port), timeout=120)
    ready.wait()                         # every device starts at the same moment
    try:
        for b in d.batches:
            headers = b.headers() | d.dev.auth() | {"Accept-Encoding": "gzip"}
            first = time.perf_counter()
            for _ in range(MAX_TRIES):
                t0 = time.perf_counter()
                try:
                    conn.request("POST", "/v1/batches", body=b.body, headers=headers)
                    r = conn.getresponse()
                    r.read()
                except (OSError, http.client.HTTPException):
                    conn.close()
                    d.failures += 1
                    time.sleep(0.5)
                    continue
                t1 = time.perf_counter()
                if r.status == 200:
                    d.ack_s.append(t1 - t0)
                    d.first_to_ack_s.append(t1 - first)
                    break
                if r.status in (429, 503):
                    d.retries_429 += 1
                    # as the laptops' client reads it (Retry-After-Ms when sent)
                    wait = retry_after_seconds(dict(r.getheaders()))
                    time.sleep(1.0 if wait is None else wait)
                    continue
                d.failures += 1
                time.sleep(0.5)
            else:
                d.unsent += 1
    finally:
        conn.close()


def _landed(db_url: str, devices: list[_Device]) -> tuple[int, int]:
    """(lost, doubled): every record looked up in the service's own database."""
    from sqlalchemy import create_engine, text
    eng = create_engine(db_url)
    try:
        with eng.connect() as c:
            counts: dict[str, int] = {str(r[0]): int(r[1]) for r in
                                      c.execute(text("select id, count(*) from records group by id"))}
    finally:
        eng.dispose()
    expected = {i for d in devices for i in d.ids}
    lost = len(expected - counts.keys())
    doubled = sum(n - 1 for n in counts.values() if n > 1) + len(counts.keys() - expected)
    return lost, doubled


def run_load(cfg: LoadConfig) -> LoadResult:
    """Start a fresh service on ``cfg.backend``, push, check, stop; the figures of one run."""
    from tests.integration.servers import CentralServer

    tmp = Path(tempfile.mkdtemp(prefix="sala-load-"))
    try:
        with _database(cfg.backend, tmp) as db_url:
            server = CentralServer(db_url, tmp / "blobs", list(cfg.server_args)).start()
            try:
                devices = _prepare(server, cfg)
                assert server.proc is not None
                pid = server.proc.pid
                ready = threading.Barrier(len(devices) + 1)
                threads = [threading.Thread(target=_push, args=(d, server.url, ready), daemon=True)
                           for d in devices]
                for t in threads:
                    t.start()
                cpu0 = _cpu_s(_tree(pid))
                pg0, me0 = _cpu_s(_postgres_pids()), _own_cpu_s()
                sampler = _Sampler(pid).start()
                t0 = time.perf_counter()
                ready.wait()
                for t in threads:
                    t.join()
                seconds = time.perf_counter() - t0
                sampler.stop()
                cpu = _cpu_s(_tree(pid)) - cpu0
                pg_cpu, driver_cpu = _cpu_s(_postgres_pids()) - pg0, _own_cpu_s() - me0
            finally:
                server.stop()
            lost, doubled = _landed(db_url, devices)
        return LoadResult(
            cfg, sum(len(d.ids) for d in devices), seconds,
            [x for d in devices for x in d.ack_s], [x for d in devices for x in d.first_to_ack_s],
            sum(d.retries_429 for d in devices), sum(d.failures for d in devices),
            max(sampler.per_process.values(), default=0), cpu, lost, doubled,
            processes=max(1, len(sampler.per_process) - (1 if len(sampler.per_process) > 1 else 0)),
            peak_total_rss_bytes=sampler.peak, postgres_cpu_s=pg_cpu, driver_cpu_s=driver_cpu)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cases_from_env(default: str = "200:postgres") -> list[LoadConfig]:
    """``SALA_LOAD_CASES="1:sqlite,20:sqlite,200:postgres,200:postgres:4"`` (devices, backend,
    and service processes when the service takes ``--workers``); ``SALA_LOAD_RECORDS`` per run."""
    records = int(os.environ.get("SALA_LOAD_RECORDS", "100000"))
    out = []
    for case in os.environ.get("SALA_LOAD_CASES", default).split(","):
        n, backend, workers = (case.strip().split(":") + ["", ""])[:3]
        out.append(LoadConfig(devices=int(n), backend=backend or "postgres", records=records,
                              server_args=("--workers", workers) if workers else ()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devices", type=int, default=200)
    ap.add_argument("--backend", choices=BACKENDS, default="postgres")
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--batch-records", type=int, default=0)
    ap.add_argument("--workers", type=int, default=0, help="service processes (sala-central serve --workers)")
    args = ap.parse_args(argv)
    extra = ("--workers", str(args.workers)) if args.workers else ()
    result = run_load(LoadConfig(args.devices, args.backend, args.records, args.batch_records, extra))
    print(result.line())
    return 0 if result.lost == result.doubled == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
