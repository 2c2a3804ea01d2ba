"""Admission of batches (sala.central.admission): arrival order, a fair share per device,
Retry-After booked and jittered, verified tokens forgotten in time, memory estimates. The clock
and the dice are the test's own."""

from __future__ import annotations

import asyncio
import gzip
import json
import math

import pytest

from sala.central import admission, bodies
from sala.central.errors import ApiError
from sala.wire import http


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_budget_serves_in_arrival_order_and_never_lets_a_small_one_overtake() -> None:
    async def main() -> list[str]:
        budget = admission.Budget(100)
        order: list[str] = []
        await budget.take(90)

        async def want(name: str, n: int) -> None:
            await budget.take(n)
            order.append(name)

        big = asyncio.create_task(want("big", 60))
        await asyncio.sleep(0)
        small = asyncio.create_task(want("small", 5))    # would fit now, but big came first
        await asyncio.sleep(0)
        assert order == [] and budget.used == 90
        budget.give(90)
        await asyncio.gather(big, small)
        assert budget.used == 65
        return order

    assert asyncio.run(main()) == ["big", "small"]


def test_budget_cancelled_waiter_leaves_no_hole() -> None:
    async def main() -> int:
        budget = admission.Budget(10)
        await budget.take(10)
        waiter = asyncio.create_task(budget.take(8))
        await asyncio.sleep(0)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        budget.give(10)
        assert budget.try_take(10)
        return budget.used

    assert asyncio.run(main()) == 10


def test_budget_refuses_more_than_it_has() -> None:
    with pytest.raises(ValueError):
        asyncio.run(admission.Budget(10).take(11))


def _door(clock: Clock, dice: list[float] | None = None, **kw: object) -> admission.Door:
    rolls = iter(dice or [0.5] * 1000)
    opts: dict = {"per_device": 2, "max_inside": 4, "max_wait_s": 0.5, "booking_floor": 0} | kw
    return admission.Door(clock=clock, rand=lambda: next(rolls), **opts)


def _body(cost: int) -> int:
    """The body size of a request that costs ``cost`` at the door."""
    return cost - admission.REQUEST_COST


