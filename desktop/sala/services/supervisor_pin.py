"""The supervisor PIN: who may do the acts that field staff should not do alone. No Qt.

Guarded acts: correcting (amending) a finalized session, deleting a shared question guide,
settings, leaving the kiosk, importing a USB bundle, a participant's erasure and retention.

- The PIN is 6–12 ASCII digits (what every keypad types), not one digit repeated nor a plain
  run such as 123456. It is kept as a salted scrypt hash with its parameters, so they can grow
  later without breaking a stored PIN (about 0.15 s per check on a field laptop).
- Wrong tries make the next one wait longer (``pin_backoff``), persisted in the database.
- A right PIN unlocks supervisor acts for :data:`UNLOCK_S` seconds (shown with a countdown and
  a "lock now" button): a supervisor who imports three bundles and then opens settings types
  the PIN once, and a laptop left on a table locks itself again soon. The window lives only
  in memory: a restart locks.
- Until a PIN is set, acts that can be undone or corrected go ahead (the app says no PIN is
  set); the irreversible ones (:data:`NEEDS_PIN`: erasure and retention) are refused until a
  supervisor sets one in Settings.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable, Sequence
from typing import Any

from sala.domain.clock import now
from sala.domain.errors import ValidationError
from sala.services import audit
from sala.services.pin_backoff import Attempt, Backoff, Clock
from sala.storage.database import Database
from sala.storage.settings import Setting

PIN_KEY = "supervisor.pin"
BACKOFF_KEY = "supervisor.pin_failures"
UNLOCK_S = 120
SCRYPT = {"n": 2**16, "r": 8, "p": 1}
PIN_MIN, PIN_MAX = 6, 12
_PIN = Setting(PIN_KEY, dict)  # {"algo": "scrypt", "n", "r", "p", "dklen", "salt", "hash"}
_DIGITS = re.compile(r"[0-9]+")  # re.ASCII is implied by the class: ๐–๙ and other digits do not match

# Acts, by their audit codes (the participant-rights engineer's erasure uses audit.PARTICIPANT_ERASE).
AMEND_FINALIZED = audit.SESSION_REOPEN
DELETE = audit.RECORD_DELETE
SETTINGS = audit.SETTINGS_CHANGE
KIOSK_EXIT = audit.KIOSK_EXIT
BUNDLE_IMPORT = audit.BUNDLE_IMPORT
ERASE = audit.PARTICIPANT_ERASE
RETENTION = audit.RETENTION_PURGE
NEEDS_PIN = frozenset({ERASE, RETENTION})
"""Acts refused while no supervisor PIN is set: they cannot be undone."""


def scrypt_hash(pin: str, salt: bytes, params: dict[str, int]) -> bytes:
    n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=int(params.get("dklen", 32)),
                          maxmem=128 * r * n + (2 << 20))


def make_hash(pin: str, params: dict[str, int]) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    return {"algo": "scrypt", **params, "dklen": 32, "salt": salt.hex(), "hash": scrypt_hash(pin, salt, params).hex()}


def matches(pin: str, stored: dict[str, Any]) -> bool:
    """Does ``pin`` match the stored hash? False for a PIN of other characters or a damaged value."""
    if not pin.isascii():
        return False
    try:
        params = {k: int(stored[k]) for k in ("n", "r", "p")} | {"dklen": int(stored.get("dklen", 32))}
        expected = bytes.fromhex(str(stored["hash"]))
        got = scrypt_hash(pin, bytes.fromhex(str(stored["salt"])), params)
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(got, expected)


def ascii_digits(pin: str) -> bool:
    """Only 0–9 as a keypad types them (``str.isdigit`` also takes ๐–๙, ², and others)."""
    return _DIGITS.fullmatch(pin) is not None


def check_new_pin(pin: str, confirm: str) -> None:
    """Raise a bilingual ValidationError unless ``pin`` is a good supervisor PIN typed twice."""
    if not ascii_digits(pin):
        raise ValidationError("pin", "รหัส PIN ต้องเป็นเลขอารบิก 0–9 เท่านั้น (ไม่ใช่เลขไทย)",
                              "The PIN takes only the digits 0–9 (not Thai digits)")
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        raise ValidationError("pin", f"รหัส PIN หัวหน้างานต้องมี {PIN_MIN}–{PIN_MAX} หลัก",
                              f"The supervisor PIN must have {PIN_MIN}–{PIN_MAX} digits")
    if _guessable(pin):
        raise ValidationError("pin", "รหัส PIN นี้เดาง่ายเกินไป (เลขซ้ำหรือเรียงกัน) กรุณาเลือกใหม่",
                              "This PIN is too easy to guess (one digit repeated or a run); choose another")
    if pin != confirm:
        raise ValidationError("pin", "รหัส PIN ทั้งสองครั้งไม่ตรงกัน กรุณาลองใหม่",
                              "The two PINs do not match; try again")


def _guessable(pin: str) -> bool:
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    return len(steps) == 1 and steps.pop() in (-1, 0, 1)


class SupervisorPin:
    """The supervisor PIN of this laptop: set, check (with growing waits), unlock for a while."""

    def __init__(self, db: Database, *, clock: Clock = now, monotonic: Callable[[], float] = time.monotonic,
                 params: dict[str, int] | None = None) -> None:
        self._db = db
        self.backoff = Backoff(db, BACKOFF_KEY, clock)
        self._monotonic = monotonic
        self._params = dict(params or SCRYPT)
        self._unlocked_until = 0.0
        self._known_set = False  # once set, a PIN is never unset: no need to ask the database again

    # -- the PIN ------------------------------------------------------------------------------
    def is_set(self) -> bool:
        if not self._known_set:
            with self._db.read() as s:
                self._known_set = _PIN.get(s) is not None
        return self._known_set

    def set_pin(self, pin: str, confirm: str) -> None:
        """Set the PIN (first run), or change it while unlocked; writes an audit entry."""
        check_new_pin(pin, confirm)
        first = not self.is_set()
        if not first and not self.is_unlocked():
            raise ValidationError("pin", "ต้องใส่รหัส PIN หัวหน้างานเดิมก่อนเปลี่ยน",
                                  "Enter the current supervisor PIN before changing it")
        value = make_hash(pin, self._params)
        with self._db.write() as s:
            if not first and _PIN.get(s) is None:
                first = True
            _PIN.put(s, value)
            audit.append(s, audit.SUPERVISOR, audit.SETTINGS_CHANGE,
                         "supervisor PIN set" if first else "supervisor PIN changed")
        self.backoff.finish(True)

    def check(self, pin: str) -> Attempt:
        """Try ``pin``: right unlocks supervisor acts for :data:`UNLOCK_S`; wrong makes the next wait."""
        with self._db.read() as s:
            stored = _PIN.get(s)
        if stored is None:
            return Attempt(False)
        result = self.backoff.attempt(lambda: matches(pin, stored))
        if result.ok:
            self._unlocked_until = self._monotonic() + UNLOCK_S
        return result

    def wait_remaining(self) -> float:
        """Seconds before the next try is taken."""
        return self.backoff.remaining()

    # -- the unlocked window ------------------------------------------------------------------
    def is_unlocked(self) -> bool:
        return self.unlock_remaining() > 0

    def unlock_remaining(self) -> float:
        return max(0.0, self._unlocked_until - self._monotonic())

    def lock(self) -> None:
        """End the unlocked window now (kiosk started, "lock now" pressed)."""
        self._unlocked_until = 0.0

    def allows_without_pin(self, act: str) -> bool:
        """While no PIN is set: may ``act`` go ahead? (Never for the irreversible ones.)"""
        return act not in NEEDS_PIN

    # -- the record ---------------------------------------------------------------------------
    def record(self, act: str, reason: str = "", target: Sequence[str] = ()) -> None:
        """An audit entry for a guarded act done by someone who passed the guard (own transaction)."""
        role = audit.SUPERVISOR if self.is_set() else audit.FIELD_STAFF
        with self._db.write() as s:
            audit.append(s, role, act, reason, target)

    def role(self) -> str:
        """Who is doing a guarded act now, for audit entries written in the act's transaction."""
        return audit.SUPERVISOR if self.is_set() and self.is_unlocked() else audit.FIELD_STAFF
