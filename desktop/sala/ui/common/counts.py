"""English counts for the windows' bilingual messages: :func:`sala.domain.counts.count_en`."""

from __future__ import annotations

from sala.domain.counts import count_en

__all__ = ["count_en"]