def _measure(door: admission.Door, clock: Clock, bytes_per_s: int) -> None:
    """Two batches stored one after the other in one busy second."""
    for i in range(2):
        t = door.enter(f"warm-{i}", _body(bytes_per_s // 2), None)
        door.ready(t)
        door.working(t)
        clock.now += 0.5
        door.leave(t)
    assert door.rate == pytest.approx(bytes_per_s, rel=0.01)
    assert door.lateness == 0.0     # promises made on the assumed rate are not counted


def _refused(door: admission.Door, key: str, body: int, batch_id: str | None = None) -> float:
    """The wait a refusal asks for, in seconds, as the laptops' client reads it; the whole
    seconds beside it are never sooner."""
    with pytest.raises(ApiError) as exc:
        door.enter(key, body, batch_id)
    assert exc.value.status == 429 and exc.value.message
    wait = http.retry_after_seconds(exc.value.headers)
    assert wait is not None and wait >= admission.MIN_RETRY_S
    assert int(exc.value.headers["Retry-After"]) == max(1, math.ceil(wait))
    return wait


def _slot(wait: float, clock: Clock) -> int:
    """The booking slot a wait falls in."""
    return math.floor((clock.now + wait) / admission.SLOT_S + 1e-9)


def test_a_device_gets_its_share_and_no_more() -> None:
    door = _door(Clock())
    t1, _ = door.enter("dev-a", 1000, None), door.enter("dev-a", 1000, None)
    with pytest.raises(ApiError) as exc:
        door.enter("dev-a", 1000, None)
    assert exc.value.status == 429 and "2 batches of one device" in exc.value.message
    assert int(exc.value.headers["Retry-After"]) >= 1
    door.enter("dev-b", 1000, None)          # another device still gets in
    door.leave(t1)
    door.enter("dev-a", 1000, None)          # and a device's share frees as it leaves


def test_what_is_let_in_waits_no_longer_than_the_budget_at_the_measured_rate() -> None:
    """No count decides: at 100 KB a second and a 0.5 s budget, batches costing 9 KB go in
    while the work ahead of them is at most 50 KB; at 400 KB a second four times the work."""
    for rate, admitted in ((100_000, 6), (400_000, 23)):
        clock = Clock()
        door = _door(clock, max_inside=1000, per_device=1000)
        _measure(door, clock, rate)
        n = 0
        while True:
            try:
                door.enter(f"dev-{n}", _body(9_000), None)
            except ApiError:
                break
            n += 1
            assert (door.cost_inside - 9_000) / door.rate <= door.max_wait_s
        assert n == admitted


def test_before_a_measurement_the_assumed_rate_bounds_the_first_wave() -> None:
    door = _door(Clock(), max_inside=1000, per_device=1000)
    cost = admission.ASSUMED_RATE // 20          # a twentieth of a second each
    n = 0
    with pytest.raises(ApiError):
        while True:
            door.enter(f"dev-{n}", _body(cost), None)
            n += 1
    assert n == 11                              # half a second of work ahead, not a count


def test_the_rate_is_work_stored_per_busy_second() -> None:
    """Not how fast batches arrive or upload: a trickle of one batch every two seconds, each
    stored in a quarter of a second, measures the service at four batches a second; batches
    refused on their way (a bad token) leave the rate as it was."""
    clock = Clock()
    door = _door(clock, max_inside=100, per_device=100, max_wait_s=100.0)
    for i in range(3):
        t = door.enter(f"dev-{i}", _body(50_000), None)
        clock.now += 1.0                          # uploading: not the service's time
        door.ready(t)
        door.working(t)
        clock.now += 0.25
        door.leave(t)
        clock.now += 0.75                         # idle
    assert door.rate == pytest.approx(50_000 / 0.25)
    for i in range(5):
        door.leave(door.enter(f"bad-{i}", _body(50_000), None))
        clock.now += 1.0
    assert door.rate == pytest.approx(50_000 / 0.25)


def test_batches_done_later_than_promised_make_the_door_let_in_less() -> None:
    """What the rate does not see (bodies still uploading, threads waiting their turn) shows
    as lateness against the promise made at the door, and admission counts it in."""
    clock = Clock()
    door = _door(clock, max_inside=1000, per_device=1000)
    _measure(door, clock, 100_000)

    def admitted() -> list[admission.Ticket]:
        tickets: list[admission.Ticket] = []
        with pytest.raises(ApiError):
            while True:
                tickets.append(door.enter(f"dev-{len(tickets)}", _body(9_000), None))
        return tickets

    def store(tickets: list[admission.Ticket], late: float) -> None:
        clock.now += late                       # the bodies take this long to upload
        for t in tickets:
            door.ready(t)
            door.working(t)
        for t in tickets:                       # then they are stored at the measured rate
            clock.now = max(clock.now, t.promised + late)
            door.leave(t)

    on_time = admitted()
    store(on_time, 0.0)
    assert door.lateness <= 0.0
    clock.now += 2.0                                      # past the refused ones' bookings
    late = admitted()
    assert len(late) == len(on_time) == 6
    store(late, 0.2)                                       # each 0.2 s later than promised
    assert door.lateness == pytest.approx(0.2, abs=0.01)
    assert door.rate == pytest.approx(100_000, rel=0.01)   # the service itself is as fast
    clock.now += 2.0
    assert len(admitted()) == 4                           # 0.3 s of work ahead, not 0.5


def test_an_upload_stalled_past_the_budget_keeps_nobody_out() -> None:
    """Two seconds of declared work inside: others are refused while it uploads, let in once
    it has uploaded longer than the budget (its client is slow, or stalls on purpose), and
    refused again as long as a body that did arrive is waiting to be stored."""
    for read in (False, True):
        clock = Clock()
        door = _door(clock, max_inside=100, per_device=10)
        _measure(door, clock, 100_000)
        hog = door.enter("dev-hog", _body(200_000), None)
        _refused(door, "dev-other", 1000)
        if read:
            door.ready(hog)
        clock.now += door.max_wait_s + 0.01
        if read:
            _refused(door, "dev-other", 1000)
        else:
            door.enter("dev-other", 1000, None)


def test_refusals_are_booked_one_after_another_at_the_measured_rate() -> None:
    clock = Clock()
    door = _door(clock, max_inside=1, per_device=10)
    _measure(door, clock, 100_000)            # 100 KB a second
    door.enter("dev-0", _body(100_000), None)  # inside: one second of work
    waits = [_refused(door, f"dev-{i + 1}", _body(100_000), f"batch-{i}") for i in range(6)]
    # spread out, in arrival order, one a slot (each costs more than a slot holds), and none
    # before the work inside has drained to the budget
    slots = [_slot(w, clock) for w in waits]
    assert slots == sorted(slots) and len(set(slots)) == 6
    assert min(waits) >= 1.0 - door.max_wait_s


def test_a_wave_of_refusals_is_spread_over_the_time_it_needs() -> None:
    """Forty refused at once, at 100 KB a second, 3.4 KB each: three come back in each tenth
    of a second (a slot holds what the service does in it, OVERBOOK more), in the order they
    came, each at its own moment within its slot."""
    clock = Clock()
    door = _door(clock, max_inside=1, per_device=100, dice=[i / 40 for i in range(40)] * 10)
    _measure(door, clock, 100_000)
    door.enter("dev-hog", _body(1_000), None)
    waits = [_refused(door, f"dev-{i}", _body(3_400), f"b-{i}") for i in range(40)]
    per_slot = int(100_000 * admission.OVERBOOK * admission.SLOT_S) // 3_400
    slots = [_slot(w, clock) for w in waits]
    first = slots[0]
    assert slots == [first + i // per_slot for i in range(40)]
    assert waits == sorted(waits) and len(set(waits)) == 40    # not all at one moment
    assert waits[-1] < 40 / per_slot * admission.SLOT_S + admission.SLOT_S


def test_a_stale_schedule_books_no_further_than_its_bound() -> None:
    clock = Clock()
    door = _door(clock, [0.5] * 10_000, max_inside=1, per_device=1000)
    _measure(door, clock, 1_000)               # a slow service: 1 KB a second
    door.enter("dev-0", _body(1_000), None)
    # 2,000 s of work booked, were it not bounded
    waits = [_refused(door, f"dev-{i + 1}", _body(10_000)) for i in range(200)]
    assert max(waits) <= admission.MAX_BOOKING_S and min(waits) >= admission.MIN_RETRY_S


def test_a_booked_batch_that_finds_no_room_is_booked_again_ahead_of_newcomers() -> None:
    clock = Clock()
    door = _door(clock, max_inside=1, per_device=10)
    _measure(door, clock, 100_000)
    door.enter("dev-hog", _body(1_000), None)
    first = _refused(door, "dev-late", _body(5_000), "batch-late")
    later = [_refused(door, f"dev-{i}", _body(5_000), f"b-{i}") for i in range(30)]
    clock.now += first                                       # the hog is still inside
    again = _refused(door, "dev-late", _body(5_000), "batch-late")
    newcomer = _refused(door, "dev-new", _body(5_000), "batch-new")
    assert again <= admission.MIN_RETRY_S + admission.SLOT_S    # the first slot it may
    assert newcomer > again and max(later) - first >= 1.0


def test_token_cache_forgets_after_its_time_and_on_request() -> None:
    clock = Clock()
    cache = admission.TokenCache(5.0, max_entries=2, clock=clock)
    cache.put("h1", "device-1")
    clock.now += 4.9
    assert cache.get("h1") == "device-1"
    clock.now += 0.2
    assert cache.get("h1") is None            # revocation honoured within 5 s
    cache.put("h1", "device-1")
    cache.drop("h1")
    assert cache.get("h1") is None
    for i in range(3):
        cache.put(f"k{i}", i)
    assert cache.get("k0") is None and cache.get("k2") == 2    # bounded
    off = admission.TokenCache(0, clock=clock)
    off.put("h", "d")
    assert off.get("h") is None


def test_token_key_is_the_stored_token_hash() -> None:
    import hashlib
    assert admission.token_key("Bearer abc") == hashlib.sha256(b"abc").hexdigest()
    assert admission.token_key("bearer  abc ") == hashlib.sha256(b"abc").hexdigest()
    assert admission.token_key(None) is None and admission.token_key("Basic x") is None


def test_memory_estimate_covers_what_parsing_takes() -> None:
    import tracemalloc
    docs = [json.dumps([{"text": "ข้อความภาษาไทย" * 5, "n": i} for i in range(20_000)]).encode(),
            b"[" + b",".join([b"{}"] * 200_000) + b"]",
            b"[" + b",".join([b'"abcdefghijklmnopqrstuvwxyz\xf0\x9f\x98\x80"'] * 100_000) + b"]"]
    for doc in docs:
        size, values, astral = bodies.measure_gzip(gzip.compress(doc), 64 << 20, 10**7)
        assert size == len(doc)
        tracemalloc.start()
        parsed = bodies.loads(bodies.gunzip_measured(gzip.compress(doc), size))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del parsed
        assert peak <= admission.batch_memory(size, values, astral), (peak, size, values)
    assert bodies.measure_gzip(gzip.compress(docs[2]), 64 << 20, 10**7)[2] is True
    assert bodies.measure_gzip(gzip.compress(docs[0]), 64 << 20, 10**7)[2] is False


def test_measure_gzip_refuses_like_gunzip() -> None:
    for data, code in ((b"plain", "not_gzip"), (gzip.compress(b"[1]")[:-3], "bad_gzip"),
                       (gzip.compress(b"[1]") + b"x", "bad_gzip"),
                       (gzip.compress(b"[" + b"0," * 100 + b"0]"), "too_complex"),
                       (gzip.compress(b" " * 5000), "too_large")):
        with pytest.raises(ApiError) as exc:
            bodies.measure_gzip(data, 4096, 50)
        assert exc.value.code == code


def test_fast_json_path_still_refuses_long_integers_and_nan() -> None:
    for raw in (b'{"n": 123456789012345678901}', b'[-1234567890123456789012]'):
        with pytest.raises(ApiError) as exc:
            bodies.loads(raw)
        assert exc.value.code == "number_too_large"
    for raw in (b"[NaN]", b"[Infinity]", b"[-Infinity]"):
        with pytest.raises(ApiError) as exc:
            bodies.loads(raw)
        assert exc.value.code == "bad_json"
    # a long run of digits inside a string is text, not a number
    assert bodies.loads(b'{"t": "0812345678901234567890123", "n": 12345678901234567890}') == \
        {"t": "0812345678901234567890123", "n": 12345678901234567890}


def test_strangers_cannot_push_known_devices_back() -> None:
    """An attack: while the service is busy, requests with made-up tokens declaring 8 MB each
    are refused and booked, one a slot, until the next 15 s are full. A device this process has
    stored a batch of is still booked into the first slot with room among known devices; a
    device never seen shares the strangers' schedule."""
    clock = Clock()
    door = _door(clock, [0.5] * 10_000, max_inside=1, per_device=10)
    _measure(door, clock, 100_000)
    door.verified("dev-known")
    door.enter("dev-hog", _body(1_000), None)
    flood = [_refused(door, f"made-up-{i}", 8 << 20) for i in range(400)]
    assert min(flood) < 0.2 and max(flood) > 10        # every slot of the bound is taken
    known = _refused(door, "dev-known", _body(5_000), "b-known")
    stranger = _refused(door, "dev-new", _body(5_000), "b-new")
    assert known <= admission.MIN_RETRY_S + admission.SLOT_S
    assert stranger > 1.0
