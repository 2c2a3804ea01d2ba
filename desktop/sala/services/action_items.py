"""Action items agreed in a session: what is to be done, who does it, by when. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.services.sessions import editable_record, editable_session
from sala.storage.database import Database
from sala.storage.models import ActionItem


@dataclass(frozen=True)
class ActionItemInput:
    what: str
    who: str = ""
    due: date | None = None
    done: bool = False

    def validated(self) -> ActionItemInput:
        if self.due is not None and not isinstance(self.due, date):
            raise ValidationError("due", "กำหนดเสร็จไม่ถูกต้อง", "The due date is not a valid date")
        return ActionItemInput(v.required_text(self.what, "what", v.TEXT_MAX),
                               v.optional_text(self.who, "who", 200), self.due, bool(self.done))


@dataclass(frozen=True)
class ActionItemView:
    id: str
    session_id: str
    what: str
    who: str
    due: date | None
    done: bool


class ActionItemService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, session_id: str, data: ActionItemInput, *, item_id: str | None = None) -> ActionItemView:
        clean = data.validated()
        with self._db.write() as s:
            editable_session(s, session_id)
            a = ActionItem(session_id=session_id, what=clean.what, who=clean.who, due=clean.due, done=clean.done)
            if item_id:
                a.id = item_id
            s.add(a)
            s.flush()
            return _view(a)

    def update(self, item_id: str, data: ActionItemInput) -> ActionItemView:
        clean = data.validated()
        with self._db.write() as s:
            a = editable_record(s, ActionItem, item_id, _WHAT)
            a.what, a.who, a.due, a.done = clean.what, clean.who, clean.due, clean.done
            return _view(a)

    def delete(self, item_id: str) -> ActionItemView:
        with self._db.write() as s:
            a = editable_record(s, ActionItem, item_id, _WHAT)
            view = _view(a)
            s.delete(a)
            return view

    def list(self, session_id: str) -> list[ActionItemView]:
        with self._db.read() as s:
            rows = s.scalars(select(ActionItem).where(ActionItem.session_id == session_id)
                             .order_by(ActionItem.created_at, ActionItem.id))
            return [_view(a) for a in rows]


_WHAT = "สิ่งที่ต้องดำเนินการ / action item"


def _view(a: ActionItem) -> ActionItemView:
    return ActionItemView(a.id, a.session_id, a.what, a.who, a.due, a.done)
