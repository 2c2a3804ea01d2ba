"""Show-of-hands tallies in a minitalk: a question and the counts for, against and abstaining.

Qt-free. Counts are whole, non-negative numbers; a tally of a finalized session cannot change
(a correction is an amendment, see ``amendments.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.services.writable import writable_record, writable_session
from sala.storage.database import Database
from sala.storage.models import Tally

COUNT_MAX = 1_000_000
COUNT_FIELDS = {"count_for": ("จำนวนเห็นด้วย", "For"), "count_against": ("จำนวนไม่เห็นด้วย", "Against"),
                "count_abstain": ("จำนวนงดออกเสียง", "Abstain")}


@dataclass(frozen=True)
class TallyInput:
    question: str
    count_for: int | str = 0  # as typed; validated() makes them counts
    count_against: int | str = 0
    count_abstain: int | str = 0

    def validated(self) -> TallyInput:
        counts = {f: count(getattr(self, f), f) for f in COUNT_FIELDS}
        return TallyInput(v.required_text(self.question, "question", v.TEXT_MAX), **counts)

    def counts(self) -> tuple[int, int, int]:
        """For, against and abstain of a validated input."""
        return int(self.count_for), int(self.count_against), int(self.count_abstain)


@dataclass(frozen=True)
class TallyView:
    id: str
    session_id: str
    question: str
    count_for: int
    count_against: int
    count_abstain: int

    @property
    def total(self) -> int:
        return self.count_for + self.count_against + self.count_abstain


def count(value: object, field: str) -> int:
    """A head count: a whole number from 0 to COUNT_MAX, else a bilingual ValidationError."""
    th, en = COUNT_FIELDS.get(field, (field, field))
    try:
        n = int(str(value).strip() or "0")
    except ValueError:
        raise ValidationError(field, f"{th}ต้องเป็นตัวเลขจำนวนเต็ม", f"{en} must be a whole number") from None
    if not 0 <= n <= COUNT_MAX:
        raise ValidationError(field, f"{th}ต้องอยู่ระหว่าง 0 ถึง {COUNT_MAX:,}",
                              f"{en} must be between 0 and {COUNT_MAX:,}")
    return n


class TallyService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, session_id: str, data: TallyInput, *, tally_id: str | None = None) -> TallyView:
        clean = data.validated()
        with self._db.write() as s:
            writable_session(s, session_id)
            count_for, count_against, count_abstain = clean.counts()
            t = Tally(session_id=session_id, question=clean.question, count_for=count_for,
                      count_against=count_against, count_abstain=count_abstain)
            if tally_id:
                t.id = tally_id
            s.add(t)
            s.flush()
            return _view(t)

    def update(self, tally_id: str, data: TallyInput) -> TallyView:
        clean = data.validated()
        with self._db.write() as s:
            t = writable_record(s, Tally, tally_id, _WHAT)
            t.question = clean.question
            t.count_for, t.count_against, t.count_abstain = clean.counts()
            return _view(t)

    def delete(self, tally_id: str) -> TallyView:
        with self._db.write() as s:
            t = writable_record(s, Tally, tally_id, _WHAT)
            view = _view(t)
            s.delete(t)
            return view

    def list(self, session_id: str) -> list[TallyView]:
        """The session's tallies in the order they were taken."""
        with self._db.read() as s:
            rows = s.scalars(select(Tally).where(Tally.session_id == session_id).order_by(Tally.created_at, Tally.id))
            return [_view(t) for t in rows]


_WHAT = "ผลการยกมือ / tally"


def _view(t: Tally) -> TallyView:
    return TallyView(t.id, t.session_id, t.question, t.count_for, t.count_against, t.count_abstain)
