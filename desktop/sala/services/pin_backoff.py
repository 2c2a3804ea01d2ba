"""Growing waits after wrong PINs, kept in the database so a restart does not reset them. No Qt.

After the k-th wrong PIN in a row the next try waits ``min(2**(k-1), CAP_S)`` seconds (1 s,
2 s, 4 s … 5 minutes). A try is counted *before* the slow hash is checked and forgiven only
when the PIN was right, so killing the app in the middle of a check saves an attacker nothing.
A 4-digit kiosk PIN that could be tried in 6 minutes takes weeks this way; a 6-digit
supervisor PIN years.

The wait is measured on the device clock (the only clock that survives a restart), but never
longer than the wait itself: a clock set back cannot lock the team out for longer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sala.domain.clock import now
from sala.storage.database import Database
from sala.storage.settings import Setting

CAP_S = 300
Clock = Callable[[], datetime]


def wait_after(failures: int) -> float:
    """Seconds to wait after ``failures`` wrong PINs in a row (0 after none)."""
    return 0.0 if failures <= 0 else float(min(CAP_S, 2 ** min(failures - 1, 20)))


@dataclass(frozen=True)
class Attempt:
    """The outcome of one try: ``ok``; otherwise ``wait_s`` before the next try is taken, and
    ``refused`` when this try was not even checked because a wait was still running."""

    ok: bool
    wait_s: float = 0.0
    refused: bool = False
    failures: int = 0


class Backoff:
    """The persisted count of wrong tries under one key (``<key>`` = {"count", "at"})."""

    def __init__(self, db: Database, key: str, clock: Clock = now) -> None:
        self._db = db
        self._setting = Setting(key, dict)
        self.clock = clock

    def _remaining(self, value: dict | None) -> float:
        if not value:
            return 0.0
        try:
            count = int(value["count"])
            at = datetime.fromisoformat(str(value["at"]))
        except (KeyError, TypeError, ValueError):
            return 0.0
        wait = wait_after(count)
        left = (at + timedelta(seconds=wait) - self.clock()).total_seconds()
        return max(0.0, min(wait, left))

    def remaining(self) -> float:
        """Seconds until the next try is taken (0: now)."""
        with self._db.read() as s:
            return self._remaining(self._setting.get(s))

    def failures(self) -> int:
        with self._db.read() as s:
            value = self._setting.get(s) or {}
        try:
            return int(value.get("count", 0))
        except (TypeError, ValueError):
            return 0

    def begin(self) -> Attempt | None:
        """Count this try as wrong until proven right; an Attempt (refused) if a wait still runs."""
        with self._db.write() as s:
            value = self._setting.get(s)
            left = self._remaining(value)
            if left > 0:
                return Attempt(False, left, refused=True, failures=int((value or {}).get("count", 0)))
            try:
                count = int((value or {}).get("count", 0))
            except (TypeError, ValueError):
                count = 0
            self._setting.put(s, {"count": count + 1, "at": self.clock().isoformat()})
        return None

    def finish(self, ok: bool) -> Attempt:
        """After the check: forgive the try when right; otherwise say how long the next one waits."""
        if ok:
            with self._db.write() as s:
                self._setting.put(s, None)
            return Attempt(True)
        count = self.failures()
        return Attempt(False, wait_after(count), failures=count)

    def attempt(self, check: Callable[[], bool]) -> Attempt:
        """``check`` the PIN unless a wait runs; count and answer as above."""
        refused = self.begin()
        if refused is not None:
            return refused
        return self.finish(check())
