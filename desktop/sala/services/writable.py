"""The lifecycle rule for what a session holds: records are added, changed or removed only while
the session is a draft or open. A closed session is read-only until reopened, a finalized one for
good (corrections are amendments). The pages already stop typing; this is the rule the services
keep for every caller (GUI, CLI, undo), so a late save cannot slip in (issue 10)."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.errors import ImmutableError
from sala.services.sessions import editable_session, load_record, not_editable
from sala.storage.models import Base, Session

R = TypeVar("R", bound=Base)


def closed_error(title: str) -> ImmutableError:
    return ImmutableError(
        f"เวที “{title}” ปิดแล้ว จึงเพิ่ม แก้ไข หรือลบข้อมูลไม่ได้ หากต้องการบันทึกต่อ ให้เปิดเวทีอีกครั้งก่อน",
        f"“{title}” is closed, so nothing can be added, changed or removed; reopen it first to record more",
    )


def check_status(status: str, title: str) -> None:
    """Raise the bilingual refusal for a closed or finalized session's status."""
    if status == e.SessionStatus.FINALIZED.value:
        raise not_editable(title)
    if status == e.SessionStatus.CLOSED.value:
        raise closed_error(title)


def writable_session(s: OrmSession, session_id: str) -> Session:
    """The session, if records may be written to it now: a draft or open session."""
    obj = editable_session(s, session_id)
    check_status(str(obj.status.value if isinstance(obj.status, e.SessionStatus) else obj.status), obj.title)
    return obj


def writable_record(s: OrmSession, model: type[R], record_id: str, what: str) -> R:
    """The record, if its session is a draft or open (see :func:`writable_session`)."""
    obj = load_record(s, model, record_id, what)
    writable_session(s, obj.session_id)  # type: ignore[attr-defined]
    return obj
