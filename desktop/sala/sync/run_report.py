"""What a sync run reports (counts, bytes, per-batch results) and how patient it is.

Kept apart from the engine so the GUI, the CLI and the tests share these plain types.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sala.sync.messages import Outcome
from sala.wire import http, protocol


@dataclass
class RetryPolicy:
    """How patient one run is. The GUI keeps runs short (its link watcher retries later); the
    CLI waits longer; tests shrink the delays."""

    base: float = http.BACKOFF_BASE_S
    cap: float = http.BACKOFF_CAP_S
    network_attempts: int = 4      # consecutive network failures before "no link"
    busy_attempts: int = 30        # 429/503/409+Retry-After answers per batch before "busy"
    max_wait: float = 120.0        # a Retry-After longer than this ends the run as "busy"
    stall: float = http.STALL_S    # no progress on a request for this long: "the link stalled"
    sleep: Callable[[float], None] = time.sleep


@dataclass
class Progress:
    phase: str                     # "text" | "photos"
    records_done: int
    records_total: int
    bytes_sent: int
    blobs_done: int = 0
    blobs_total: int = 0


@dataclass
class RunReport:
    """What a run did; ``counts`` are of this run, ``pending`` what is left after it."""

    run_id: str
    outcome: Outcome
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(protocol.STATUSES, 0))
    pending: int = 0
    quarantined: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    batches: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, int] = field(default_factory=lambda: {"uploaded": 0, "missing": 0, "pending": 0})
    detail: str = ""
    reconcile: dict[str, Any] = field(default_factory=dict)   # reconcile.run's counts
    catalog: dict[str, int] = field(default_factory=dict)     # catalog_pull.apply_catalog's

    @property
    def sent(self) -> int:
        return self.counts["accepted"] + self.counts["duplicate"]

    def as_json(self) -> dict[str, Any]:
        return {"outcome": str(self.outcome), "sent": self.sent, **self.counts,
                "catalog_pulled": self.catalog.get("pulled", 0),
                "catalog_added": self.catalog.get("added", 0),
                "reconciled": self.reconcile.get("checked", 0),
                "reconcile_marked_sent": self.reconcile.get("marked_sent", 0),
                "reconcile_resend": self.reconcile.get("resend", 0),
                "reconcile_renumbered": self.reconcile.get("renumbered", 0),
                "pending": self.pending, "quarantined": self.quarantined,
                "bytes": self.bytes_up, "bytes_down": self.bytes_down,
                "photos_uploaded": self.blobs["uploaded"], "photos_missing": self.blobs["missing"],
                "photos_pending": self.blobs["pending"], "batches": len(self.batches),
                "run_id": self.run_id, "detail": self.detail}
