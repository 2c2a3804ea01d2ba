"""The supervisor PIN and the kiosk PIN: what they accept, how they are stored, and the growing
waits after wrong tries, which a restart does not reset."""

from __future__ import annotations

import pytest

from sala.bootstrap import build_services
from sala.domain.errors import ValidationError
from sala.services import audit
from sala.services.kiosk_pin import KioskExit, KioskPin
from sala.services.pin_backoff import CAP_S, wait_after
from sala.services.supervisor_pin import SCRYPT, UNLOCK_S, SupervisorPin
from sala.storage.models import LocalSetting
from tests.fake_clock import FakeClock, FakeMonotonic


def test_waits_grow_and_are_capped() -> None:
    assert [wait_after(k) for k in range(0, 6)] == [0, 1, 2, 4, 8, 16]
    assert wait_after(40) == CAP_S == 300


@pytest.mark.parametrize("pin", ["๑๒๓๔๕๖", "12345๖", "１２３４５６", "12345", "1234567890123", "12 3456", "",
                                 "111111", "123456", "987654", "a12345"])
def test_supervisor_pin_refuses_what_a_keypad_cannot_type_short_and_guessable(services, pin: str) -> None:
    with pytest.raises(ValidationError) as exc:
        services.supervisor.set_pin(pin, pin)
    assert exc.value.th and exc.value.en
    assert not services.supervisor.is_set()


def test_supervisor_pin_is_a_slow_salted_hash_with_its_parameters(services) -> None:
    pins = services.supervisor
    pins.set_pin("246813", "246813")
    with services.db.read() as s:
        stored = s.get(LocalSetting, "supervisor.pin").value
    assert "246813" not in str(stored)
    assert stored["algo"] == "scrypt" and len(stored["salt"]) == 32
    assert {k: stored[k] for k in ("n", "r", "p")} == SCRYPT
    assert 128 * stored["n"] * stored["r"] >= 64 * 2**20  # memory-hard: 64 MiB a try (about 0.15 s here)
    assert pins.check("246813").ok
    with services.db.read() as s:
        acts = [x.action for x in audit.entries(s)]
    assert acts == [audit.SETTINGS_CHANGE]  # setting the PIN is written down


def test_wrong_pins_wait_longer_each_time_and_a_restart_keeps_the_wait(app_paths) -> None:
    clock = FakeClock()
    services = build_services(app_paths)
    try:
        pins = SupervisorPin(services.db, clock=clock, params={"n": 2**10, "r": 8, "p": 1})
        pins.set_pin("580264", "580264")
        waits = []
        for _ in range(4):
            result = pins.check("000000")
            assert not result.ok and not result.refused
            waits.append(result.wait_s)
            # while the wait runs, even the right PIN is not checked
            early = pins.check("580264")
            assert early.refused and not early.ok and early.wait_s == pytest.approx(result.wait_s)
            clock.advance(result.wait_s)
        assert waits == [1, 2, 4, 8]
        pins.check("111112")  # the fifth wrong try: 16 s
        clock.advance(3)
    finally:
        services.close()
    again = build_services(app_paths)  # the app restarts
    try:
        pins = SupervisorPin(again.db, clock=clock, params={"n": 2**10, "r": 8, "p": 1})
        assert pins.wait_remaining() == pytest.approx(13)
        assert pins.check("580264").refused
        clock.advance(13)
        assert pins.check("580264").ok  # right: the count starts again
        assert pins.check("000000").wait_s == 1
    finally:
        again.close()


def test_a_clock_set_back_does_not_lock_longer_than_the_wait(services) -> None:
    clock = FakeClock()
    pins = SupervisorPin(services.db, clock=clock, params={"n": 2**10, "r": 8, "p": 1})
    pins.set_pin("580264", "580264")
    pins.check("000000")
    clock.advance(-86400 * 365)
    assert pins.wait_remaining() == 1


