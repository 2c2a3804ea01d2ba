"""Reconcile: put this laptop's outbox right with what the server really holds.

Why: the outbox's ``state`` and the device's next sync ``seq`` are only as good as the local
database. Restore an older local backup and the laptop (a) thinks records are unsent that the
server already holds, and (b) hands out sync seqs again that the server already holds for other
records — the server's unique (device, seq) would answer ``conflict: seq_taken`` and those new
records would never land. Restore the *server* from an older backup and the laptop thinks
records are sent that the server has lost.

So every run starts with a cheap check (``POST /v1/reconcile`` with no ids: the server's
high-water, gaps and highest seq for this device) compared with the outbox
(:func:`disagreement`), and a full reconcile (every outbox id with its hash, in chunks of the
server's ``max_reconcile_ids``) runs when they disagree, at the first run after (re-)enrollment
if the server holds anything of this device, or when asked (``sala sync --reconcile``).
:func:`apply` then, in one local transaction: marks as sent what the server holds (no second
upload), puts back to pending what it lacks, and renumbers unsent records whose seq the server
already holds for another record to fresh seqs above everything the server has seen.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session as OrmSession

from sala.domain.clock import now
from sala.storage.models import Device, OutboxEntry, SyncBatch
from sala.sync import batch_store as store
from sala.sync import identity
from sala.sync.context import RunContext
from sala.sync.retry import call

SENT = ("accepted", "duplicate")


@dataclass(frozen=True)
class ServerView:
    """What the server holds of one device's seqs."""

    high_water: int
    gaps: tuple[tuple[int, int], ...]
    max_seq: int

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> ServerView:
        hw = int(doc["high_water"])
        return cls(hw, tuple((int(a), int(b)) for a, b in doc["gaps"]),
                   int(doc.get("max_seq", hw)))

    def holds_seq(self, seq: int) -> bool:
        if seq > self.max_seq:
            return False
        if seq <= self.high_water:
            return True
        i = bisect.bisect_right(self.gaps, (seq, float("inf"))) - 1
        return not (i >= 0 and self.gaps[i][0] <= seq <= self.gaps[i][1])


def disagreement(s: OrmSession, device_id: str, view: ServerView) -> str | None:
    """Why the outbox and the server's view disagree (a full reconcile is due), else None."""
    if identity.RECONCILE.get(s) and (view.max_seq or _any_sent(s)):
        return "first run after enrollment"
    last = s.scalar(select(Device.last_sync_seq).where(Device.id == device_id)) or 0
    if last < view.max_seq:
        return f"server holds seq {view.max_seq}, this laptop numbered up to {last}"
    sent_above = s.scalars(select(OutboxEntry.seq).where(
        OutboxEntry.state.in_(SENT), OutboxEntry.seq > view.high_water))
    if any(not view.holds_seq(q) for q in sent_above):
        return "the server lacks records sent earlier"
    unsent_low = s.scalars(select(OutboxEntry.seq).where(
        OutboxEntry.state == "pending", OutboxEntry.batch_id.is_(None),
        OutboxEntry.seq <= view.max_seq))
    if any(view.holds_seq(q) for q in unsent_low):
        return "unsent records with seqs the server already holds"
    if s.scalar(select(OutboxEntry.seq).where(OutboxEntry.state == "conflict",
                                              OutboxEntry.reason.like("seq_taken%")).limit(1)):
        return "records refused for a taken seq"
    return None


def _any_sent(s: OrmSession) -> bool:
    return s.scalar(select(OutboxEntry.seq).where(OutboxEntry.state.in_(SENT)).limit(1)) is not None


def rows_to_ask(s: OrmSession) -> list[tuple[str, str]]:
    """(id, hash) of every outbox record whose place on the server matters."""
    return list(s.execute(select(OutboxEntry.record_id, OutboxEntry.hash).where(
        OutboxEntry.state.in_(("pending", *SENT, "conflict"))).order_by(OutboxEntry.seq)))


@dataclass
class Answers:
    """The server's answers to the full reconcile, merged over chunks."""

    asked: set[str] = field(default_factory=set)
    missing: set[str] = field(default_factory=set)
    differing: set[str] = field(default_factory=set)

    def held(self, rid: str) -> bool:
        return rid in self.asked and rid not in self.missing and rid not in self.differing


