"""Fair, bounded admission of batches: decided before any database work, in arrival order.

A country's laptops come back online together. What a batch may cost is settled in steps, each
cheap, each before the next costs more (issue 15):

1. **The door** (no database, no body read): the token's hash is the device's key. A device
   holds at most ``per_device`` requests inside; the requests inside may not promise more than
   ``max_wait_s`` of work at the measured rate. Otherwise 429 at once, with a ``Retry-After``
   taken from a schedule: each refusal books the next free moment at the service's rate, so
   refused devices come back spread out (randomised rounding of the whole seconds jitters
   them), not in waves, and in the order they first came. A batch that returns at its booked
   moment (its ``Idempotency-Key``) goes in whatever the queue: a long waiter is never starved
   by newcomers.
2. **The token** (:class:`TokenCache`): for batches, a verified token is remembered ``ttl_s``
   seconds, so a busy device costs one lookup per ``ttl_s``, not one per batch; each batch
   checks the token again inside its write transaction (``ledger.ingest``), so a revoked device
   stores nothing from the moment of revocation. Other requests (catalogue, blobs, reconcile)
   look the token up every time.
3. **Memory** (:class:`Budget`, FIFO): a body reserves its size before it is read; a batch
   reserves what decompressing and parsing it may take (``bodies.measure_gzip``: a pass that
   keeps nothing) before it is decompressed for real. Whatever the devices send, the bodies
   and batches held at once stay within the two budgets.
"""

from __future__ import annotations

import asyncio
import hashlib
import random
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sala.central.errors import ApiError

# What a batch costs in memory while parsed and prepared, per byte of its uncompressed JSON
# and per JSON value. Measured with tracemalloc: a 3.9 MB batch of 5,000 Thai records peaks at
# 4.2 bytes a byte; 600,000 empty objects at 36 bytes a value; ASCII strings each holding one
# emoji at 9 bytes a byte (one astral character makes Python store the whole string in 4 bytes
# a character), the worst text can do.
BYTES_PER_BYTE = 5
BYTES_PER_BYTE_ASTRAL = 12
BYTES_PER_VALUE = 96


CHUNKED_FIRST_BYTES = 1 << 20   # what a body without Content-Length reserves at first


def token_key(authorization: str | None) -> str | None:
    """sha256 hex of the bearer token (as ``auth`` stores it), None without one."""
    if not authorization or not authorization.lower().startswith("bearer "):
        return None
    return hashlib.sha256(authorization[7:].strip().encode("utf-8")).hexdigest()


def batch_memory(size: int, values: int, astral: bool) -> int:
    """Upper estimate of the memory a batch of ``size`` uncompressed bytes takes to process."""
    return size * (BYTES_PER_BYTE_ASTRAL if astral else BYTES_PER_BYTE) + values * BYTES_PER_VALUE


