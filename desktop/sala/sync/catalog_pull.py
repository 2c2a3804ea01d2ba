"""Pulling the central catalogue (topics, venues, question guides) into this laptop's own tables.

Why like this: the new-session dialog and the guide picker read the local ``topic``, ``venue``
and ``guide`` tables, so pulled items become ordinary local rows there (Thai text, the catalogue
id as a topic's code) and every screen offers them with no change. A ``catalog_link`` row ties
each catalogue item to the local row it made, with a fingerprint of what was written:

- a local item the user made (no link) is never overwritten; a catalogue item whose code or
  Thai name a local one already has is *shadowed* (linked to nothing) rather than duplicated;
- a pulled item the user has since edited (fingerprint differs) or deleted is left alone;
- ``deleted: true`` retires a topic (inactive), removes a template guide, and removes a venue
  only if no session uses it;
- the ``since`` cursor is stored per server id (``catalog.cursor``); pulling the same revisions
  again changes nothing, so a lost answer or a crash mid-way is harmless.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.provinces import find_province
from sala.storage.models import CatalogLink, Guide, GuideQuestion, Session, Topic, Venue
from sala.storage.settings import Setting
from sala.sync import identity
from sala.sync.context import RunContext
from sala.sync.retry import call

CURSOR = Setting("catalog.cursor", dict)   # {"server_id": ..., "cursor": n}
SECTIONS = {"topics": "topic", "venues": "venue", "guides": "guide"}


def _fp(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode()).hexdigest()


def _fingerprint(obj: Topic | Venue | Guide) -> str:
    if isinstance(obj, Topic):
        return _fp(obj.code, obj.name_th, obj.name_en, obj.active)
    if isinstance(obj, Venue):
        return _fp(obj.name, str(obj.kind), obj.province_code, obj.district)
    return _fp(obj.title, obj.is_template, obj.session_id, [q.text for q in obj.questions])


def _text(item: dict[str, Any], key: str = "th", fallback: str = "en") -> str:
    return str(item.get(key) or item.get(fallback) or item["id"]).strip()


def _topic_code(item_id: str) -> str:
    return item_id if len(item_id) <= 40 else "c-" + hashlib.sha1(item_id.encode()).hexdigest()[:30]


# -- making and updating local rows -------------------------------------------------------------

def _shadow(s: OrmSession, kind: str, item: dict[str, Any]) -> bool:
    """True when a local item (not from the catalogue) already stands for this one."""
    linked = select(CatalogLink.local_id).where(CatalogLink.kind == kind,
                                                CatalogLink.local_id.is_not(None))
    if kind == "topic":
        q = select(Topic.id).where((Topic.code == _topic_code(item["id"]))
                                   | (Topic.name_th == _text(item)))
        return s.scalar(q.limit(1)) is not None   # a code is unique: any holder blocks
    if kind == "venue":
        q = select(Venue.id).where(Venue.name == _text(item), Venue.id.not_in(linked))
    else:
        q = select(Guide.id).where(Guide.is_template.is_(True), Guide.title == _text(item),
                                   Guide.id.not_in(linked))
    return s.scalar(q.limit(1)) is not None


def _write(s: OrmSession, kind: str, item: dict[str, Any], obj: Any | None) -> Any:
    """Create (``obj`` None) or update the local row for ``item``; returns it, flushed."""
    if kind == "topic":
        obj = obj or Topic(code=_topic_code(item["id"]))
        obj.name_th, obj.name_en, obj.active = _text(item), _text(item, "en", "th"), True
    elif kind == "venue":
        prov = find_province(str(item.get("province") or item.get("province_code") or ""))
        try:
            vkind = e.VenueKind(item.get("kind", "other"))
        except ValueError:
            vkind = e.VenueKind.OTHER
        obj = obj or Venue()
        obj.name, obj.kind = _text(item), vkind
        obj.province_code = prov.code if prov else ""
        obj.district = str(item.get("district") or "")[:120]
    else:
        obj = obj or Guide(is_template=True, session_id=None)
        obj.title = _text(item)[:200]
        texts = [_text(q) for q in sorted(item.get("questions") or [],
                                          key=lambda q: q.get("n", 0)) if isinstance(q, dict)
                 and (q.get("th") or q.get("en"))]
        if [q.text for q in obj.questions] != texts:
            obj.questions.clear()
            s.flush()
            obj.questions.extend(GuideQuestion(position=i, text=t) for i, t in enumerate(texts))
    s.add(obj)
    s.flush()
    return obj


def _retire(s: OrmSession, kind: str, obj: Any) -> bool:
    """Withdraw a pulled row the catalogue deleted; False if it must stay (a venue in use)."""
    if kind == "topic":
        obj.active = False
        return True
    if kind == "venue":
        if s.scalar(select(func.count()).select_from(Session).where(Session.venue_id == obj.id)):
            return False
        s.delete(obj)
        return True
    s.delete(obj)
    return True


_MODEL: dict[str, type[Topic] | type[Venue] | type[Guide]] = {"topic": Topic, "venue": Venue, "guide": Guide}


def apply_item(s: OrmSession, kind: str, item: dict[str, Any]) -> str:
    """Apply one catalogue item; returns what happened: added, updated, removed, unchanged,
    kept_local (a local item or a local edit wins) or skipped (deleted, nothing here)."""
    link = s.get(CatalogLink, (kind, item["id"]))
    # mypy joins the three model types to their base class: say which ones it can be.
    obj = cast(Topic | Venue | Guide | None,
               s.get(_MODEL[kind], link.local_id) if link is not None and link.local_id else None)
    deleted = bool(item.get("deleted"))
    data = json.dumps(item, ensure_ascii=False, sort_keys=True)
    if link is None:
        link = CatalogLink(kind=kind, item_id=item["id"], rev=0, deleted=False, local_id=None,
                           fingerprint=None, data="", pulled_at=now())
        s.add(link)
    edited = obj is not None and _fingerprint(obj) != link.fingerprint
    if deleted:
        if obj is None:
            outcome = "skipped"
        elif edited:
            outcome = "kept_local"
        elif _retire(s, kind, obj):
            outcome = "removed"
            link.local_id, link.fingerprint = (obj.id, _fingerprint(obj)) if kind == "topic" \
                else (None, None)
        else:
            outcome = "kept_local"      # a venue sessions use stays, unlinked from now on
            link.local_id, link.fingerprint = None, None
    elif obj is not None:
        if edited:
            outcome = "kept_local"
        else:
            _write(s, kind, item, obj)
            fp = _fingerprint(obj)
            outcome = "unchanged" if fp == link.fingerprint and link.data == data else "updated"
            link.fingerprint = fp
    elif link.local_id is not None:     # the user deleted the row we made: respect that
        outcome = "kept_local"
    elif _shadow(s, kind, item):
        outcome = "kept_local"
    else:
        obj = _write(s, kind, item, None)
        link.local_id, link.fingerprint = obj.id, _fingerprint(obj)
        outcome = "added"
    link.rev, link.deleted, link.data, link.pulled_at = int(item.get("rev", 0)), deleted, data, now()
    return outcome


def apply_catalog(s: OrmSession, doc: dict[str, Any]) -> dict[str, int]:
    """Apply a whole ``GET /v1/catalog`` answer in the caller's transaction; returns counts."""
    counts = dict.fromkeys(("pulled", "added", "updated", "removed", "unchanged", "kept_local",
                            "skipped"), 0)
    for section, kind in SECTIONS.items():
        for item in doc.get(section) or []:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            counts["pulled"] += 1
            counts[apply_item(s, kind, item)] += 1
    return counts


def stored_cursor(s: OrmSession) -> int:
    """The ``since`` to ask this server for (0 when the laptop last pulled from another one)."""
    value = CURSOR.get(s)
    server_id = identity.SERVER_ID.get(s)
    if value is not None and value.get("server_id") == server_id:
        return int(value.get("cursor", 0))
    return 0


def run(ctx: RunContext) -> dict[str, int]:
    """Pull what changed since the stored cursor and apply it with the new cursor, atomically."""
    with ctx.db.read() as s:
        since = stored_cursor(s)
    ans = call(ctx, lambda: ctx.client.catalog(since), "catalog")
    if ans is None:
        return {"pulled": 0}
    doc = ans.doc
    if not any(doc.get(k) for k in SECTIONS) and int(doc.get("cursor", since)) == since:
        return dict.fromkeys(("pulled", "added", "updated", "removed", "unchanged", "kept_local",
                              "skipped"), 0)        # nothing new: no local write at all
    with ctx.db.write() as s:
        counts = apply_catalog(s, doc)
        server_id = identity.SERVER_ID.get(s)
        CURSOR.put(s, {"server_id": server_id, "cursor": int(doc.get("cursor", since))})
    return counts
