"""A participant's erasure, applied to what the platform holds (issue 12).

Called by the ledger inside a batch's write transaction, after the batch's new records are
inserted. A ``participant_erasure`` record registers its participants in ``erasures`` and
scrubs the records it names (``wire.privacy.scrub``: the sealed contact box, a contribution's
link to the person, the participant's code). Personal records of an erased participant that
arrive later, by another path (a USB bundle forwarded after the laptop synced), are scrubbed on
arrival. A scrubbed record keeps its id and its original hash, so a copy sent again is still a
``duplicate`` and never stores the personal data a second time. An erasure applies only to
records of the device that sent it: an enrolled laptop cannot erase what another one holds.

Cost: a batch with no privacy-relevant record pays one pass over its rows' types; the common
case adds a single ``SELECT … LIMIT 1`` when the batch carries personal records.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, select, update

from sala.central import tables as t
from sala.central.db import insert_ignore
from sala.wire import privacy
from sala.wire.protocol import canonical_text

CHUNK = 500
# Positions in the ledger's inserted row tuples (ledger._COLS): id, device_id, type, body.
_ID, _DEVICE, _TYPE, _BODY = 0, 1, 3, 7


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def apply(conn: Connection, new_rows: Sequence[tuple[Any, ...]]) -> int:
    """Apply erasures among ``new_rows`` and to personal records among them; returns how many
    stored records were scrubbed."""
    erasure_rows = [r for r in new_rows if r[_TYPE] == privacy.ERASURE_TYPE]
    personal = [r for r in new_rows if r[_TYPE] in privacy.PERSONAL_TYPES]
    scrubbed = 0
    for row in erasure_rows:
        scrubbed += _register(conn, row)
    if personal and conn.execute(select(t.erasures.c.participant_id).limit(1)).first() is not None:
        scrubbed += _scrub_arrivals(conn, personal)
    return scrubbed


def _register(conn: Connection, row: tuple[Any, ...]) -> int:
    body = json.loads(row[_BODY])
    pids: list[str] = body["participant_ids"]
    insert_ignore(conn, t.erasures,
                  [{"participant_id": p, "erasure_record_id": row[_ID], "device_id": row[_DEVICE],
                    "received_at": time.time()} for p in pids], ["participant_id", "device_id"])
    erased = frozenset(pids)
    r = t.records.c
    count = 0
    for ids in _chunks(sorted(set(body["record_ids"]) | erased)):
        # only the erasing laptop's own records: a device never erases what another one sent
        stored = conn.execute(select(r.id, r.type, r.body).where(r.id.in_(ids), r.device_id == row[_DEVICE])).all()
        count += _rewrite(conn, ((rid, typ, json.loads(b)) for rid, typ, b in stored), erased, row[_ID])
    return count


def _scrub_arrivals(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> int:
    parsed = [(row[_ID], row[_DEVICE], row[_TYPE], json.loads(row[_BODY])) for row in rows]
    wanted = sorted({p for rid, _d, typ, body in parsed if (p := privacy.participant_of(typ, rid, body))})
    erased: dict[tuple[str, str], str] = {}   # (participant, device) -> erasure record
    e = t.erasures.c
    for ids in _chunks(wanted):
        for pid, device, erasure_id in conn.execute(select(e.participant_id, e.device_id, e.erasure_record_id)
                                                    .where(e.participant_id.in_(ids))):
            erased[(pid, device)] = erasure_id
    if not erased:
        return 0
    count = 0
    for rid, device, typ, body in parsed:
        pid = privacy.participant_of(typ, rid, body)
        if pid is not None and (pid, device) in erased:
            count += _rewrite(conn, [(rid, typ, body)], frozenset({pid}), erased[(pid, device)])
    return count


def _rewrite(conn: Connection, stored: Iterable[tuple[str, str, dict[str, Any]]],
             erased: frozenset[str], erasure_id: str) -> int:
    count = 0
    for rid, typ, body in stored:
        clean = privacy.scrub(typ, rid, body, erased, erasure_id)
        if clean is not None:
            conn.execute(update(t.records).where(t.records.c.id == rid)
                         .values(body=canonical_text(clean)))
            count += 1
    return count


def erased_participants(conn: Connection) -> set[str]:
    return set(conn.execute(select(t.erasures.c.participant_id)).scalars())
