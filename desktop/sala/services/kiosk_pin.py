"""The kiosk's PIN: chosen when kiosk mode first starts, asked to leave it. No Qt.

4–12 ASCII digits, because the kiosk keypad types only 0–9 (a PIN of Thai digits ๐–๙ could be
set from the keyboard and then never typed on the touch screen). Wrong tries make the next one
wait longer, persisted (``pin_backoff``): a 4-digit PIN can no longer be tried out at the kiosk.

Leaving the kiosk is a supervisor act: once a supervisor PIN is set, :class:`KioskExit` asks
for it (with the supervisor's waits, so the kiosk is no side door to guess it); the kiosk's own
PIN guards the exit only on a laptop that has no supervisor PIN yet.
"""

from __future__ import annotations

from typing import Protocol

from sala.domain.clock import now
from sala.domain.errors import ValidationError
from sala.services import audit
from sala.services.kiosk_mode import end_visitor_mode
from sala.services.pin_backoff import Attempt, Backoff, Clock
from sala.services.supervisor_pin import ascii_digits, make_hash, matches
from sala.storage.database import Database
from sala.storage.settings import Setting

PIN_KEY = "kiosk.supervisor_pin"  # the key older versions wrote: a PIN set then still works
BACKOFF_KEY = "kiosk.pin_failures"
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_PIN = Setting(PIN_KEY, dict)


class PinChecker(Protocol):
    """What a PIN pad needs: check a PIN, and how long until the next try is taken."""

    def check(self, pin: str) -> Attempt: ...

    def wait_remaining(self) -> float: ...


class KioskPin:
    """The kiosk PIN: a salted scrypt hash kept in a LocalSetting row on this device."""

    def __init__(self, db: Database, *, clock: Clock = now) -> None:
        self._db = db
        self.backoff = Backoff(db, BACKOFF_KEY, clock)

    def is_set(self) -> bool:
        with self._db.read() as s:
            return _PIN.get(s) is not None

    def set(self, pin: str, confirm: str) -> None:
        """Set (or replace) the PIN; 4–12 digits 0–9, typed the same twice."""
        if not ascii_digits(pin) or not 4 <= len(pin) <= 12:
            raise ValidationError("pin", "รหัส PIN ต้องเป็นเลข 0–9 จำนวน 4–12 หลัก (ไม่ใช่เลขไทย)",
                                  "The PIN must be 4–12 of the digits 0–9 (not Thai digits)")
        if pin != confirm:
            raise ValidationError("pin", "รหัส PIN ทั้งสองครั้งไม่ตรงกัน กรุณาลองใหม่",
                                  "The two PINs do not match; try again")
        value = make_hash(pin, SCRYPT)
        with self._db.write() as s:
            _PIN.put(s, value)
        self.backoff.finish(True)

    def check(self, pin: str) -> Attempt:
        with self._db.read() as s:
            stored = _PIN.get(s)
        if stored is None:
            return Attempt(False)
        return self.backoff.attempt(lambda: matches(pin, stored))

    def verify(self, pin: str) -> bool:
        return self.check(pin).ok

    def wait_remaining(self) -> float:
        return self.backoff.remaining()


class SupervisorLike(Protocol):
    def is_set(self) -> bool: ...

    def check(self, pin: str) -> Attempt: ...

    def wait_remaining(self) -> float: ...

    def lock(self) -> None: ...


class KioskExit:
    """The check that ends kiosk mode: the supervisor PIN when one is set, else the kiosk PIN.

    A right PIN writes an audit entry (``kiosk.exit``) naming the exhibition and ends visitor
    mode in the same transaction (``kiosk_mode``): a restart after it opens the staff page.
    """

    def __init__(self, db: Database, supervisor: SupervisorLike, kiosk: KioskPin, session_id: str) -> None:
        self._db, self._supervisor, self._kiosk, self._session_id = db, supervisor, kiosk, session_id

    @property
    def uses_supervisor(self) -> bool:
        return self._supervisor.is_set()

    def check(self, pin: str) -> Attempt:
        by_supervisor = self.uses_supervisor
        result = (self._supervisor if by_supervisor else self._kiosk).check(pin)
        if result.ok:
            if by_supervisor:
                self._supervisor.lock()  # leaving the kiosk is one act, not a supervisor's session
            with self._db.write() as s:
                audit.append(s, audit.SUPERVISOR if by_supervisor else audit.FIELD_STAFF, audit.KIOSK_EXIT,
                             "", [self._session_id])
                end_visitor_mode(s)
        return result

    def wait_remaining(self) -> float:
        return (self._supervisor if self.uses_supervisor else self._kiosk).wait_remaining()
