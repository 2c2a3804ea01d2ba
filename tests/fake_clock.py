"""A clock the test moves by hand: PIN waits and retention ages without sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


class FakeClock:
    """Callable like ``domain.clock.now``; ``advance(seconds)`` moves it on."""

    def __init__(self, start: datetime | None = None) -> None:
        self.at = start or datetime(2026, 12, 1, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.at

    def advance(self, seconds: float) -> None:
        self.at += timedelta(seconds=seconds)


class FakeMonotonic:
    """Callable like ``time.monotonic`` for the supervisor's unlocked window."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds
