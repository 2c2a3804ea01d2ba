"""English counts in the messages written in both languages at once: "1 session", "3 sessions",
never "3 session(s)". Thai needs no plural; messages through Qt's ``tr()`` use its ``%n`` forms
in the .ts files instead. No Qt: the services, the sync engine and the commands use it too."""

from __future__ import annotations


def count_en(n: int, one: str, many: str) -> str:
    """``n`` and the English noun for it: ``count_en(1, "session", "sessions")`` -> "1 session"."""
    return f"{n:,} {one if n == 1 else many}"
