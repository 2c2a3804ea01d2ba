"""The link-fault harness: many short sync rounds of the real engine through :class:`FaultProxy`
to a real ``sala-central`` process, one seeded fault per connection, until at least
``SALA_FAULTS`` (1,000 in CI; ``make faults`` asks for more) faults were injected. Then, over a
clean link, everything is sent, and the server holds every record exactly once with the hash
the laptop made.
"""

from __future__ import annotations

import os
import random
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, select, text

from sala.bootstrap import Services
from sala.storage.models import OutboxEntry
from sala.sync.client import CentralClient, NoLink
from sala.sync.messages import Outcome
from sala.sync.run_report import RetryPolicy
from sala.wire import http
from tests.faults.proxy import FaultProxy, Plan
from tests.integration.servers import CentralServer
from tests.integration.sync_helpers import enroll, fill, laptop, point_at, states

FAULTS = int(os.environ.get("SALA_FAULTS", "1000"))
SEED = int(os.environ.get("SALA_FAULTS_SEED", "20261201"))

#: Short everything: backoff in milliseconds, a stall noticed after 0.3 s.
POLICY = RetryPolicy(base=0.002, cap=0.02, network_attempts=6, busy_attempts=60, max_wait=2.0,
                     stall=0.3)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[CentralServer]:
    # small batches: more requests (and faults) per record, each one quick for the server
    srv = CentralServer(f"sqlite:///{tmp_path / 'central.sqlite3'}", tmp_path / "blobs",
                        ["--max-records", "25"]).start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Services]]:
    two = [laptop(tmp_path, "laptop-a"), laptop(tmp_path, "laptop-b")]
    yield two
    for s in two:
        s.close()


@pytest.fixture
def svc(laptops: list[Services]) -> Services:
    return laptops[0]


def _server_hashes(server: CentralServer) -> tuple[dict[str, str], int]:
    eng = create_engine(server.db_url)
    try:
        with eng.connect() as c:
            rows = c.execute(text("select id, hash from records")).all()
    finally:
        eng.dispose()
    return {r[0]: r[1] for r in rows}, len(rows)


def _local_hashes(svc: Services) -> dict[str, str]:
    with svc.db.read() as s:
        return {r[0]: r[1] for r in s.execute(select(OutboxEntry.record_id, OutboxEntry.hash))}


def _rounds(svc: Services, proxy: FaultProxy, seed: int, tally: Counter[str]) -> None:
    """Short sync rounds (a few new records before each) until the proxy has injected enough."""
    rng = random.Random(seed)
    rounds = 0
    while proxy.total < FAULTS:
        fill(svc, rng.randrange(0, 40), start=rounds * 100)
        report = svc.sync.sync(policy=POLICY, in_flight=2)
        tally[str(report.outcome)] += 1
        tally["ended on a stall"] += "The link stalled" in report.detail
        assert report.outcome in (Outcome.OK, Outcome.NO_LINK, Outcome.BUSY), report.detail
        rounds += 1
        assert rounds < 20 * FAULTS, "faults are not being injected"


@pytest.mark.slow
@pytest.mark.timeout(max(900, FAULTS))   # about 2.5 minutes for 1,000 faults on 2 busy cores
def test_a_thousand_link_faults_lose_and_double_nothing(server: CentralServer, laptops: list[Services]) -> None:
    """Two laptops at once, each a real sync engine, through one faulty link."""
    proxy = FaultProxy(server.port, seed=SEED).start()
    tallies = [Counter[str](), Counter[str]()]
    errors: list[BaseException] = []

    def drive(i: int) -> None:
        try:
            _rounds(laptops[i], proxy, SEED + i, tallies[i])
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread below
            errors.append(exc)
            proxy.stop()

    try:
        for svc in laptops:
            enroll(svc, server)
            point_at(svc, proxy.url)
        workers = [threading.Thread(target=drive, args=(i,)) for i in range(len(laptops))]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
    finally:
        proxy.stop()
    if errors:
        raise errors[0]
    outcomes = tallies[0] + tallies[1]
    kinds = dict(proxy.injected)
    print(f"\n{proxy.connections} connections, {proxy.total} faults {kinds}, outcomes {dict(outcomes)}")
    assert proxy.total >= FAULTS
    assert set(kinds) >= {"cut", "reset", "stall", "delay", "trickle", "portal"}
    assert outcomes["no_link"] > 0 and outcomes["ok"] > 0

    local: dict[str, str] = {}
    for svc in laptops:
        point_at(svc, server.url)                   # the link is good again
        final = svc.sync.sync(policy=POLICY)
        assert final.outcome is Outcome.OK, final.detail
        left = states(svc)
        assert left["pending"] == left["conflict"] == left["rejected"] == 0
        local |= _local_hashes(svc)
    remote, rows = _server_hashes(server)
    assert len(local) > 1000
    assert rows == len(remote) == len(local)        # nothing doubled, nothing lost
    assert remote == local                          # and every record as the laptop made it


