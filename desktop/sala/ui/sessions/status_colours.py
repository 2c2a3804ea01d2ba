"""The colours that say a session's status at a glance, the same on its page and in the list:
grey draft, green open, amber closed, blue finalized (text, background)."""

from __future__ import annotations

from sala.domain import enums as e

S = e.SessionStatus

STATUS_COLOURS: dict[e.SessionStatus, tuple[str, str]] = {
    S.DRAFT: ("#333333", "#e4e4e4"), S.OPEN: ("#0b5e1f", "#d4f2da"),
    S.CLOSED: ("#6b4500", "#ffe6b3"), S.FINALIZED: ("#0b3d91", "#d6e4ff"),
}
