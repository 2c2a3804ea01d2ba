"""One sync run: probe, resend what was left unanswered, send the outbox, then the photos.

Order and guarantees, in the words of PROTOCOL.md:

- Probe ``/v1/hello``; anything that is not sala-central is "no link" and nothing is sent.
  The advertised limits are remembered (USB bundles are cut to them).
- Compare the outbox with the server's view of this device and reconcile when they disagree
  (``reconcile.py``), then pull the catalogue changes since the stored cursor
  (``catalog_pull.py``).
- Batches that were sent before but never answered (a crash, a cut link) go first, *as they
  were* (same id, same bytes), so the server answers ``duplicate`` for what it already holds.
- New batches are cut from pending outbox rows within the advertised limits, persisted (id,
  bytes, rows tagged) in a short transaction *before* the POST; one POST at a time while the
  other worker cuts the next batch and applies the last answer. Forwarded batches too big for
  this server go as sealed pieces (``pieces.py``).
- Each answer is applied in one local transaction; conflict/rejected → quarantine, never
  blocking the rest. 401/403 stop the run (re-enroll); 409/429/503 wait Retry-After; 413
  splits; network trouble backs off with full jitter and, past the run's patience, ends the
  run as "no link" (the link watcher retries at once when the link returns).
- Photos go after the text (``blobs.py``). Everything is recorded in a ``SyncRun`` row.

No Qt: the GUI runs :meth:`SyncEngine.run` on a worker thread and listens to ``on_progress``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from sala.domain.clock import now
from sala.domain.errors import StorageError
from sala.storage.database import Database
from sala.storage.models import SyncRun
from sala.sync import batch_store as store
from sala.sync import batcher, identity, outbox
from sala.wire import http, protocol
from sala.sync.client import Answer, CentralClient, NoLink
from sala.sync.messages import Outcome, SyncProblem
from sala.sync.run_report import Progress, RetryPolicy, RunReport

log = logging.getLogger(__name__)
__all__ = ["Progress", "RetryPolicy", "RunReport", "SyncEngine"]


class _Stop(Exception):
    def __init__(self, outcome: Outcome, detail: str = "") -> None:
        super().__init__(detail)
        self.outcome = outcome
        self.detail = detail


class SyncEngine:
    """Runs sync for the local device over ``db``; one instance per run."""

    def __init__(self, db: Database, ident: identity.Identity, attachments: Path, url: str,
                 token: str | None, *, policy: RetryPolicy | None = None, in_flight: int = 2,
                 on_progress: Callable[[Progress], None] | None = None,
                 cancel: threading.Event | None = None, reconcile: bool = False) -> None:
        self.db = db
        self.force_reconcile = reconcile
        self.ident = ident
        self.attachments = attachments
        self.url = url
        self.token = token
        self.policy = policy or RetryPolicy()
        self.in_flight = max(1, in_flight)
        self.on_progress = on_progress
        self.cancel = cancel or threading.Event()
        self._lock = threading.Lock()          # claims, counters, report
        # Two workers, one POST at a time: while one batch is on the wire the other worker
        # cuts, signs and persists the next and applies the last answer. Two concurrent POSTs
        # measured slower on two cores (client and server compete, the ledger serialises per
        # device anyway).
        self._post_gate = threading.Semaphore(1)
        self._stop: _Stop | None = None
        self._queue: list[store.OpenBatch] = []
        self._bounds: batcher.Bounds | None = None
        self._done = 0
        self._total = 0

    # -- the run -------------------------------------------------------------------------------

    def run(self) -> RunReport:
        with self.db.write() as s:
            row = SyncRun(started_at=now(), outcome="running", via="network", detail={})
            s.add(row)
            s.flush()
            run_id = row.id
        self.report = RunReport(run_id, Outcome.OK)
        client = CentralClient(self.url, self.token)
        try:
            self._run(client)
        except _Stop as stop:
            self.report.outcome, self.report.detail = stop.outcome, stop.detail
        except StorageError as exc:
            log.warning("sync stopped by local storage trouble: %s", exc)
            self.report.outcome, self.report.detail = Outcome.DISK, str(exc)
        except Exception as exc:  # a bug: record it, keep the data, report it
            log.exception("sync run failed")
            self.report.outcome, self.report.detail = Outcome.ERROR, repr(exc)
        finally:
            client.close()
        self._finish()
        return self.report

    def _run(self, client: CentralClient) -> None:
        if not self.token:
            raise _Stop(Outcome.NOT_ENROLLED)
        hello = self._probe(client)
        self._bounds = batcher.Bounds.from_limits(hello.limits)
        with self.db.write() as s:
            identity.remember_limits(s, hello.limits)
            if outbox.sealing_key(s) != hello.sealing_key:
                identity.put_setting(s, outbox.SEALING_KEY_SETTING, hello.sealing_key)
                outbox.seal_pending_contacts(s)
        from sala.sync import catalog_pull, reconcile
        self.report.reconcile = reconcile.run(self, client, hello.limits,
                                              force=self.force_reconcile)
        self.report.catalog = catalog_pull.run(self, client)
        with self.db.read() as s:
            queue = store.open_batches(s)
            pending = store.outbox_counts(s)["pending"]   # own open batches' rows included
        self._queue = [p for ob in queue for p in self._fit(ob)]
        self._total = sum(b.record_count for b in self._queue if b.via == store.BUNDLE) + pending
        self._progress("text")
        self._key = self.ident.signing_key()
        with ThreadPoolExecutor(self.in_flight, thread_name_prefix="sala-sync") as pool:
            for f in [pool.submit(self._worker, client) for _ in range(self.in_flight)]:
                f.result()
        if self._stop is not None:
            raise self._stop
        from sala.sync.blobs import upload_pending
        upload_pending(self, client, hello.limits)

    def _probe(self, client: CentralClient) -> protocol.Hello:
        for attempt in range(self.policy.network_attempts):
            try:
                return client.hello()
            except NoLink as exc:
                if attempt + 1 == self.policy.network_attempts or self.cancel.is_set():
                    raise _Stop(Outcome.NO_LINK, exc.detail) from exc
                self.policy.sleep(http.backoff_delay(attempt, base=self.policy.base,
                                                          cap=self.policy.cap))
        raise _Stop(Outcome.NO_LINK)

    # -- text: batches -------------------------------------------------------------------------

    def _worker(self, client: CentralClient) -> None:
        try:
            while (ob := self._next()) is not None:
                self._send(client, ob)
        except _Stop as stop:
            with self._lock:
                self._stop = self._stop or stop
        except BaseException as exc:
            with self._lock:
                self._stop = self._stop or (_Stop(Outcome.DISK, str(exc))
                                            if isinstance(exc, StorageError)
                                            else _Stop(Outcome.ERROR, repr(exc)))
            log.exception("sync worker failed")

    def _next(self) -> store.OpenBatch | None:
        """The next batch to send: a left-over one first, else a new one cut from the outbox."""
        with self._lock:
            if self._stop is not None or self.cancel.is_set():
                return None
            if self._queue:
                return self._queue.pop(0)
            assert self._bounds is not None
            while True:
                with self.db.read() as s:
                    rows = store.pending_rows(s, self._bounds.max_records)
                if not rows:
                    return None
                signed, first, last = batcher.build(self.db.device_id, self._key, rows, self._bounds)
                with self.db.write() as s:
                    if store.store_own(s, signed, first, last):
                        return store.OpenBatch(signed.batch_id, signed.device_id, store.OWN,
                                               signed.record_count, signed.body, signed.signature,
                                               signed.public_key, first_seq=first, last_seq=last)

    def _send(self, client: CentralClient, ob: store.OpenBatch) -> None:
        failures = busy = 0
        while True:
            if self._stop is not None:
                return
            if self.cancel.is_set():
                raise _Stop(Outcome.CANCELLED)
            try:
                with self._post_gate:
                    ans = client.post_batch(ob.body, ob.headers())
            except NoLink as exc:
                failures = self._backoff(failures, exc.detail)
                continue
            self._count_bytes(ans)
            act = http.action_for(ans.status, has_retry_after=ans.retry_after() is not None)
            if act is http.Action.APPLY:
                try:
                    result = protocol.BatchResult.from_json(ans.doc)
                except protocol.DecodeError:   # a 200 that is not ours (proxy page)
                    failures = self._backoff(failures, "answer is not a batch result")
                    continue
                return self._apply(ob, result, ans.status)
            if act is http.Action.REENROLL:
                if ob.via == store.BUNDLE and ans.status == 403:
                    return self._fail(ob, ans)     # that origin device's problem, not ours
                raise _Stop(Outcome.REENROLL, f"{ans.status} {ans.error_code}")
            if act is http.Action.RETRY_AFTER:
                busy += 1
                wait = ans.retry_after()
                if wait is None:
                    wait = http.backoff_delay(busy - 1, base=self.policy.base, cap=self.policy.cap)
                if busy > self.policy.busy_attempts or wait > self.policy.max_wait:
                    raise _Stop(Outcome.BUSY, f"{ans.status} {ans.error_code}")
                self.policy.sleep(wait)
                continue
            if act is http.Action.SPLIT and ob.splittable:
                assert self._bounds is not None
                parts = self._split_forwarded(ob, self._bounds.halved(ob.record_count))
                if parts:
                    with self._lock:
                        self._queue[:0] = parts
                    self._batch_detail(ob, ans.status, {"split": len(parts)})
                    return
            if act is http.Action.SPLIT and ob.via == store.OWN and ob.record_count > 1:
                with self._lock:
                    assert self._bounds is not None
                    self._bounds = self._bounds.halved(ob.record_count)
                with self.db.write() as s:
                    store.release(s, ob)
                self._batch_detail(ob, ans.status, {"split": True})
                return
            if ob.via == store.OWN and ans.error_code == "batch_id_reused":
                with self.db.write() as s:
                    store.release(s, ob)
                return
            if act in (http.Action.FIX, http.Action.SPLIT):
                return self._fail(ob, ans)
            failures = self._backoff(failures, f"HTTP {ans.status}")

    def call(self, fn: Callable[[], Answer], what: str,
             passthrough: tuple[int, ...] = (413,)) -> Answer | None:
        """One small request (reconcile, catalog) with the run's rules: network trouble backs
        off, 429/503 wait Retry-After, 401/403 stop the run (re-enroll). Returns the answer for
        200 and ``passthrough`` statuses, None when the server lacks the endpoint (404/405)."""
        failures = busy = 0
        while True:
            if self.cancel.is_set():
                raise _Stop(Outcome.CANCELLED)
            try:
                ans = fn()
            except NoLink as exc:
                failures = self._backoff(failures, exc.detail)
                continue
            self._count_bytes(ans)
            if ans.status == 200 and isinstance(ans.doc, dict) or ans.status in passthrough:
                return ans
            if ans.status in (404, 405):
                return None
            act = http.action_for(ans.status, has_retry_after=ans.retry_after() is not None)
            if act is http.Action.REENROLL:
                raise _Stop(Outcome.REENROLL, f"{ans.status} {ans.error_code} on {what}")
            if act is http.Action.RETRY_AFTER:
                busy += 1
                wait = ans.retry_after()
                if wait is None or busy > self.policy.busy_attempts or wait > self.policy.max_wait:
                    raise _Stop(Outcome.BUSY, f"{ans.status} {ans.error_code} on {what}")
                self.policy.sleep(wait)
                continue
            if act in (http.Action.FIX, http.Action.SPLIT):
                raise _Stop(Outcome.ERROR, f"{what}: HTTP {ans.status} {ans.error_code}")
            failures = self._backoff(failures, f"{what}: HTTP {ans.status}")

    def _fit(self, ob: store.OpenBatch) -> list[store.OpenBatch]:
        """A forwarded batch larger than this server takes goes as pieces (no wasted 413)."""
        b = self._bounds
        assert b is not None
        if ob.splittable and (ob.record_count > b.max_records or len(ob.body) > b.max_body):
            return self._split_forwarded(ob, b) or [ob]
        return [ob]

    def _split_forwarded(self, ob: store.OpenBatch, bounds: batcher.Bounds) -> list[store.OpenBatch]:
        with self.db.write() as s:
            return store.split_forwarded(s, ob, bounds.max_records, bounds.max_uncompressed)

    def _backoff(self, failures: int, detail: str) -> int:
        if failures + 1 >= self.policy.network_attempts:
            raise _Stop(Outcome.NO_LINK, detail)
        self.policy.sleep(http.backoff_delay(failures, base=self.policy.base, cap=self.policy.cap))
        return failures + 1

    def _apply(self, ob: store.OpenBatch, result: protocol.BatchResult, status: int) -> None:
        with self.db.write() as s:
            summary = store.apply_result(s, ob, result)
        with self._lock:
            for k, v in summary["counts"].items():
                self.report.counts[k] += v
            self._done += ob.record_count
        self._batch_detail(ob, status, summary)
        self._progress("text")

    def _fail(self, ob: store.OpenBatch, ans: Answer) -> None:
        with self.db.write() as s:
            store.fail_batch(s, ob, ans.error_code or f"http_{ans.status}", ans.error_message)
        with self._lock:
            self.report.counts["rejected"] += ob.record_count if ob.via == store.OWN else 0
            self._done += ob.record_count
        self._batch_detail(ob, ans.status, {"error": ans.error_code, "message": ans.error_message})

    def _batch_detail(self, ob: store.OpenBatch, status: int, extra: dict[str, Any]) -> None:
        entry = {"batch_id": ob.batch_id, "device_id": ob.device_id, "via": ob.via,
                 "records": ob.record_count, "bytes": len(ob.body), "status": status}
        entry.update({k: v for k, v in extra.items() if k != "problems"})
        if extra.get("problems"):
            entry["problems"] = extra["problems"][:20]
        with self._lock:
            self.report.batches.append(entry)

    def _count_bytes(self, ans: Answer) -> None:
        with self._lock:
            self.report.bytes_up += ans.sent
            self.report.bytes_down += ans.received

    def _progress(self, phase: str, blobs_done: int = 0, blobs_total: int = 0) -> None:
        if self.on_progress is not None:
            self.on_progress(Progress(phase, self._done, self._total, self.report.bytes_up,
                                      blobs_done, blobs_total))

    # -- wrap up -------------------------------------------------------------------------------

    def _finish(self) -> None:
        r = self.report
        from sala.storage.models import BlobUpload
        from sqlalchemy import func, select
        try:
            with self.db.read() as s:
                counts = store.outbox_counts(s)
                blob_states = dict(s.execute(select(BlobUpload.state, func.count())
                                             .group_by(BlobUpload.state)).all())
            r.pending = counts["pending"]
            r.quarantined = counts["conflict"] + counts["rejected"]
            r.blobs["pending"] = blob_states.get("pending", 0)
            r.blobs["missing"] = blob_states.get("missing", 0) + blob_states.get("corrupt", 0)
            if r.outcome is Outcome.OK and (r.blobs["pending"] or r.blobs["missing"]):
                r.outcome = Outcome.PHOTOS
            with self.db.write() as s:
                row = s.get(SyncRun, r.run_id)
                if row is not None:
                    row.finished_at = now()
                    row.outcome = str(r.outcome)
                    row.message = SyncProblem(r.outcome).bilingual() if r.outcome is not Outcome.OK else ""
                    row.detail = {**r.as_json(), "batch_results": r.batches[-200:]}
        except StorageError as exc:
            log.warning("could not record the sync run: %s", exc)
            r.outcome = Outcome.DISK