class Budget:
    """A byte budget handed out in arrival order (a waiter is never overtaken by a later,
    smaller one). Event-loop only."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.used = 0
        self._waiters: deque[tuple[int, asyncio.Future[None]]] = deque()

    async def take(self, n: int) -> None:
        if n > self.total:
            raise ValueError("more than the whole budget")
        if not self._waiters and self.used + n <= self.total:
            self.used += n
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append((n, fut))
        try:
            await fut
        except BaseException:
            if fut.done() and not fut.cancelled():
                self.give(n)          # granted as we were cancelled: hand it on
            else:
                self._waiters.remove((n, fut))
                self._wake()
            raise

    def try_take(self, n: int) -> bool:
        """Take ``n`` now if it fits without overtaking a waiter; never waits."""
        if self._waiters or self.used + n > self.total:
            return False
        self.used += n
        return True

    def give(self, n: int) -> None:
        self.used -= n
        self._wake()

    def _wake(self) -> None:
        while self._waiters and self.used + self._waiters[0][0] <= self.total:
            n, fut = self._waiters.popleft()
            if not fut.done():
                self.used += n
                fut.set_result(None)


class TokenCache:
    """Verified tokens by their hash, each trusted for ``ttl_s`` seconds after its lookup."""

    def __init__(self, ttl_s: float, max_entries: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def get(self, token_hash: str) -> Any | None:
        item = self._items.get(token_hash)
        if item is None:
            return None
        if item[0] <= self._clock():
            del self._items[token_hash]
            return None
        return item[1]

    def put(self, token_hash: str, device: Any) -> None:
        if self.ttl_s <= 0:
            return
        self._items[token_hash] = (self._clock() + self.ttl_s, device)
        self._items.move_to_end(token_hash)
        while len(self._items) > self.max_entries:
            self._items.popitem(last=False)

    def drop(self, token_hash: str) -> None:
        self._items.pop(token_hash, None)


OVERBOOK = 1.2
# body bytes a second assumed until measured (about 30,000 records of Thai text): a first
# wave of refusals booked too slowly would leave the service idle while they wait
ASSUMED_RATE = 2 << 20
RATE_WINDOW_S = 0.25    # the rate is measured over busy time, smoothed window by window
MAX_BOOKING_S = 15.0    # no Retry-After beyond this: past it, a random moment within it


@dataclass
class Ticket:
    key: str
    cost: int


class Door:
    """Step 1 of the module doc: who may come in now, and when the others should come back."""

    def __init__(self, *, per_device: int, max_inside: int, max_wait_s: float,
                 clock: Callable[[], float] = time.monotonic,
                 rand: Callable[[], float] = random.random) -> None:
        self.per_device = per_device
        self.max_inside = max_inside
        self.max_wait_s = max_wait_s
        self._clock = clock
        self._rand = rand
        self.inside: Counter[str] = Counter()
        self.cost_inside = 0            # body bytes promised by the requests inside
        self._rate = 0.0                # body bytes done per second (smoothed); 0 = unknown
        self._done_bytes = 0            # since the window opened, at a completion
        self._done_count = 0
        self._window_start: float | None = None
        self._next_free = 0.0           # the schedule of refused requests (clock time)
        self._booked: OrderedDict[str, float] = OrderedDict()   # batch id → booked moment
        self.refused = 0

    def _expected_wait(self, extra: int) -> float:
        """Seconds of work inside (0 until a rate is measured: then only max_inside holds)."""
        return (self.cost_inside + extra) / self._rate if self._rate > 0 else 0.0

    def enter(self, key: str, cost: int, batch_id: str | None) -> Ticket:
        """A ticket, or ApiError 429 with a scheduled, jittered Retry-After."""
        now = self._clock()
        if self.inside[key] >= self.per_device:
            raise self._refuse(now, cost, None,
                               f"at most {self.per_device} batches of one device at once; retry")
        booked = self._booked.pop(batch_id, None) if batch_id else None
        # a booked batch goes in even past max_wait_s, up to twice it
        kept_turn = (booked is not None and booked <= now + 0.5
                     and self._expected_wait(cost) <= 2 * self.max_wait_s)
        n = self.inside.total()
        if n == 0:    # the rate is measured over busy time only
            self._window_start = None
        if not kept_turn and n > 0 and (n >= self.max_inside
                                        or self._expected_wait(cost) > self.max_wait_s):
            raise self._refuse(now, cost, batch_id, "the service is busy; retry")
        self.inside[key] += 1
        self.cost_inside += cost
        return Ticket(key, cost)

    def leave(self, ticket: Ticket, done_bytes: int = 0) -> None:
        self.inside[ticket.key] -= 1
        if self.inside[ticket.key] <= 0:
            del self.inside[ticket.key]
        self.cost_inside -= ticket.cost
        now = self._clock()
        # throughput between completions: a window opens at one completion and counts the
        # ones after it (from the start of a busy spell it would measure the first batch's
        # latency, and book refusals as if the service were many times slower)
        if self._window_start is None:
            self._window_start, self._done_bytes, self._done_count = now, 0, 0
            return
        self._done_bytes += done_bytes
        self._done_count += 1
        elapsed = now - self._window_start
        if elapsed >= RATE_WINDOW_S and self._done_count >= 3:
            rate = self._done_bytes / elapsed
            self._rate = rate if self._rate <= 0 else 0.5 * self._rate + 0.5 * rate
            self._window_start, self._done_bytes, self._done_count = now, 0, 0

    def _refuse(self, now: float, cost: int, batch_id: str | None, message: str) -> ApiError:
        self.refused += 1
        # booked a little faster than measured (OVERBOOK): a returning batch that finds the
        # service idle wastes more than one that waits a moment
        per_request = cost / (self._rate * OVERBOOK if self._rate > 0 else ASSUMED_RATE)
        start = max(now + self._expected_wait(0), self._next_free, now + 1.0)
        if start - now > MAX_BOOKING_S:   # a stale schedule is not a promise: start afresh
            start = now + MAX_BOOKING_S * self._rand()
            start = max(start, now + 1.0)
        self._next_free = start + per_request
        wait = start - now
        # whole seconds (RFC 9110), rounded at random in proportion: spread, not in waves
        seconds = int(wait) + (1 if self._rand() < wait - int(wait) else 0)
        seconds = max(1, min(seconds, 120))
        if batch_id:
            self._booked[batch_id] = now + seconds
            self._booked.move_to_end(batch_id)
            while len(self._booked) > 10_000:
                self._booked.popitem(last=False)
        return ApiError(429, "too_many_batches", message, {"Retry-After": str(seconds)})

