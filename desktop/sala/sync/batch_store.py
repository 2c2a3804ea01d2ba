"""Signed batches kept in the local database until the server has answered them.

Why persisted: a batch that was sent but whose answer never came (link cut, server killed,
laptop crashed) must be re-sent *byte for byte under the same id*; only then does the server's
idempotency turn the retry into ``duplicate`` instead of a second copy. So a batch is built,
signed and written here (and its outbox rows tagged with its id) in one short transaction
*before* it is posted, and it leaves the ``open`` state only in the transaction that applies
the server's answer. USB bundles export exactly these batches; a supervisor's import stores
them here with ``via='bundle'`` and forwards them unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, func, select, update
from sqlalchemy.orm import Session as OrmSession

from sala.domain.clock import now
from sala.storage.models import BlobUpload, Device, OutboxEntry, SyncBatch
from sala.sync.bundle_checks import printable
from sala.wire import pieces, protocol

_OUTBOX = cast(Table, OutboxEntry.__table__)  # Core rows, for bulk updates by record id

OWN = "own"          # made on this laptop
BUNDLE = "bundle"    # imported from another laptop's USB bundle, forwarded unchanged
REFUSED = "refused"  # state of a forwarded batch the server will not take (shown until sent again)
DISMISSED = "dismissed"  # a refused forward a supervisor set aside: kept, no longer listed


@dataclass(frozen=True)
class OpenBatch:
    """A batch ready to (re)send: exactly the bytes and headers first built."""

    batch_id: str
    device_id: str
    via: str
    record_count: int
    body: bytes
    signature: str          # for a piece: the origin's seal
    public_key: str
    seal: str | None = None
    piece: dict[str, Any] | None = None
    first_seq: int = 0      # own batches: the seq range its rows were cut from (0 = unknown)
    last_seq: int = 0

    def rows(self) -> Any:
        """WHERE clause for this batch's outbox rows; the seq range lets SQLite walk the
        primary key instead of scanning the whole outbox for the batch id."""
        cond = OutboxEntry.batch_id == self.batch_id
        if self.last_seq:
            cond = cond & OutboxEntry.seq.between(self.first_seq, self.last_seq)
        return cond

    def headers(self) -> dict[str, str]:
        h = protocol.SignedBatch(self.batch_id, self.device_id, self.record_count, self.body,
                                 self.signature, self.public_key).headers()
        if self.piece is not None:
            h |= pieces.PieceInfo.from_json(self.piece).headers()
        return h

    @property
    def splittable(self) -> bool:
        """A forwarded batch that can travel in smaller pieces (it carries a seal)."""
        return self.via == BUNDLE and self.record_count > 1 and (
            self.seal is not None or self.piece is not None)


def _open(row: SyncBatch) -> OpenBatch:
    return OpenBatch(row.batch_id, row.device_id, row.via, row.record_count, row.body or b"",
                     row.signature, row.public_key, row.seal, row.piece, row.first_seq,
                     row.last_seq)


def open_batches(s: OrmSession, via: str | None = None) -> list[OpenBatch]:
    """Batches awaiting an answer, oldest first (own ones in seq order)."""
    q = select(SyncBatch).where(SyncBatch.state == "open")
    if via is not None:
        q = q.where(SyncBatch.via == via)
    return [_open(r) for r in s.scalars(q.order_by(SyncBatch.created_at, SyncBatch.first_seq))]


def pending_rows(s: OrmSession, limit: int) -> list[tuple[int, str]]:
    """(seq, envelope) of unsent, unclaimed outbox rows, in seq order."""
    return list(s.connection().execute(   # Core rows: no ORM loading for 5,000 envelopes
        select(OutboxEntry.seq, OutboxEntry.envelope)
        .where(OutboxEntry.state == "pending", OutboxEntry.batch_id.is_(None))
        .order_by(OutboxEntry.seq).limit(limit)))


def store_own(s: OrmSession, signed: protocol.SignedBatch, first_seq: int, last_seq: int) -> bool:
    """Persist a just-built batch and tag its rows; False if someone else claimed them first."""
    # An UPDATE answers with a cursor result (its rowcount); Session.execute is typed as Result.
    claimed = cast(CursorResult[Any], s.execute(
        update(OutboxEntry)
        .where(OutboxEntry.state == "pending", OutboxEntry.batch_id.is_(None),
               OutboxEntry.seq.between(first_seq, last_seq))
        .values(batch_id=signed.batch_id)
        .execution_options(synchronize_session=False))).rowcount
    if claimed != signed.record_count:
        s.rollback()
        return False
    s.add(SyncBatch(batch_id=signed.batch_id, device_id=signed.device_id, via=OWN, state="open",
                    record_count=signed.record_count, first_seq=first_seq, last_seq=last_seq,
                    body=signed.body, signature=signed.signature, public_key=signed.public_key,
                    size=len(signed.body), attempts=0, source="", created_at=now()))
    return True


def store_forwarded(s: OrmSession, ob: OpenBatch, first_seq: int, last_seq: int,
                    source: str) -> str:
    """Keep a batch from a bundle (unchanged) until forwarded: ``"new"``; ``"held"`` if already
    held; ``"requeued"`` if the server refused it (or pieces of it) before — importing the
    bundle again is how a supervisor sends a refused batch again, once the cause is dealt with."""
    row = s.get(SyncBatch, ob.batch_id)
    if row is not None:
        ids = [row.batch_id] if row.state in (REFUSED, DISMISSED) else []
        if row.state == "split":
            ids += [b.batch_id for b in s.scalars(select(SyncBatch).where(
                SyncBatch.via == BUNDLE, SyncBatch.state.in_((REFUSED, DISMISSED)),
                SyncBatch.device_id == ob.device_id))
                if b.piece and b.piece.get("of") == ob.batch_id]
        if not ids:
            return "held"
        s.execute(update(SyncBatch).where(SyncBatch.batch_id.in_(ids))
                  .values(state="open", result=None, finished_at=None))
        return "requeued"
    s.add(SyncBatch(batch_id=ob.batch_id, device_id=ob.device_id, via=BUNDLE, state="open",
                    record_count=ob.record_count, first_seq=first_seq, last_seq=last_seq,
                    body=ob.body, signature=ob.signature, public_key=ob.public_key,
                    size=len(ob.body), attempts=0, source=source[:255], created_at=now(),
                    seal=ob.seal, piece=ob.piece))
    return "new"


def split_forwarded(s: OrmSession, ob: OpenBatch, max_records: int,
                    max_uncompressed: int) -> list[OpenBatch]:
    """Replace a forwarded batch (or piece) that is too big for this server by pieces of the
    sealed batch it belongs to; the sealed batch's body is kept for later, finer splits."""
    whole_id = ob.piece["of"] if ob.piece else ob.batch_id
    whole = s.get(SyncBatch, whole_id)
    if whole is None or whole.body is None or whole.seal is None:
        return []
    raw = protocol.gunzip_bytes(whole.body, 1 << 31)
    lo, hi = (ob.piece["lo"], ob.piece["hi"]) if ob.piece else (0, whole.record_count)
    stamp = now()
    out = []
    for info, body, first, last in pieces.cut(raw, max_records, max_uncompressed, lo=lo, hi=hi):
        gz = protocol.gzip_bytes(body, 6)
        piece = info.to_json()
        if s.get(SyncBatch, piece_id := pieces.piece_id(whole_id, info.lo, info.hi)) is None:
            s.add(SyncBatch(batch_id=piece_id, device_id=ob.device_id, via=BUNDLE, state="open",
                            record_count=info.hi - info.lo, first_seq=first, last_seq=last,
                            body=gz, signature=whole.seal, public_key=ob.public_key,
                            size=len(gz), attempts=0, source=whole.source, created_at=stamp,
                            seal=None, piece=piece))
        out.append(OpenBatch(piece_id, ob.device_id, BUNDLE, info.hi - info.lo, gz, whole.seal,
                             ob.public_key, None, piece))
    values: dict[str, Any] = {"state": "split", "finished_at": stamp}
    if ob.piece:
        values["body"] = None
    s.execute(update(SyncBatch).where(SyncBatch.batch_id == ob.batch_id).values(**values))
    return out


