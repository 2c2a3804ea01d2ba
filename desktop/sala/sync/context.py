"""What one sync run hands each of its steps: the database, the client, the rules, the report.

Why a context: the steps (handshake, reconcile, catalogue, batches, photos) used to reach into
the engine's privates; now each receives a :class:`RunContext` and only sequences itself. A step
ends the run by raising :class:`RunStopped` with the outcome people are told about.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sala.storage.database import Database
from sala.sync.identity import Identity
from sala.sync.messages import Outcome
from sala.sync.run_report import Progress, RetryPolicy, RunReport
from sala.wire import http, protocol

if TYPE_CHECKING:   # the client loads httpx: imported by the engine, at the first run
    from sala.sync.client import Answer, CentralClient


class RunStopped(Exception):  # noqa: N818 - control flow that ends a run, not an error
    """Ends the run with ``outcome`` (no link, re-enroll, busy, cancelled, …)."""

    def __init__(self, outcome: Outcome, detail: str = "") -> None:
        super().__init__(detail)
        self.outcome = outcome
        self.detail = detail


@dataclass
class RunContext:
    """One run's shared state; thread-safe where the batch workers share it (``lock``)."""

    db: Database
    ident: Identity
    attachments: Path
    client: CentralClient
    report: RunReport
    policy: RetryPolicy = field(default_factory=RetryPolicy)
    cancel: threading.Event = field(default_factory=threading.Event)
    on_progress: Callable[[Progress], None] | None = None
    force_reconcile: bool = False
    in_flight: int = 2
    limits: protocol.Limits = protocol.MIN_LIMITS      # the handshake sets the server's
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopped: RunStopped | None = None                  # first stop seen by a batch worker
    records_done: int = 0
    records_total: int = 0

    def check(self) -> None:
        """Raise the run's stop when another worker stopped it or the user cancelled."""
        if self.stopped is not None:
            raise self.stopped
        if self.cancel.is_set():
            raise RunStopped(Outcome.CANCELLED)

    def stop(self, stop: RunStopped) -> None:
        """Remember the first stop; the other workers see it at their next :meth:`check`."""
        with self.lock:
            self.stopped = self.stopped or stop

    def count_bytes(self, ans: Answer) -> None:
        with self.lock:
            self.report.bytes_up += ans.sent
            self.report.bytes_down += ans.received

    def progress(self, phase: str, blobs_done: int = 0, blobs_total: int = 0) -> None:
        if self.on_progress is not None:
            self.on_progress(Progress(phase, self.records_done, self.records_total,
                                      self.report.bytes_up, blobs_done, blobs_total))

    def backoff(self, failures: int, detail: str) -> int:
        """Wait after the ``failures``-th consecutive network failure (full jitter); past the
        run's patience the run ends as "no link". Returns the new failure count."""
        if failures + 1 >= self.policy.network_attempts:
            raise RunStopped(Outcome.NO_LINK, detail)
        self.policy.sleep(http.backoff_delay(failures, base=self.policy.base, cap=self.policy.cap))
        return failures + 1
