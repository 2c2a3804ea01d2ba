"""Fair, bounded admission of batches: decided before any database work, in arrival order.

A country's laptops come back online together. What a batch may cost is settled in steps, each
cheap, each before the next costs more (issue 15):

1. **The door** (no database, no body read): the token's hash is the device's key. A device
   holds at most ``per_device`` requests inside; the requests inside may not hold more than
   ``max_wait_s`` of work at the rate the service measures while busy: no batch let in waits
   longer than that budget before its own work. Otherwise 429 at once, the connection
   closed (the retry may reach another service process), with a ``Retry-After`` booked into
   the first tenth of a second ahead that has room at the service's rate (sent to the
   millisecond as ``Retry-After-Ms``, and rounded up to whole seconds as ``Retry-After``): a
   wave of refusals comes back spread over the time it needs, in the order it came. A batch
   back at its booked moment (its ``Idempotency-Key``) that still finds no room is booked into
   the next tenth, ahead of those refused after it.
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
import math
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


OVERBOOK = 1.3          # each second is booked this much beyond the measured rate
# body bytes a second assumed until measured (about 7,500 records of Thai text): admission
# uses it until completions give the service's own rate. Low on purpose: a first wave let in
# on a rate twice the real one is answered in twice the budget, while one let in on half the
# rate only leaves the service idle a moment
ASSUMED_RATE = 512 << 10
# ...and the other way round for bookings: a second is booked for at least this much. Seconds
# booked too thinly leave the service idle while the refused wait (a rate measured in the
# first crush, with refused bodies being drained, was a quarter of the later one); seconds
# booked too thickly cost a few more refusals, each cheap
BOOKING_FLOOR = 1 << 20
# a second's bookings before any rate is measured: a crowd refused in the first moment books
# the seconds ahead on this (one process alone did 2 MB a second; booked at the floor, it
# worked half of each second for seven seconds)
ASSUMED_BOOKING_RATE = 2 << 20
REQUEST_COST = 4096     # what a request costs besides its body, in body bytes (a few ms)
RATE_WINDOW_S = 0.25    # busy seconds a measurement of the rate spans (smoothed)
MAX_BOOKING_S = 15      # no Retry-After beyond this: past it, a random moment within it
EARLY_S = 0.25          # a booked batch back this much before its moment still has its turn
# bookings are made by tenths of a second, and the moment to come back is sent to the
# millisecond (``Retry-After-Ms``) beside the whole seconds every client knows: refused at
# once in whole seconds, a crowd came back a whole second later while the service had been
# idle since the first half of it (200 devices, three processes: idle 0.5-1.0 s and again
# 1.75-2.25 s of a 3.7 s run)
SLOT_S = 0.1
MIN_RETRY_S = 0.05      # no sooner than this: a refusal is not an invitation to spin
KNOWN_DEVICES = 200_000  # token hashes of devices this process stored a batch of (bookings first)


LATENESS_SAMPLES = 64    # completions whose lateness is remembered
LATENESS_QUANTILE = 0.9  # of those, how late a promise is taken to be


@dataclass
class Ticket:
    key: str
    cost: int
    promised: float = 0.0   # clock time the batch was expected to be done by, when let in
    entered: float = 0.0
    uploading: bool = True  # until its body is read (Door.ready)
    working: bool = False   # being stored (Door.working): its time is the service's


class Door:
    """Step 1 of the module doc: who may come in now, and when the others should come back.

    The budget ``max_wait_s`` bounds the wait of every batch let in: the work inside ahead
    of it (body bytes plus :data:`REQUEST_COST` a request, at the rate measured while the
    service is busy) must be done within it; the batch's answer comes that much and its own
    work later. Nothing waits inside beyond the budget: a long queue is a Retry-After, not a
    slow answer.

    A refused batch is booked into the first of the slots ahead (tenths of a second) that
    still has room: each slot takes what the service does in it (:data:`OVERBOOK` more, since
    some may not come back), and a wave of refusals is spread over the time it needs, in
    arrival order. A booked batch back at its moment that still finds no room (the service
    ran behind) is booked into the next slot, room or not: ahead of those refused after it. (With several processes a
    batch may come back to another one, which does not know its booking: there it queues
    as one refused now. Giving newcomers only a share of the budget while bookings were due
    cost the service a quarter of each wave, as most of those who came back were strangers
    to the process they reached.)

    The rate is the work done per second of the service's busy time, the time during which
    at least one batch is being stored (:meth:`working`): neither how fast batches arrive nor
    how fast their bodies upload, and right whether batches are stored four at a time or one.
    """

    def __init__(self, *, per_device: int, max_inside: int, max_wait_s: float,
                 clock: Callable[[], float] = time.monotonic,
                 rand: Callable[[], float] = random.random,
                 assumed_rate: float = ASSUMED_RATE, booking_floor: float = BOOKING_FLOOR) -> None:
        self.per_device = per_device
        self.max_inside = max_inside
        self.max_wait_s = max_wait_s
        self._clock = clock
        self._rand = rand
        self._assumed_rate = assumed_rate
        self._booking_floor = booking_floor
        self.inside: Counter[str] = Counter()
        self.cost_inside = 0            # what the requests inside cost (body bytes and more)
        self._rate = 0.0                # cost done per second busy (smoothed); 0 = unknown
        self._working = 0               # batches being stored now
        self._busy_since: float | None = None   # since when at least one is being stored
        self._busy_s = 0.0              # busy seconds in the current window, before that
        self._done_bytes = 0            # cost of the batches stored in the current window
        self._done_count = 0
        self._slots: dict[int, int] = {}   # slot (clock // SLOT_S) → cost booked to come back in it
        self._slots_known: dict[int, int] = {}   # ...of which by devices this process verified
        self._known: OrderedDict[str, None] = OrderedDict()   # token hashes of those devices
        self._booked: OrderedDict[str, float] = OrderedDict()   # batch id → booked moment
        self._late: deque[float] = deque(maxlen=LATENESS_SAMPLES)
        self._uploading: list[Ticket] = []   # let in, body not read yet (some may have left)
        self.lateness = 0.0             # how much later than promised batches are done
        self.refused = 0

    @property
    def rate(self) -> float:
        """Cost units (body bytes) done per second: measured, or assumed until measured."""
        return self._rate if self._rate > 0 else self._assumed_rate

    @staticmethod
    def cost(body_bytes: int) -> int:
        return body_bytes + REQUEST_COST

    def _expected_wait(self, extra: int) -> float:
        """Seconds until the work inside and ``extra`` more are done. A body still uploading
        past the budget is not work yet: the client is slow, or stalls on purpose (one
        stalled upload would otherwise keep everyone out until the body timeout)."""
        if self._uploading:
            since = self._clock() - self.max_wait_s
            self._uploading = [t for t in self._uploading if t.uploading]
            stalled = sum(t.cost for t in self._uploading if t.entered < since)
        else:
            stalled = 0
        return (self.cost_inside - stalled + extra) / self.rate

    def enter(self, key: str, body_bytes: int, batch_id: str | None) -> Ticket:
        """A ticket, or ApiError 429 with a booked Retry-After."""
        now = self._clock()
        cost = self.cost(body_bytes)
        if self.inside[key] >= self.per_device:
            raise self._refuse(now, cost, None, key,
                               f"at most {self.per_device} {'batch' if self.per_device == 1 else 'batches'} of one "
                               "device at once; retry")
        booked_at = self._booked.get(batch_id) if batch_id else None
        booked = booked_at is not None and booked_at <= now + EARLY_S
        n = self.inside.total()
        # the wait ahead of it, not its own work: a batch that alone takes most of the budget
        # (5,000 records on a busy machine) still gets one in line behind it, or the service
        # would idle between one and the next, a Retry-After apart
        ahead = self._expected_wait(0)
        if n > 0 and (n >= self.max_inside or ahead + self.lateness > self.max_wait_s):
            raise self._refuse(now, cost, batch_id, key, "the service is busy; retry", again=booked)
        if booked_at is not None:
            del self._booked[batch_id]   # type: ignore[arg-type]
        self.inside[key] += 1
        self.cost_inside += cost
        # a promise made on the assumed rate says nothing of how late the service runs
        done_by = now + ahead + cost / self.rate
        ticket = Ticket(key, cost, done_by if self._rate > 0 else 0.0, now)
        self._uploading.append(ticket)
        return ticket

    def ready(self, ticket: Ticket) -> None:
        """The ticket's body is read: its work is now certain (see :meth:`_expected_wait`)."""
        ticket.uploading = False

    def working(self, ticket: Ticket) -> None:
        """The ticket's batch is being stored from now until it leaves."""
        ticket.working = True
        if self._working == 0:
            self._busy_since = self._clock()
        self._working += 1

    def leave(self, ticket: Ticket) -> None:
        ticket.uploading = False
        self.inside[ticket.key] -= 1
        if self.inside[ticket.key] <= 0:
            del self.inside[ticket.key]
        self.cost_inside -= ticket.cost
        now = self._clock()
        if not ticket.working:      # refused on its way (bad token, bad body): not work
            return
        # what the rate does not see (a body still uploading, a thread waiting for its turn,
        # a rate measured a moment ago) shows as lateness; admission counts it in
        if ticket.promised:
            self._late.append(now - ticket.promised)
            ordered = sorted(self._late)
            late = ordered[int(LATENESS_QUANTILE * (len(ordered) - 1))]
            self.lateness = min(max(late, -0.25 * self.max_wait_s), self.max_wait_s)
        ticket.working = False
        self._done_bytes += ticket.cost
        self._done_count += 1
        self._working -= 1
        busy = self._busy_s + (now - self._busy_since if self._busy_since is not None else 0.0)
        if self._working == 0:
            self._busy_s, self._busy_since = busy, None
        # the work stored per busy second, window by window (a window long enough to hold a
        # few completions, so that a batch begun in the window before does not weigh much)
        if busy >= RATE_WINDOW_S and self._done_count >= 2:
            rate = self._done_bytes / busy
            self._rate = rate if self._rate <= 0 else 0.5 * self._rate + 0.5 * rate
            self._busy_s, self._done_bytes, self._done_count = 0.0, 0, 0
            if self._busy_since is not None:
                self._busy_since = now

    def verified(self, key: str) -> None:
        """A batch of the device with token hash ``key`` was stored: its refusals are booked
        ahead of strangers' from now on (see :meth:`_book`)."""
        self._known[key] = None
        self._known.move_to_end(key)
        while len(self._known) > KNOWN_DEVICES:
            self._known.popitem(last=False)

    def _book(self, now: float, cost: int, again: bool, known: bool = False) -> float:
        """Seconds to come back: a moment in the first slot (:data:`SLOT_S`) ahead with room
        for ``cost`` (an empty slot takes one whatever its cost), spread at random within its
        slot. A batch booked ``again`` takes the first slot it may, room or not.

        Room is counted apart for devices this process has stored a batch of (``known``):
        their bookings count against everyone's room, strangers' only against strangers'. A
        refusal costs the sender nothing but a request, and a slot holds what its declared
        length says, so requests with made-up tokens and large declared lengths could
        otherwise fill every slot of the next 15 s and push every laptop's return to a random
        moment within them."""
        first_slot = math.floor(now / SLOT_S)
        for old in [s for s in self._slots if s < first_slot]:
            del self._slots[old]
            self._slots_known.pop(old, None)
        per_second = (max(self._rate * OVERBOOK, self._booking_floor) if self._rate > 0
                      else max(ASSUMED_BOOKING_RATE, self._booking_floor))
        per_slot = per_second * SLOT_S
        # not before the work inside has drained enough to let it in
        earliest = now + max(MIN_RETRY_S, self._expected_wait(0) - self.max_wait_s)
        start = math.floor(earliest / SLOT_S)
        last = math.floor((now + MAX_BOOKING_S) / SLOT_S)
        for slot in range(start, last + 1):
            booked = (self._slots_known if known else self._slots).get(slot, 0)
            if again or booked == 0 or booked + cost <= per_slot:
                break
        else:   # more booked than the service can do within the bound: a random slot in it
            slot = start + int(self._rand() * (last - start + 1))
            slot = min(slot, last)
        self._slots[slot] = self._slots.get(slot, 0) + cost
        if known:
            self._slots_known[slot] = self._slots_known.get(slot, 0) + cost
        begin = max(earliest, slot * SLOT_S)
        at = begin + self._rand() * max(0.0, (slot + 1) * SLOT_S - begin)
        return min(at - now, MAX_BOOKING_S)

    def _refuse(self, now: float, cost: int, batch_id: str | None, key: str, message: str,
                again: bool = False) -> ApiError:
        self.refused += 1
        wait = self._book(now, cost, again, key in self._known)
        if batch_id:
            self._booked[batch_id] = now + wait
            self._booked.move_to_end(batch_id)
            while len(self._booked) > 10_000:
                self._booked.popitem(last=False)
        return ApiError(429, "too_many_batches", message,
                        {"Retry-After": str(max(1, math.ceil(wait))),
                         "Retry-After-Ms": str(max(1, round(wait * 1000)))})