def note_attempt(s: OrmSession, batch_id: str) -> None:
    s.execute(update(SyncBatch).where(SyncBatch.batch_id == batch_id)
              .values(attempts=SyncBatch.attempts + 1))


def apply_result(s: OrmSession, ob: OpenBatch, result: protocol.BatchResult) -> dict[str, Any]:
    """Apply the server's per-record answer (caller's transaction = one local transaction).

    Accepted/duplicate rows become sent; conflict/rejected rows go to quarantine with the
    server's reason and never block the rest; blobs the server still lacks are queued.
    """
    stamp = now()
    counts = result.counts()
    if ob.via == OWN:
        s.execute(update(OutboxEntry)
                  .where(ob.rows(), OutboxEntry.state == "pending")
                  .values(state="accepted", reason="", updated_at=stamp)
                  .execution_options(synchronize_session=False))
        others = [{"rid": r.id, "st": r.status, "why": f"{r.code or r.status}: {r.reason or ''}"}
                  for r in result.results if r.status != "accepted"]
        if others:
            s.connection().execute(
                update(_OUTBOX).where(_OUTBOX.c.record_id == bindparam("rid"))
                .values(state=bindparam("st"), reason=bindparam("why")), others)
    problems = [r.to_json() for r in result.results if r.status in ("conflict", "rejected")]
    summary = {"counts": counts, "problems": problems[:200], "high_water": result.high_water,
               "gaps": [list(g) for g in result.gaps], "missing_blobs": len(result.missing_blobs)}
    s.execute(update(SyncBatch).where(SyncBatch.batch_id == ob.batch_id)
              .values(state="done", result=summary, body=None, finished_at=stamp))
    queue_blobs(s, result.missing_blobs, requeue_done=True)
    return summary


