"""Fault tests: the link and the server fail in every way we know, and after each one every
record is on the server exactly once, and only genuinely bad records are quarantined."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from sala.domain.errors import SalaError
from sala.sync.messages import Outcome
from tests.integration.cut_proxy import CutProxy
from tests.integration.fake_front import captive_portal, fault_front, url_of
from tests.integration.sync_helpers import FAST, assert_exactly_once, enroll, fill, laptop, ledger, point_at, states


@pytest.fixture
def svc(tmp_path: Path):
    s = laptop(tmp_path)
    yield s
    s.close()


def test_server_killed_mid_batch_then_restarted_on_same_db(central_factory, svc) -> None:
    server = central_factory()
    fill(svc, 12_000)
    enroll(svc, server)
    killed = threading.Event()

    def on_progress(p) -> None:
        if p.records_done > 0 and not killed.is_set():   # first answer in: others in flight
            killed.set()
            server.kill()
            threading.Thread(target=server.start, daemon=True).start()  # same port, same DB

    report = svc.sync.sync(policy=FAST, on_progress=on_progress)
    assert killed.is_set()
    if report.outcome is not Outcome.OK:          # the restart outlasted this run's patience
        report = svc.sync.sync(policy=FAST)
    assert report.outcome is Outcome.OK, report.detail
    assert_exactly_once(server, [svc])
    assert ledger(server)["total"] == 12_000
    assert states(svc)["conflict"] == states(svc)["rejected"] == 0


@pytest.mark.parametrize("direction", ["up", "down"])
def test_connection_cut_after_n_bytes(central_sqlite, svc, direction: str) -> None:
    fill(svc, 3000)
    enroll(svc, central_sqlite)
    if direction == "up":        # the request dies mid-body: the server never commits
        proxy = CutProxy(central_sqlite.port, cut_up=40_000, cuts=3).start()
    else:                        # the answer is lost after the server's commit
        proxy = CutProxy(central_sqlite.port, cut_down=10, arm_after_up=5_000, cuts=3).start()
    try:
        point_at(svc, proxy.url)
        report = svc.sync.sync(policy=FAST, in_flight=1)
        assert report.outcome is Outcome.OK, report.detail
        assert proxy.cut_count == 3
        if direction == "down":  # the resent batches were already stored: duplicates
            assert report.counts["duplicate"] > 0
        assert report.sent == 3000
        assert_exactly_once(central_sqlite, [svc])
    finally:
        proxy.stop()


def test_persisted_batch_resent_same_id_after_crash_and_split_on_413(central_factory, svc) -> None:
    server = central_factory()
    fill(svc, 40)
    enroll(svc, server)
    proxy = CutProxy(server.port, cut_up=3_000, cuts=100).start()
    point_at(svc, proxy.url)
    first = svc.sync.sync(policy=FAST.__class__(base=0.01, cap=0.02, network_attempts=2))
    assert first.outcome is Outcome.NO_LINK
    from sala.sync import batch_store
    with svc.db.read() as s:
        (left,) = batch_store.open_batches(s)      # kept, bytes and id, for the resend
    assert left.record_count == 40 and ledger(server)["total"] == 0
    proxy.stop()
    server.stop()
    server = central_factory(extra_args=["--max-records", "10"], port=server.port)
    point_at(svc, server.url)
    report = svc.sync.sync(policy=FAST)
    assert report.outcome is Outcome.OK, report.detail
    assert any(b["status"] == 413 and b["batch_id"] == left.batch_id for b in report.batches)
    assert report.counts["accepted"] == 40 and report.quarantined == 0
    assert_exactly_once(server, [svc])


def test_retry_after_500_503_429(central_sqlite, svc) -> None:
    fill(svc, 500)
    enroll(svc, central_sqlite)
    front = fault_front(central_sqlite.url, [(503, {"Retry-After": "1"}), (429, {"Retry-After": "0"}),
                                             (500, {}), (409, {"Retry-After": "0"})])
    sleeps: list[float] = []
    policy = FAST.__class__(base=0.01, cap=0.02, network_attempts=10, sleep=sleeps.append)
    try:
        point_at(svc, url_of(front))
        report = svc.sync.sync(policy=policy, in_flight=1)
        assert report.outcome is Outcome.OK, report.detail
        assert front.seen == [503, 429, 500, 409]  # type: ignore[attr-defined]
        assert 1.0 in sleeps and 0.0 in sleeps     # Retry-After honoured
        assert_exactly_once(central_sqlite, [svc])
    finally:
        front.shutdown()


def test_long_retry_after_ends_run_as_busy(central_sqlite, svc) -> None:
    fill(svc, 10)
    enroll(svc, central_sqlite)
    front = fault_front(central_sqlite.url, [(503, {"Retry-After": "3600"})])
    try:
        point_at(svc, url_of(front))
        report = svc.sync.sync(policy=FAST)
        assert report.outcome is Outcome.BUSY and report.pending == 10
    finally:
        front.shutdown()


def test_captive_portal_is_no_link(central_sqlite, svc) -> None:
    fill(svc, 10)
    enroll(svc, central_sqlite)
    portal = captive_portal()
    try:
        point_at(svc, url_of(portal))
        report = svc.sync.sync(policy=FAST.__class__(base=0.01, cap=0.01, network_attempts=2))
        assert report.outcome is Outcome.NO_LINK
        assert states(svc)["pending"] == 10 and report.sent == 0
        assert not svc.sync.probe()
        from sala.domain.errors import SalaError
        with pytest.raises(SalaError):
            svc.sync.enroll(url_of(portal), "ABCD-EFGH")
    finally:
        portal.shutdown()
    assert ledger(central_sqlite)["total"] == 0


def test_revoked_token_stops_and_asks_to_reenroll(central, svc) -> None:
    fill(svc, 20)
    enroll(svc, central)
    assert svc.sync.sync(policy=FAST).outcome is Outcome.OK
    central.cli("revoke", svc.db.device_id)
    fill(svc, 5, start=100)
    report = svc.sync.sync(policy=FAST)
    assert report.outcome is Outcome.REENROLL
    assert svc.sync.status().reenroll_needed and states(svc)["pending"] == 5
    code = central.mint_codes(1)[0]                  # the key alone cannot lift a revocation …
    with pytest.raises(SalaError) as refused:
        svc.sync.enroll(central.url, code)
    assert "revoked" in refused.value.en
    central.cli("reinstate", svc.db.device_id)      # … an administrator's command does
    enroll(svc, central)
    assert svc.sync.status().reenroll_needed is None
    assert svc.sync.sync(policy=FAST).outcome is Outcome.OK
    assert_exactly_once(central, [svc])


def test_replay_and_parallel_duplicates_store_once(central_sqlite, svc) -> None:
    fill(svc, 2000)
    enroll(svc, central_sqlite)
    # freeze the batches (as a bundle export would), keep their bytes for a replay
    svc.sync.export_bundle(svc.paths.data_dir / "b.sala")
    from sala.sync import batch_store
    with svc.db.read() as s:
        batches = batch_store.open_batches(s)
    token = svc.sync.identity.token()

    def post(ob) -> httpx.Response:
        return httpx.post(central_sqlite.url + "/v1/batches", content=ob.body, timeout=60,
                          headers=ob.headers() | {"Authorization": f"Bearer {token}"})

    with __import__("concurrent.futures").futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(post, batches + batches))   # every batch twice, at once
    assert all(r.status_code == 200 for r in answers)
    report = svc.sync.sync(policy=FAST)
    # first run after enrollment: reconcile finds all 2000 on the server, nothing re-uploaded
    assert report.outcome is Outcome.OK and report.reconcile["marked_sent"] == 2000
    assert report.batches == [] and states(svc)["duplicate"] == 2000
    assert post(batches[0]).json()["counts"]["duplicate"] == batches[0].record_count
    assert_exactly_once(central_sqlite, [svc])


def test_bad_records_quarantined_rest_sent(central_sqlite, svc) -> None:
    ids = fill(svc, 100)
    enroll(svc, central_sqlite)
    from sqlalchemy import update

    from sala.storage.models import OutboxEntry
    with svc.db.write() as s:                       # a record whose body no longer matches its hash
        env = s.get(OutboxEntry, 50).envelope
        s.execute(update(OutboxEntry).where(OutboxEntry.seq == 50)
                  .values(envelope=env.replace('"idea"', '"concern"')))
    report = svc.sync.sync(policy=FAST)
    assert report.counts == {"accepted": 99, "duplicate": 0, "conflict": 0, "rejected": 1}
    (q,) = svc.sync.quarantine()
    assert q.seq == 50 and "hash_mismatch" in q.reason and q.record_id in ids
    assert report.outcome is Outcome.OK and report.quarantined == 1
    assert ledger(central_sqlite)["total"] == 99
