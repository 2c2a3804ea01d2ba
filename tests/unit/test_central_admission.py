"""Admission of batches (sala.central.admission): arrival order, a fair share per device,
Retry-After booked and jittered, verified tokens forgotten in time, memory estimates. The clock
and the dice are the test's own."""

from __future__ import annotations

import asyncio
import gzip
import json

import pytest

from sala.central import admission, bodies
from sala.central.errors import ApiError


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
    opts: dict = {"per_device": 2, "max_inside": 4, "max_wait_s": 0.5} | kw
    return admission.Door(clock=clock, rand=lambda: next(rolls), **opts)


def _measure(door: admission.Door, clock: Clock, bytes_per_s: int) -> None:
    """Four batches pass: the first completion opens the window, three more a second later."""
    limit, door.max_inside = door.max_inside, 4
    tickets = [door.enter(f"warm-{i}", 0, None) for i in range(4)]
    door.leave(tickets[0], done_bytes=0)
    clock.now += 1.0
    for t in tickets[1:]:
        door.leave(t, done_bytes=bytes_per_s // 3)
    door.max_inside = limit


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


def test_refusals_are_booked_one_after_another_at_the_measured_rate() -> None:
    clock = Clock()
    door = _door(clock, max_inside=1, per_device=10)
    _measure(door, clock, 100_000)            # 100 KB a second
    door.enter("dev-0", 100_000, None)        # inside: one second of work
    waits = []
    for i in range(6):
        with pytest.raises(ApiError) as exc:
            door.enter(f"dev-{i + 1}", 100_000, f"batch-{i}")
        waits.append(int(exc.value.headers["Retry-After"]))
    # spread out, in arrival order: each refusal booked after the one before
    assert waits == sorted(waits) and waits[-1] - waits[0] >= 3 and len(set(waits)) >= 4


def test_retry_after_is_rounded_at_random_so_a_wave_does_not_return_at_once() -> None:
    seen = set()
    for roll in (0.01, 0.99):
        clock = Clock()
        door = _door(clock, [roll] * 10, max_inside=1)
        _measure(door, clock, 100_000)            # 100 KB a second
        door.enter("dev-x", 150_000, None)        # 1.5 s of work inside
        with pytest.raises(ApiError) as exc:
            door.enter("dev-y", 1000, None)
        seen.add(exc.value.headers["Retry-After"])
    assert seen == {"1", "2"}     # the same 1.5 s wait, told as two different whole seconds


def test_a_stale_schedule_books_no_further_than_its_bound() -> None:
    clock = Clock()
    door = _door(clock, [0.5] * 1000, max_inside=1, per_device=1000)
    _measure(door, clock, 10_000)              # a slow service: 10 KB a second
    door.enter("dev-0", 10_000, None)
    waits = []
    for i in range(40):                        # 40 s of work booked, were it not bounded
        with pytest.raises(ApiError) as exc:
            door.enter(f"dev-{i + 1}", 10_000, None)
        waits.append(int(exc.value.headers["Retry-After"]))
    assert max(waits) <= admission.MAX_BOOKING_S + 1


def test_a_batch_that_returns_at_its_booked_time_keeps_its_turn() -> None:
    clock = Clock()
    door = _door(clock, max_inside=1, per_device=10)
    door.enter("dev-hog", 1000, None)
    with pytest.raises(ApiError) as exc:
        door.enter("dev-late", 1000, "batch-late")
    clock.now += int(exc.value.headers["Retry-After"])
    with pytest.raises(ApiError):
        door.enter("dev-new", 1000, "batch-new")          # a newcomer still waits
    door.enter("dev-late", 1000, "batch-late")             # the booked one goes in


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