def queue_blobs(s: OrmSession, shas: list[str], sizes: dict[str, int] | None = None, *,
                requeue_done: bool = False) -> None:
    """Make sure each blob has an upload row. ``requeue_done``: the server says it lacks these,
    so one we uploaded before (a server restored from an older backup) goes again."""
    if not shas:
        return
    have = {b.sha256: b for b in s.scalars(select(BlobUpload).where(BlobUpload.sha256.in_(shas)))}
    for sha in dict.fromkeys(shas):
        row = have.get(sha)
        if row is None:
            s.add(BlobUpload(sha256=sha, size=(sizes or {}).get(sha, 0), uploaded=0,
                             state="pending", updated_at=now()))
        elif requeue_done and row.state == "done":
            row.state, row.uploaded, row.updated_at = "pending", 0, now()


def fail_batch(s: OrmSession, ob: OpenBatch, code: str, message: str) -> None:
    """The server refused the whole batch for good (400/422, or a forwarded batch it will not
    take): quarantine its records with the reason instead of retrying forever."""
    stamp = now()
    # a forwarded batch is another device's records: it stays "refused", with the reason, for the
    # supervisor to see (``refused_forwards``) and send again by importing its bundle again
    s.execute(update(SyncBatch).where(SyncBatch.batch_id == ob.batch_id)
              .values(state=REFUSED if ob.via == BUNDLE else "failed", finished_at=stamp,
                      result={"error": {"code": code, "message": message}}))
    if ob.via == OWN:
        s.execute(update(OutboxEntry).where(ob.rows(), OutboxEntry.state == "pending")
                  .values(state="rejected", reason=f"{code}: {message}", updated_at=stamp)
                  .execution_options(synchronize_session=False))


def release(s: OrmSession, ob: OpenBatch) -> None:
    """Give a batch's rows back to the queue (413: they go again in smaller, new batches)."""
    s.execute(update(SyncBatch).where(SyncBatch.batch_id == ob.batch_id)
              .values(state="split", body=None, finished_at=now()))
    s.execute(update(OutboxEntry).where(ob.rows(), OutboxEntry.state == "pending")
              .values(batch_id=None).execution_options(synchronize_session=False))


def outbox_counts(s: OrmSession) -> dict[str, int]:
    """Outbox rows per state (pending includes those in an unanswered batch)."""
    out = dict.fromkeys(("pending", "accepted", "duplicate", "conflict", "rejected"), 0)
    for state, n in s.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)):
        out[state] = n
    return out


def forwarded_summary(s: OrmSession) -> list[dict[str, Any]]:
    """Per origin device: batches and records that came by bundle, and how many are forwarded."""
    rows = s.execute(
        select(SyncBatch.device_id, SyncBatch.state, SyncBatch.source,
               func.count(), func.sum(SyncBatch.record_count))
        .where(SyncBatch.via == BUNDLE, SyncBatch.state != "split")  # its pieces count
        .group_by(SyncBatch.device_id, SyncBatch.state, SyncBatch.source)).all()
    out: dict[str, dict[str, Any]] = {}
    for dev, state, source, n, recs in rows:
        d = out.setdefault(dev, {"device_id": dev, "batches": 0, "records": 0, "forwarded": 0,
                                 "failed": 0, "refused": 0, "sources": []})
        d["batches"] += n
        d["records"] += int(recs or 0)
        d["forwarded"] += int(recs or 0) if state == "done" else 0
        d["failed"] += int(recs or 0) if state in ("failed", REFUSED) else 0
        d["refused"] += int(recs or 0) if state == REFUSED else 0
        if source and source not in d["sources"]:
            d["sources"].append(source)
    return list(out.values())




def refused_forwards(s: OrmSession) -> list[dict[str, Any]]:
    """Forwarded batches (or pieces) the server refused and nobody has sent again yet, oldest
    first, with the server's reason and the origin device's name (made printable)."""
    names = {d.id: d.name for d in s.scalars(select(Device).where(Device.is_local.is_(False)))}
    out = []
    for b in s.scalars(select(SyncBatch).where(SyncBatch.via == BUNDLE, SyncBatch.state == REFUSED)
                       .order_by(SyncBatch.finished_at, SyncBatch.batch_id)):
        err = (b.result or {}).get("error") or {}
        out.append({"batch_id": b.batch_id, "device_id": b.device_id,
                    "device_name": printable(names.get(b.device_id, "")), "records": b.record_count,
                    "source": printable(b.source, 255), "code": printable(str(err.get("code", "")), 64),
                    "message": printable(str(err.get("message", "")), 500),
                    "refused_at": b.finished_at.isoformat() if b.finished_at else ""})
    return out


def dismiss_refused(s: OrmSession, batch_ids: list[str]) -> int:
    """Set refused forwards aside (a supervisor's decision): they stay on record with the
    service's reason and when they were dismissed, no longer listed nor counted by ``sala sync``;
    importing their bundle again sends them again. Returns how many were dismissed."""
    n = 0
    for b in s.scalars(select(SyncBatch).where(SyncBatch.batch_id.in_(batch_ids),
                                               SyncBatch.via == BUNDLE, SyncBatch.state == REFUSED)):
        b.state = DISMISSED
        b.result = {**(b.result or {}), "dismissed_at": now().isoformat()}
        n += 1
    return n
