"""Amendments: the only way to correct a finalized session. Qt-free.

A finalized record never changes; an amendment names the record, the corrected fields and why,
and supersedes the previous amendment of the same record. It is queued for sync in the same
transaction that writes it, so a correction either exists and travels, or does not exist.
"""

from __future__ import annotations

import builtins  # the class's own list() method hides the builtin inside it
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.domain.inputs import AttendanceInput
from sala.services.sessions import effective_attendance, load_record, load_session
from sala.services.tallies import count
from sala.storage.database import Database
from sala.storage.models import ActionItem, Amendment, Contribution, Observation, Rating, Session, Tally


def _due(value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()
    except ValueError:
        raise ValidationError("due", "กำหนดเสร็จไม่ถูกต้อง", "The due date is not a valid date") from None


# For each kind of record that can be amended: its model and a cleaner per amendable field.
# Values are stored as JSON (enum values, ISO dates), exactly as they travel.
_FIELDS: dict[str, tuple[type, dict[str, Callable[[Any], Any]]]] = {
    "contribution": (Contribution, {
        "text": lambda x: v.required_text(x, "text", v.TEXT_MAX),
        "type": lambda x: e.ContributionType.parse(x, "type").value,
        "stance": lambda x: e.Stance.parse(x, "stance").value if x else None,
        "tags": lambda x: v.tags(x),
    }),
    "observation": (Observation, {
        "text": lambda x: v.required_text(x, "text", v.TEXT_MAX),
    }),
    "tally": (Tally, {
        "question": lambda x: v.required_text(x, "question", v.TEXT_MAX),
        "count_for": lambda x: count(x, "count_for"),
        "count_against": lambda x: count(x, "count_against"),
        "count_abstain": lambda x: count(x, "count_abstain"),
    }),
    "action_item": (ActionItem, {
        "what": lambda x: v.required_text(x, "what", v.TEXT_MAX),
        "who": lambda x: v.optional_text(x, "who", 200),
        "due": _due,
        "done": bool,
    }),
    "rating": (Rating, {
        "comment_hidden": bool,  # a visitor's comment hidden from the summary (services/exhibition.py)
    }),
    "session": (Session, {
        "title": lambda x: v.required_text(x, "title", v.TITLE_MAX),
        "notes": lambda x: v.optional_text(x, "notes", v.NOTES_MAX),
        "facilitators": lambda x: v.optional_text(x, "facilitators", 400),
        # Checked together against the head count in force: see _attendance_changes.
        "attendance_total": lambda x: x,
        "attendance_detail": lambda x: x,
    }),
}
_ATTENDANCE = ("attendance_total", "attendance_detail")
TARGET_TYPES = tuple(_FIELDS)


@dataclass(frozen=True)
class AmendmentView:
    id: str
    session_id: str
    target_type: str
    target_id: str
    changes: dict[str, Any]
    reason: str
    supersedes_id: str | None
    created_at: datetime


class AmendmentService:
    def __init__(self, db: Database, enqueue: Callable[[OrmSession, Amendment], Any] | None = None) -> None:
        """``enqueue`` queues the amendment for sync inside the same transaction (the outbox)."""
        if enqueue is None:
            from sala.sync.outbox import enqueue_amendment

            enqueue = enqueue_amendment
        self._db = db
        self._enqueue: Callable[[OrmSession, Amendment], Any] = enqueue

    def amend(self, target_type: str, target_id: str, changes: dict[str, Any], reason: str) -> AmendmentView:
        """Record a correction to a record of a finalized session, with a required reason."""
        clean_reason = v.required_text(reason, "reason", v.NOTES_MAX)
        if target_type not in _FIELDS:
            raise ValidationError("target_type", f"แก้ไขข้อมูลประเภท “{target_type}” ไม่ได้",
                                  f"Records of type “{target_type}” cannot be amended")
        model, cleaners = _FIELDS[target_type]
        unknown = sorted(set(changes) - set(cleaners))
        if unknown:
            raise ValidationError("changes", f"แก้ไขช่อง {', '.join(unknown)} ไม่ได้",
                                  f"These fields cannot be amended: {', '.join(unknown)}")
        if not changes:
            raise ValidationError("changes", "ยังไม่มีสิ่งที่แก้ไข", "Nothing was changed")
        clean = {k: cleaners[k](val) for k, val in changes.items()}
        with self._db.write() as s:
            target: Any = load_record(s, model, target_id, "รายการที่จะแก้ไข / record to amend")
            session_id = target.id if model is Session else target.session_id
            session = load_session(s, session_id)
            if session.status != e.SessionStatus.FINALIZED:
                raise ValidationError(
                    "target_id",
                    "บันทึกการแก้ไขเพิ่มเติมได้เฉพาะเวทีที่ยืนยันแล้ว เวทีนี้ยังแก้ไขได้โดยตรง",
                    "Amendments are only for finalized sessions; this one can still be edited directly",
                )
            if model is Session and set(clean) & set(_ATTENDANCE):
                clean.update(_attendance_changes(s, session, clean))
            previous = s.scalars(select(Amendment.id).where(Amendment.target_id == target_id)
                                 .order_by(Amendment.seq.desc()).limit(1)).first()
            a = Amendment(session_id=session_id, target_type=target_type, target_id=target_id,
                          changes=clean, reason=clean_reason, supersedes_id=previous)
            s.add(a)
            s.flush()
            self._enqueue(s, a)
            return _view(a)

    def amend_attendance(self, session_id: str, data: AttendanceInput, reason: str) -> AmendmentView:
        """Correct a finalized session's head count (total and breakdown together), with a reason."""
        clean = data.validated()
        return self.amend("session", session_id,
                          {"attendance_total": clean.total, "attendance_detail": clean.detail()}, reason)

    def list(self, session_id: str) -> list[AmendmentView]:
        """The session's amendments, oldest first (later ones supersede earlier ones)."""
        with self._db.read() as s:
            rows = s.scalars(select(Amendment).where(Amendment.session_id == session_id).order_by(Amendment.seq))
            return [_view(a) for a in rows]

    def effective(self, session_id: str) -> dict[str, tuple[dict[str, Any], builtins.list[AmendmentView]]]:
        """Per amended record: its corrected fields (later amendments win) and its amendments."""
        out: dict[str, tuple[dict[str, Any], list[AmendmentView]]] = {}
        for a in self.list(session_id):
            fields, history = out.setdefault(a.target_id, ({}, []))
            fields.update(a.changes)
            history.append(a)
        return out


def _attendance_changes(s: OrmSession, session: Session, changes: dict[str, Any]) -> dict[str, Any]:
    """Both head-count fields, validated together over the count in force (earlier amendments
    included), so a later amendment of only the breakdown is checked against the right total."""
    total, detail = effective_attendance(s, session)
    total = changes.get("attendance_total", total)
    detail = changes.get("attendance_detail", detail)
    clean_total, clean_detail = v.attendance(total, detail)
    return {"attendance_total": clean_total, "attendance_detail": clean_detail}


def _view(a: Amendment) -> AmendmentView:
    return AmendmentView(a.id, a.session_id, a.target_type, a.target_id, dict(a.changes), a.reason,
                         a.supersedes_id, a.created_at)
