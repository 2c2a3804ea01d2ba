"""HTTP side of the sync protocol: paths, headers, and what a client does for each answer.

The status → action table is the contract of PROTOCOL.md in code, so the desktop client, the
``sala sync`` command and the tests decide the same way. Pure functions, no I/O.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

PATH_HELLO = "/v1/hello"
PATH_ENROLL = "/v1/devices/enroll"
PATH_BATCHES = "/v1/batches"
PATH_BLOBS = "/v1/blobs/{sha256}"
PATH_RECONCILE = "/v1/reconcile"
PATH_CATALOG = "/v1/catalog"

H_SIGNATURE = "Sala-Signature"        # base64 Ed25519 signature over the uncompressed batch
H_PUBLIC_KEY = "Sala-Public-Key"      # base64 raw Ed25519 public key of the batch's device
H_PROTOCOL = "Sala-Protocol"
H_IDEMPOTENCY = "Idempotency-Key"     # = batch_id
H_UPLOAD_OFFSET = "Upload-Offset"     # bytes of a blob the server already holds
H_BLOB_LENGTH = "Blob-Length"         # total size of a complete blob
H_RETRY_AFTER = "Retry-After"
# the same wait in milliseconds, for clients that can come back between whole seconds: the
# service books refused batches into tenths of a second (``central.admission``); a client that
# knows only ``Retry-After`` comes back at the whole second after, which is never earlier
H_RETRY_AFTER_MS = "Retry-After-Ms"

BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 600.0

#: A request that makes no progress for this long is a stalled link: every socket operation
#: (connect, each write, each read) is bounded by it, and so is the wait for each
#: ``PROGRESS_BYTES`` of a body. Worst case a stall is noticed after twice this (a trickle that
#: sends one byte just before each limit), so a stall ends a request within 30 s.
STALL_S = 15.0
PROGRESS_BYTES = 1024
UPLOAD_CHUNK = 16 * 1024


class Stalled(Exception):  # noqa: N818 - a state of the link, named as the user hears it
    """No progress on a request for longer than the stall limit (raised by :class:`ProgressWatch`)."""

    def __init__(self, seconds: float, what: str) -> None:
        super().__init__(f"no progress for {seconds:g} s ({what})")
        self.seconds = seconds
        self.what = what


class ProgressWatch:
    """The per-request watchdog: at least ``min_bytes`` must move every ``stall`` seconds.

    A socket timeout alone misses a trickle (one byte now and then keeps every read alive), so
    the client reports each chunk it writes or reads here; the clock is passed in (pure, no I/O).
    """

    def __init__(self, stall: float, start: float, *, min_bytes: int = PROGRESS_BYTES) -> None:
        self.stall = stall
        self.min_bytes = min_bytes
        self._mark = start
        self._pending = 0

    def left(self, now: float) -> float:
        """Seconds before the watch calls the link stalled unless enough moves first."""
        return self._mark + self.stall - now

    def moved(self, nbytes: int, now: float, what: str) -> None:
        """``nbytes`` went through at ``now``; raises :class:`Stalled` when too little came too late."""
        self._pending += nbytes
        if self._pending >= self.min_bytes:
            self._mark, self._pending = now, 0
            return
        if now - self._mark > self.stall:
            raise Stalled(self.stall, what)


class Action(StrEnum):
    """What the client does after an HTTP answer (see PROTOCOL.md, "Status codes")."""

    APPLY = "apply"              # 200: apply per-record results in one local transaction
    REENROLL = "reenroll"        # 401/403: stop syncing, ask the user to enroll again
    RETRY_AFTER = "retry_after"  # 409*/429/503: wait Retry-After (or backoff), resend same batch
    SPLIT = "split"              # 413: halve the batch (new batch ids), resend
    FIX = "fix"                  # 400/422: a client bug or a corrupt batch; quarantine the batch
    BACKOFF = "backoff"          # network error, 5xx, non-JSON: backoff with full jitter
    RESYNC_BLOB = "resync_blob"  # 409 on a blob PUT: HEAD for the offset and continue


def action_for(status: int, *, blob: bool = False, has_retry_after: bool = False) -> Action:
    """The client's move for an HTTP ``status`` (``None``-free; network errors → BACKOFF)."""
    if 200 <= status < 300:
        return Action.APPLY
    if status in (401, 403):
        return Action.REENROLL
    if status == 409:
        if blob:
            return Action.RESYNC_BLOB
        return Action.RETRY_AFTER if has_retry_after else Action.FIX
    if status in (429, 503):
        return Action.RETRY_AFTER
    if status == 413:
        return Action.SPLIT
    if status in (400, 404, 405, 415, 422):
        return Action.FIX
    return Action.BACKOFF


def retry_after_seconds(headers: Mapping[str, str], now: datetime | None = None) -> float | None:
    """Seconds from ``Retry-After-Ms`` when it is a number of milliseconds no longer than the
    ``Retry-After`` beside it, else from ``Retry-After`` (delta-seconds or HTTP date), else
    ``None``. (A millisecond figure alone, or one past its whole-second twin, is not trusted:
    the standard header is what every client obeys.)"""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        ms = next((v for k, v in headers.items() if k.lower() == "retry-after-ms"), "").strip()
        if ms.isdigit() and len(ms) <= 9 and int(ms) <= 1000 * int(value):
            return int(ms) / 1000
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(attempt: int, *, base: float = BACKOFF_BASE_S, cap: float = BACKOFF_CAP_S,
                  rng: random.Random | None = None) -> float:
    """Full-jitter exponential backoff: uniform in [0, min(cap, base·2^attempt)], at least base.

    ``attempt`` counts failures since the last success, from 0. Full jitter spreads a district's
    worth of laptops that all regain the link at 8:00 instead of hammering in lockstep.
    """
    r = rng or random
    ceiling = min(cap, base * (2 ** min(attempt, 30)))
    return max(base, r.uniform(0.0, ceiling))


def content_range(start: int, end_exclusive: int, total: int) -> str:
    """``Content-Range`` value for a blob chunk ``[start, end_exclusive)`` of ``total`` bytes."""
    return f"bytes {start}-{end_exclusive - 1}/{total}"
