"""The catalogue devices pull: topics, venues and question guides, with a revision cursor.

``since`` is a revision number, not a time: the device clock is never trusted and the server's
own clock could step back; a counter in the same transaction as the change cannot.
"""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import Engine, select, update

from sala.central import tables as t
from sala.central.db import read_tx, write_tx
from sala.central.errors import ApiError
from sala.wire.protocol import canonical_json

KINDS = {"topics": "topic", "venues": "venue", "guides": "guide"}


def import_catalog(engine: Engine, doc: dict[str, Any]) -> int:
    """Upsert items of ``{"topics": [...], "venues": [...], "guides": [...]}``; return changes.

    Each item needs a string ``id``; ``"deleted": true`` withdraws it. Unchanged items keep
    their revision, so re-importing the same file costs devices nothing.
    """
    unknown = set(doc) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown catalogue sections: {sorted(unknown)}")
    c = t.catalog_items.c
    changed = 0
    with write_tx(engine) as conn:
        rev = int(conn.execute(select(t.server_meta.c.value)
                               .where(t.server_meta.c.key == "catalog_rev")).scalar_one())
        for section, kind in KINDS.items():
            items = doc.get(section, [])
            if not isinstance(items, list):
                raise ValueError(f"{section} must be a list")
            for item in items:
                if not isinstance(item, dict) or not isinstance(item.get("id"), str) \
                        or not 0 < len(item["id"]) <= 64:
                    raise ValueError(f"every {kind} needs a string id of 1 to 64 characters")
                data = {k: v for k, v in item.items() if k not in ("id", "deleted")}
                text = canonical_json(data).decode("utf-8")
                deleted = bool(item.get("deleted", False))
                old = conn.execute(select(c.data, c.deleted).where(
                    c.kind == kind, c.item_id == item["id"])).first()
                if old is not None and old.data == text and bool(old.deleted) == deleted:
                    continue
                rev += 1
                changed += 1
                values = {"rev": rev, "deleted": deleted, "data": text, "updated_at": time.time()}
                if old is None:
                    conn.execute(t.catalog_items.insert().values(kind=kind, item_id=item["id"],
                                                                 **values))
                else:
                    conn.execute(update(t.catalog_items).where(
                        c.kind == kind, c.item_id == item["id"]).values(**values))
        conn.execute(update(t.server_meta).where(t.server_meta.c.key == "catalog_rev")
                     .values(value=str(rev)))
    return changed


def catalog_since(engine: Engine, since: int) -> dict[str, Any]:
    if since < 0:
        raise ApiError(400, "bad_since", "since is a revision number >= 0")
    c = t.catalog_items.c
    out: dict[str, Any] = {"since": since, "cursor": since, **{s: [] for s in KINDS}}
    section = {kind: s for s, kind in KINDS.items()}
    with read_tx(engine) as conn:
        rows = conn.execute(select(c.kind, c.item_id, c.rev, c.deleted, c.data)
                            .where(c.rev > since).order_by(c.rev)).all()
    for row in rows:
        item = {"id": row.item_id, "rev": row.rev, "deleted": bool(row.deleted),
                **json.loads(row.data)}
        out[section[row.kind]].append(item)
        out["cursor"] = max(out["cursor"], row.rev)
    return out