def apply(s: OrmSession, device_id: str, view: ServerView, ans: Answers) -> dict[str, int]:
    """Bring the outbox in line with the server (caller's transaction); returns counts."""
    stamp = now()
    out = {"checked": len(ans.asked), "marked_sent": 0, "resend": 0, "renumbered": 0,
           "differing": len(ans.differing)}
    rows = list(s.execute(select(OutboxEntry.seq, OutboxEntry.record_id, OutboxEntry.state,
                                 OutboxEntry.batch_id, OutboxEntry.reason)))
    open_own = {b.batch_id for b in s.scalars(select(SyncBatch).where(
        SyncBatch.state == "open", SyncBatch.via == store.OWN))}
    to_sent: list[int] = []
    to_pending: list[int] = []
    release: set[str] = set()
    unsent: list[tuple[int, str | None]] = []   # (seq, batch_id) left to send after this
    for seq, rid, state, batch_id, reason in rows:
        if state == "pending" and ans.held(rid):
            to_sent.append(seq)
        elif state in SENT and rid in ans.missing:
            to_pending.append(seq)
            unsent.append((seq, None))
        elif state == "conflict" and reason.startswith("seq_taken") and rid in ans.missing:
            to_pending.append(seq)
            unsent.append((seq, None))
        elif state == "pending" and rid not in ans.differing:
            unsent.append((seq, batch_id))
    collide = [(q, b) for q, b in unsent if view.holds_seq(q)]
    release = {b for _, b in collide if b in open_own}
    for seqs, values in ((to_sent, {"state": "duplicate", "reason": "reconcile: already on the server"}),
                         (to_pending, {"state": "pending", "batch_id": None,
                                       "reason": "reconcile: the server lacks it; sent again"})):
        for chunk in _chunks(seqs):
            s.execute(update(OutboxEntry).where(OutboxEntry.seq.in_(chunk))
                      .values(updated_at=stamp, **values)
                      .execution_options(synchronize_session=False))
    out["marked_sent"], out["resend"] = len(to_sent), len(to_pending)
    for bid in open_own:   # an open batch whose records the server all holds is done
        left = s.scalar(select(OutboxEntry.seq).where(OutboxEntry.batch_id == bid,
                                                      OutboxEntry.state == "pending").limit(1))
        if left is None and bid not in release:
            s.execute(update(SyncBatch).where(SyncBatch.batch_id == bid).values(
                state="done", body=None, finished_at=stamp, result={"reconciled": True}))
    for bid in release:    # signed with seqs the server holds for other records: re-cut
        s.execute(update(SyncBatch).where(SyncBatch.batch_id == bid).values(
            state="split", body=None, finished_at=stamp, result={"reconciled": "seq_taken"}))
        s.execute(update(OutboxEntry).where(OutboxEntry.batch_id == bid,
                                            OutboxEntry.state == "pending")
                  .values(batch_id=None).execution_options(synchronize_session=False))
    out["renumbered"] = _renumber(s, device_id, view, sorted(q for q, _ in collide), stamp)
    return out


def _renumber(s: OrmSession, device_id: str, view: ServerView, seqs: Sequence[int],
              stamp: Any) -> int:
    """Give ``seqs`` fresh numbers above the server's and the laptop's highest; keep the
    device's counter above the server's so later records never collide either."""
    dev = s.get(Device, device_id)
    assert dev is not None
    nxt = max(dev.last_sync_seq, view.max_seq) + 1
    for old in seqs:
        row = s.get(OutboxEntry, old)
        if row is None:
            continue
        rec = json.loads(row.envelope)
        rec["seq"] = nxt
        env = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        s.execute(update(OutboxEntry).where(OutboxEntry.seq == old).values(
            seq=nxt, envelope=env, size=len(env.encode("utf-8")), batch_id=None, updated_at=stamp,
            reason=f"reconcile: seq {old} was taken on the server; now {nxt}")
            .execution_options(synchronize_session=False))
        s.expunge(row)
        nxt += 1
    dev.last_sync_seq = max(dev.last_sync_seq, nxt - 1)
    return len(seqs)


def _chunks(items: Sequence[int], n: int = 500) -> list[Sequence[int]]:
    return [items[i:i + n] for i in range(0, len(items), n)]


def run(ctx: RunContext) -> dict[str, Any]:
    """The check, and the full reconcile when due; returns what it did (for the run report)."""
    dev, client, force = ctx.db.device_id, ctx.client, ctx.force_reconcile
    ans = call(ctx, lambda: client.reconcile(dev), "reconcile")
    if ans is None:                     # a server without /v1/reconcile: nothing to compare
        return {"checked": 0, "skipped": "unsupported"}
    view = ServerView.from_json(ans.doc)
    with ctx.db.read() as s:
        why = "asked (--reconcile)" if force else disagreement(s, dev, view)
        flagged = identity.RECONCILE.get(s) is not None
    if why is None:
        if flagged:                     # nothing to reconcile after all (server holds nothing)
            with ctx.db.write() as s:
                identity.RECONCILE.put(s, None)
        return {"checked": 0}
    with ctx.db.read() as s:
        rows = rows_to_ask(s)
    answers = Answers()
    step = max(1, min(ctx.limits.max_reconcile_ids, 20_000))
    i = 0
    while i < len(rows):
        chunk = rows[i:i + step]
        ids = [r[0] for r in chunk]
        got = call(ctx, partial(client.reconcile, dev, ids, [r[1] for r in chunk]), "reconcile")
        if got is None:
            return {"checked": 0, "skipped": "unsupported"}
        if got.status == 413:
            if step == 1:
                return {"checked": 0, "skipped": "server refuses even one id"}
            step //= 2
            continue
        answers.asked.update(ids)
        answers.missing.update(got.doc["missing_ids"])
        answers.differing.update(got.doc.get("differing_ids", []))
        view = ServerView.from_json(got.doc)
        i += len(chunk)
    if not rows:
        got = call(ctx, lambda: client.reconcile(dev), "reconcile")
        view = ServerView.from_json(got.doc) if got is not None else view
    with ctx.db.write() as s:
        done = apply(s, dev, view, answers)
        identity.RECONCILE.put(s, None)
    return {**done, "why": why}
