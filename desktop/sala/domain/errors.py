"""Errors a user can cause or meet, each with a Thai and an English message.

``SalaError`` is trouble the user can act on (bad input, a full disk, a corrupt file); anything
else escaping the core is a bug and is reported as one.
"""

from __future__ import annotations


class SalaError(Exception):
    """A known, user-facing failure with a message in Thai and in English."""

    def __init__(self, th: str, en: str) -> None:
        super().__init__(en)
        self.th = th
        self.en = en

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en

    def bilingual(self) -> str:
        return f"{self.th}\n{self.en}"


class ValidationError(SalaError):
    """Input that breaks a domain rule; ``field`` names what to fix."""

    def __init__(self, field: str, th: str, en: str) -> None:
        super().__init__(th, en)
        self.field = field


class NotFoundError(SalaError):
    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"ไม่พบ{what} ({ident})", f"{what} not found ({ident})")
        self.ident = ident


class ImmutableError(SalaError):
    """A finalized record was asked to change; corrections go through an amendment."""


class StorageError(SalaError):
    """The local database or data folder failed (disk full, locked, corrupt, unwritable)."""
