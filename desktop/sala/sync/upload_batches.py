"""The text step of a run: send the open batches, then new ones cut from the outbox.

Batches that were sent before but never answered (a crash, a cut link) go first, *as they
were* (same id, same bytes), so the server answers ``duplicate`` for what it already holds.
New batches are claimed from pending outbox rows within the advertised limits
(:func:`batcher.claim`: cut, signed and persisted *before* the POST); one POST at a time while
the other worker claims the next batch and applies the last answer. Forwarded batches too big
for this server go as sealed pieces (``wire/pieces.py``). Each answer is applied in one local
transaction; conflict/rejected → quarantine, never blocking the rest; 413 splits.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sala.domain.errors import StorageError
from sala.storage.models import Device
from sala.sync import batch_store as store
from sala.sync import batcher, identity
from sala.sync.client import Answer
from sala.sync.context import RunContext, RunStopped
from sala.sync.messages import Outcome
from sala.sync.retry import Action, Tries, request
from sala.wire import http, protocol
from sala.wire import vouch as vouch_wire

log = logging.getLogger(__name__)


def run(ctx: RunContext) -> None:
    """Send every open and pending batch; raises the run's stop if a worker stopped it."""
    _Sender(ctx).run()


class _Sender:
    def __init__(self, ctx: RunContext) -> None:
        self.ctx = ctx
        self.bounds = batcher.Bounds.from_limits(ctx.limits)
        self.queue: list[store.OpenBatch] = []
        self.key = ctx.ident.signing_key()
        # Two workers, one POST at a time: while one batch is on the wire the other worker
        # cuts, signs and persists the next and applies the last answer. Two concurrent POSTs
        # measured slower on two cores (client and server compete, the ledger serialises per
        # device anyway).
        self.post_gate = threading.Semaphore(1)
        self.vouches: dict[tuple[str, str], str] = {}

    def _headers(self, ob: store.OpenBatch) -> dict[str, str]:
        """A forwarded batch carries this (enrolled) laptop's vouch for its origin device: the
        platform learns a laptop that never met a link only so (``wire/vouch.py``)."""
        h = ob.headers()
        if ob.via != store.BUNDLE or ob.device_id == self.ctx.db.device_id:
            return h
        with self.ctx.lock:
            v = self.vouches.get((ob.device_id, ob.public_key))
        if v is None:
            with self.ctx.db.read() as s:
                pin = identity.pinned(s)
                dev = s.get(Device, ob.device_id)
                name = dev.name if dev is not None else ""
            if pin is None:
                return h
            v = vouch_wire.make(self.key, voucher_id=self.ctx.db.device_id, server_id=pin.server_id,
                                device_id=ob.device_id, public_key=ob.public_key,
                                device_name=name or "").header()
            with self.ctx.lock:
                self.vouches[(ob.device_id, ob.public_key)] = v
        return h | {vouch_wire.H_VOUCH: v}

    def run(self) -> None:
        ctx = self.ctx
        with ctx.db.read() as s:
            queue = store.open_batches(s)
            pending = store.outbox_counts(s)["pending"]   # own open batches' rows included
        self.queue = [p for ob in queue for p in self._fit(ob)]
        ctx.records_total = sum(b.record_count for b in self.queue if b.via == store.BUNDLE) + pending
        ctx.progress("text")
        workers = max(1, ctx.in_flight)
        with ThreadPoolExecutor(workers, thread_name_prefix="sala-sync") as pool:
            for f in [pool.submit(self._worker) for _ in range(workers)]:
                f.result()
        if ctx.stopped is not None:
            raise ctx.stopped

    def _worker(self) -> None:
        try:
            while (ob := self._next()) is not None:
                self._send(ob)
        except RunStopped as stop:
            self.ctx.stop(stop)
        except BaseException as exc:
            self.ctx.stop(RunStopped(Outcome.DISK, str(exc)) if isinstance(exc, StorageError)
                          else RunStopped(Outcome.ERROR, repr(exc)))
            log.exception("sync worker failed")

    def _next(self) -> store.OpenBatch | None:
        """The next batch to send: a left-over one first, else a new one claimed from the outbox."""
        ctx = self.ctx
        with ctx.lock:
            if ctx.stopped is not None or ctx.cancel.is_set():
                return None
            if self.queue:
                return self.queue.pop(0)
            return batcher.claim(ctx.db, self.key, self.bounds)

    def _send(self, ob: store.OpenBatch) -> None:
        ctx = self.ctx

        def post() -> Answer:
            with self.post_gate:
                return ctx.client.post_batch(ob.body, self._headers(ob))

        # a forwarded batch refused with 403 is its origin device's problem, not ours
        keep = (403,) if ob.via == store.BUNDLE else ()
        tries = Tries()
        while True:
            ans = request(ctx, post, "batch", keep=keep, tries=tries)
            act = http.action_for(ans.status, has_retry_after=ans.retry_after() is not None)
            if act is Action.APPLY:
                try:
                    result = protocol.BatchResult.from_json(ans.doc)
                except protocol.DecodeError:   # a 200 that is not ours (proxy page)
                    tries.backoff(ctx, "answer is not a batch result")
                    continue
                return self._apply(ob, result, ans.status)
            if ans.status in keep:
                return self._fail(ob, ans)
            if act is Action.SPLIT and ob.splittable:
                parts = self._split_forwarded(ob, self.bounds.halved(ob.record_count))
                if parts:
                    with ctx.lock:
                        self.queue[:0] = parts
                    self._batch_detail(ob, ans.status, {"split": len(parts)})
                    return
            if act is Action.SPLIT and ob.via == store.OWN and ob.record_count > 1:
                with ctx.lock:
                    self.bounds = self.bounds.halved(ob.record_count)
                with ctx.db.write() as s:
                    store.release(s, ob)
                self._batch_detail(ob, ans.status, {"split": True})
                return
            if ob.via == store.OWN and ans.error_code == "batch_id_reused":
                with ctx.db.write() as s:
                    store.release(s, ob)
                return
            return self._fail(ob, ans)

    def _fit(self, ob: store.OpenBatch) -> list[store.OpenBatch]:
        """A forwarded batch larger than this server takes goes as pieces (no wasted 413)."""
        b = self.bounds
        if ob.splittable and (ob.record_count > b.max_records or len(ob.body) > b.max_body):
            return self._split_forwarded(ob, b) or [ob]
        return [ob]

    def _split_forwarded(self, ob: store.OpenBatch, bounds: batcher.Bounds) -> list[store.OpenBatch]:
        with self.ctx.db.write() as s:
            return store.split_forwarded(s, ob, bounds.max_records, bounds.max_uncompressed)

    def _apply(self, ob: store.OpenBatch, result: protocol.BatchResult, status: int) -> None:
        ctx = self.ctx
        with ctx.db.write() as s:
            summary = store.apply_result(s, ob, result)
        with ctx.lock:
            for k, v in summary["counts"].items():
                ctx.report.counts[k] += v
            ctx.records_done += ob.record_count
        self._batch_detail(ob, status, summary)
        ctx.progress("text")

    def _fail(self, ob: store.OpenBatch, ans: Answer) -> None:
        ctx = self.ctx
        with ctx.db.write() as s:
            store.fail_batch(s, ob, ans.error_code or f"http_{ans.status}", ans.error_message)
        with ctx.lock:
            ctx.report.counts["rejected"] += ob.record_count if ob.via == store.OWN else 0
            ctx.records_done += ob.record_count
        self._batch_detail(ob, ans.status, {"error": ans.error_code, "message": ans.error_message})

    def _batch_detail(self, ob: store.OpenBatch, status: int, extra: dict[str, Any]) -> None:
        entry = {"batch_id": ob.batch_id, "device_id": ob.device_id, "via": ob.via,
                 "records": ob.record_count, "bytes": len(ob.body), "status": status}
        entry.update({k: v for k, v in extra.items() if k != "problems"})
        if extra.get("problems"):
            entry["problems"] = extra["problems"][:20]
        with self.ctx.lock:
            self.ctx.report.batches.append(entry)
