"""The anonymous per-phone code a participant's contributions carry ("P-7KQ4M"). No imports
beyond the standard library: the minitalk page sizes its code column from it without loading the
audience server."""

from __future__ import annotations

import secrets
from collections.abc import Callable

PREFIX = "P-"
ALPHABET = "ACDEFGHJKMNPQRTUVWXY345679"
"""No 0/O, 1/I/L, 2/Z, 5/S or 8/B: codes are read aloud and copied by hand."""
LENGTH = 5


def new_code() -> str:
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def widest(advance: Callable[[str], float]) -> str:
    """The widest code there can be in a font (``advance`` measures a text): what a column of
    codes must hold on one line."""
    return PREFIX + max(ALPHABET, key=advance) * LENGTH
