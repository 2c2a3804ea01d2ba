"""One sync run: a context handed to each step in turn — the engine only sequences them.

The steps, in the words of PROTOCOL.md:

1. ``handshake``: probe ``/v1/hello``; anything that is not sala-central is "no link" and
   nothing is sent. The advertised limits are remembered (USB bundles are cut to them).
2. ``reconcile``: compare the outbox with the server's view of this device and put it right
   when they disagree.
3. ``catalog_pull``: pull the catalogue changes since the stored cursor.
4. ``upload_batches``: the unanswered batches as they were, then new ones from the outbox.
5. ``blobs``: the photos, after the text.

Every request goes through ``retry.request`` (one status → action table): 401/403 stop the run
(re-enroll); 409/429/503 wait Retry-After; network trouble backs off with full jitter and, past
the run's patience, ends the run as "no link" (the link watcher retries at once when the link
returns). Everything is recorded in a ``SyncRun`` row.

No Qt: the GUI runs :meth:`SyncEngine.run` on a worker thread and listens to ``on_progress``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from sala.domain.clock import now
from sala.domain.errors import StorageError
from sala.storage.database import Database
from sala.storage.models import BlobUpload, SyncRun
from sala.sync import batch_store as store
from sala.sync import blobs, catalog_pull, handshake, identity, reconcile, upload_batches
from sala.sync.client import CentralClient
from sala.sync.context import RunContext, RunStopped
from sala.sync.messages import Outcome, SyncProblem
from sala.sync.run_report import Progress, RetryPolicy, RunReport

log = logging.getLogger(__name__)


class SyncEngine:
    """Runs sync for the local device over ``db``; one instance per run."""

    def __init__(self, db: Database, ident: identity.Identity, attachments: Path, url: str,
                 token: str | None, *, policy: RetryPolicy | None = None, in_flight: int = 2,
                 on_progress: Callable[[Progress], None] | None = None,
                 cancel: threading.Event | None = None, reconcile: bool = False) -> None:
        self.db = db
        self.ident = ident
        self.attachments = attachments
        self.url = url
        self.token = token
        self.policy = policy or RetryPolicy()
        self.in_flight = max(1, in_flight)
        self.on_progress = on_progress
        self.cancel = cancel or threading.Event()
        self.force_reconcile = reconcile

    def run(self) -> RunReport:
        with self.db.write() as s:
            row = SyncRun(started_at=now(), outcome="running", via="network", detail={})
            s.add(row)
            s.flush()
            run_id = row.id
        report = RunReport(run_id, Outcome.OK)
        client = CentralClient(self.url, self.token, timeout=self.policy.stall)
        ctx = RunContext(self.db, self.ident, self.attachments, client, report,
                         policy=self.policy, cancel=self.cancel, on_progress=self.on_progress,
                         force_reconcile=self.force_reconcile, in_flight=self.in_flight)
        try:
            self._steps(ctx)
        except RunStopped as stop:
            report.outcome, report.detail = stop.outcome, stop.detail
        except StorageError as exc:
            log.warning("sync stopped by local storage trouble: %s", exc)
            report.outcome, report.detail = Outcome.DISK, str(exc)
        except Exception as exc:  # a bug: record it, keep the data, report it
            log.exception("sync run failed")
            report.outcome, report.detail = Outcome.ERROR, repr(exc)
        finally:
            client.close()
        _finish(self.db, report)
        return report

    @staticmethod
    def _steps(ctx: RunContext) -> None:
        handshake.run(ctx)
        ctx.report.reconcile = reconcile.run(ctx)
        ctx.report.catalog = catalog_pull.run(ctx)
        upload_batches.run(ctx)
        blobs.run(ctx)


def _finish(db: Database, r: RunReport) -> None:
    """What is left after the run, and the run's ``SyncRun`` row."""
    try:
        with db.read() as s:
            counts = store.outbox_counts(s)
            blob_states = dict(s.execute(select(BlobUpload.state, func.count())
                                         .group_by(BlobUpload.state)).all())
        r.pending = counts["pending"]
        r.quarantined = counts["conflict"] + counts["rejected"]
        r.blobs["pending"] = blob_states.get("pending", 0)
        r.blobs["missing"] = blob_states.get("missing", 0) + blob_states.get("corrupt", 0)
        if r.outcome is Outcome.OK and (r.blobs["pending"] or r.blobs["missing"]):
            r.outcome = Outcome.PHOTOS
        with db.write() as s:
            row = s.get(SyncRun, r.run_id)
            if row is not None:
                row.finished_at = now()
                row.outcome = str(r.outcome)
                row.message = SyncProblem(r.outcome).bilingual() if r.outcome is not Outcome.OK else ""
                row.detail = {**r.as_json(), "batch_results": r.batches[-200:]}
    except StorageError as exc:
        log.warning("could not record the sync run: %s", exc)
        r.outcome = Outcome.DISK
