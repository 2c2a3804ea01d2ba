"""English counts in the messages written in both languages at once (``bilingual``): "1 session",
"3 sessions", never "3 session(s)". Thai needs no plural; messages through ``tr()`` use Qt's
``%n`` forms in the .ts files instead."""

from __future__ import annotations


def count_en(n: int, one: str, many: str) -> str:
    """``n`` and the English noun for it: ``count_en(1, "session", "sessions")`` -> "1 session"."""
    return f"{n:,} {one if n == 1 else many}"