def test_a_right_pin_unlocks_for_a_short_while_and_lock_ends_it(services) -> None:
    mono = FakeMonotonic()
    pins = SupervisorPin(services.db, monotonic=mono, params={"n": 2**10, "r": 8, "p": 1})
    pins.set_pin("580264", "580264")
    assert not pins.is_unlocked()
    with pytest.raises(ValidationError):
        pins.set_pin("777778", "777778")  # changing it needs the current PIN first
    assert pins.check("580264").ok and pins.is_unlocked()
    mono.advance(UNLOCK_S - 1)
    assert pins.is_unlocked()
    pins.set_pin("777778", "777778")  # unlocked: may change it
    mono.advance(2)
    assert not pins.is_unlocked()
    assert pins.check("777778").ok
    pins.lock()
    assert not pins.is_unlocked()


def test_until_a_pin_is_set_only_reversible_acts_go_ahead(services) -> None:
    pins = services.supervisor
    assert pins.allows_without_pin(audit.SETTINGS_CHANGE) and pins.allows_without_pin(audit.BUNDLE_IMPORT)
    assert not pins.allows_without_pin(audit.RETENTION_PURGE)
    assert not pins.allows_without_pin(audit.PARTICIPANT_ERASE)


@pytest.mark.parametrize("pin", ["๑๒๓๔", "12๓4", "１２３４", "²³⁴⁵", "12", "1234567890123"])
def test_kiosk_pin_refuses_digits_its_keypad_cannot_type(services, pin: str) -> None:
    with pytest.raises(ValidationError) as exc:
        services.kiosk_pin.set(pin, pin)
    assert "0–9" in exc.value.en and "เลขไทย" in exc.value.th
    assert not services.kiosk_pin.is_set()


def test_kiosk_pin_waits_grow_too_and_survive_a_restart(app_paths) -> None:
    clock = FakeClock()
    services = build_services(app_paths)
    try:
        kiosk = KioskPin(services.db, clock=clock)
        kiosk.set("4826", "4826")
        assert [kiosk.check(p).wait_s for p in ("0000",)] == [1]
        assert kiosk.check("4826").refused  # every 4-digit PIN in 6 minutes: no longer
        clock.advance(1)
        assert kiosk.check("0001").wait_s == 2
    finally:
        services.close()
    again = build_services(app_paths)
    try:
        kiosk = KioskPin(again.db, clock=clock)
        assert kiosk.wait_remaining() == 2
        clock.advance(2)
        assert kiosk.check("4826").ok
    finally:
        again.close()


def test_kiosk_exit_takes_the_supervisor_pin_once_one_is_set_and_is_audited(services) -> None:
    services.kiosk_pin.set("4826", "4826")
    sv = SupervisorPin(services.db, params={"n": 2**10, "r": 8, "p": 1})
    leave = KioskExit(services.db, sv, services.kiosk_pin, "session-1")
    assert not leave.uses_supervisor and leave.check("4826").ok
    sv.set_pin("580264", "580264")
    leave = KioskExit(services.db, sv, services.kiosk_pin, "session-1")
    assert leave.uses_supervisor
    clock = FakeClock()
    sv.backoff.clock = clock
    assert not leave.check("4826").ok  # the kiosk PIN no longer opens the kiosk
    clock.advance(1)
    assert leave.check("580264").ok
    assert not sv.is_unlocked()  # leaving the kiosk is one act, not an open window
    with services.db.read() as s:
        exits = [(x.actor_role, x.target) for x in audit.entries(s) if x.action == audit.KIOSK_EXIT]
    assert exits == [(audit.FIELD_STAFF, ("session-1",)), (audit.SUPERVISOR, ("session-1",))]


def test_an_old_kiosk_pin_still_opens_the_kiosk(services) -> None:
    """A PIN set by an earlier version (same key, same scrypt fields) keeps working."""
    import hashlib
    import secrets

    salt = secrets.token_bytes(16)
    old = {"algo": "scrypt", "n": 2**14, "r": 8, "p": 1, "salt": salt.hex(),
           "hash": hashlib.scrypt(b"2468", salt=salt, n=2**14, r=8, p=1, dklen=32).hex()}
    with services.db.write() as s:
        s.add(LocalSetting(key="kiosk.supervisor_pin", value=old))
    assert services.kiosk_pin.verify("2468")