@pytest.mark.parametrize("plan", [
    Plan("stall", upward=False, after=0),               # hello's answer never comes
    Plan("stall", upward=True, after=2_000),            # a batch's body stops mid-way
    Plan("stall", upward=False, after=1_500),           # the server committed, its answer stops
    Plan("trickle", upward=True, after=0, pause=0.05, piece=4),   # moving, but far too slowly
], ids=["hello", "upload", "answer", "trickle"])
def test_stalled_link_is_noticed_and_reported(server: CentralServer, svc: Services, plan: Plan) -> None:
    """Every connection stalls the same way: the run ends as "no link" with the bilingual stall
    reason instead of waiting on a dead socket; once the link moves again everything goes once."""
    fill(svc, 60)
    enroll(svc, server)
    proxy = FaultProxy(server.port, seed=SEED, force=plan).start()
    quick = RetryPolicy(base=0.002, cap=0.01, network_attempts=2, stall=0.3)
    try:
        point_at(svc, proxy.url)
        report = svc.sync.sync(policy=quick)
        assert report.outcome is Outcome.NO_LINK
        assert "การเชื่อมต่อค้าง" in report.detail and "The link stalled" in report.detail
        assert proxy.injected[plan.kind] >= 2 and states(svc)["pending"] > 0
        proxy.enabled = False
        report = svc.sync.sync(policy=quick)
        assert report.outcome is Outcome.OK, report.detail
    finally:
        proxy.stop()
    assert states(svc)["pending"] == 0
    remote, rows = _server_hashes(server)
    assert rows == 60 and remote == _local_hashes(svc)


def test_stall_limit_default_is_within_30_seconds() -> None:
    # a trickle just under the progress rule is noticed after at most twice the limit
    assert 2 * RetryPolicy().stall <= 30.0 and 2 * http.STALL_S <= 30.0
    client = CentralClient("http://127.0.0.1:9")
    try:
        t = client._http.timeout
        assert max(t.connect or 0, t.read or 0, t.write or 0, t.pool or 0) <= 30.0
        assert client.stall == http.STALL_S
    finally:
        client.close()


def test_progress_watch_catches_a_trickle_not_a_slow_link() -> None:
    watch = http.ProgressWatch(10.0, start=0.0)
    for second in range(1, 100):                    # 2 KB a second: slow but moving
        watch.moved(2048, float(second), "answer")
    trickle = http.ProgressWatch(10.0, start=0.0)
    with pytest.raises(http.Stalled):
        for second in range(1, 100):                # one byte a second keeps a socket alive …
            trickle.moved(1, float(second), "answer")   # … but is a stalled link


def test_an_answer_that_will_not_decode_is_no_link() -> None:
    """A middlebox's broken gzip is the link's trouble (retried), not a bug that ends the run."""
    def broken(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"<html>login</html>")

    with CentralClient("http://central.test", transport=httpx.MockTransport(broken)) as client:
        with pytest.raises(NoLink) as no_link:
            client.hello()
        assert "DecodingError" in no_link.value.detail
        with pytest.raises(NoLink):
            client.catalog(0)
