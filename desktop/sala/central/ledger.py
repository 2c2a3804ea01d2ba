"""The permanent ledger: each record lands once, whatever paths and retries brought it.

One batch = one write transaction, serialised per originating device (``BEGIN IMMEDIATE`` on
SQLite, ``SELECT … FOR UPDATE`` on the device row in PostgreSQL). Inside it we look up which
ids and (device, seq) pairs already exist, classify every record, insert the new ones
(``ledger_sql``: the queries, shaped to use their indexes)
and advance the device's high-water mark; the caller answers only after the commit. Because
classification and insert share the lock, two identical batches arriving at once store once:
the second sees the first's rows and answers ``duplicate``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Sequence
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import IntegrityError

from sala.central import auth, erasures, ledger_sql
from sala.central import tables as t
from sala.central.db import read_tx, write_tx
from sala.central.errors import ApiError
from sala.wire import privacy, protocol
from sala.wire.protocol import Batch, BatchResult, RecordResult, canonical_text

# protocol.canonical_text's C encoder, made once: JSONEncoder.encode makes a new one for each
# call, a third of the time canonical text of 500 record bodies took. Without the circular
# reference check (a parsed body has no cycles); the same sorted keys, separators, text as is.
_C_CANONICAL: Callable[[Any, int], list[str]] | None = (
    c_make_encoder(None, json.JSONEncoder().default, encode_basestring, None, ":", ",", True,
                   False, False) if c_make_encoder is not None else None)


def canonical_body(body: Any) -> str:
    """``protocol.canonical_text(body)``, cheaper."""
    if _C_CANONICAL is None:
        return canonical_text(body)
    return "".join(_C_CANONICAL(body, 0))


def _prepare(batch: Batch) -> tuple[list[RecordResult | None], list[dict[str, Any]]]:
    """Validate records (CPU only, before taking any lock) into ledger rows.

    The hash input ``{"body":…,"type":…}`` is assembled from the body's canonical text, which
    we store anyway: one serialisation per record instead of two.
    """
    results: list[RecordResult | None] = []
    rows: list[dict[str, Any]] = []
    dumps = json.dumps
    for i, rec in enumerate(batch.records):
        rid = rec.get("id") if isinstance(rec, dict) else None
        rid = rid if isinstance(rid, str) else f"#{i}"
        try:
            protocol.validate_record(rec, device_id=batch.device_id, check_hash=False)
            privacy.check_body(rec["type"], rec["body"])
            body = canonical_body(rec["body"])
            typ = rec["type"]
            # type matched TYPE_RE ([a-z0-9_]), so quoting it needs no escaping
            hashed = '{"body":' + body + ',"type":"' + typ + '"}'
            if hashlib.sha256(hashed.encode("utf-8")).hexdigest() != rec["hash"]:
                raise protocol.RecordError("hash_mismatch",
                                           "hash does not match canonical {type, body}")
        except protocol.RecordError as exc:
            results.append(RecordResult(rid, "rejected", exc.code, exc.message))
            continue
        except (TypeError, ValueError) as exc:  # e.g. NaN or unserialisable body
            results.append(RecordResult(rid, "rejected", "malformed", str(exc)[:200]))
            continue
        except RecursionError:
            results.append(RecordResult(rid, "rejected", "malformed", "body nested too deeply"))
            continue
        results.append(None)
        rows.append({"id": rid, "device_id": rec["device_id"], "seq": rec["seq"], "type": typ,
                     "schema": rec["schema"], "created_at": rec["created_at"],
                     "hash": rec["hash"], "body": body,
                     "blobs": dumps(rec["blobs"]) if rec["blobs"] else "[]",
                     "_blobs": rec["blobs"], "_index": i})
    return results, rows


def ingest(engine: Engine, batch: Batch, *, body_sha256: str, sender: auth.Device,
           signer_key: str, token_hash: str | None = None) -> BatchResult:
    """Store a verified batch; return per-record results after the commit.

    ``token_hash``: the sha256 of the token the sender presented; checked against the device
    row inside the transaction, so a revocation or a new enrollment since the token was cached
    (app's admission) refuses the batch with 401 and stores nothing."""
    results, rows = _prepare(batch)
    for attempt in range(3):
        try:
            with write_tx(engine) as conn:
                return _ingest_tx(conn, batch, list(results), rows, body_sha256, sender,
                                  signer_key, token_hash)
        except IntegrityError:
            # Another device's transaction inserted a clashing id between our lookup and our
            # insert (different origin → different lock). Rolled back; classify again.
            if attempt == 2:
                raise ApiError(503, "busy", "concurrent writes; retry",
                               {"Retry-After": "1"}) from None
    raise AssertionError("unreachable")


_TOKEN_GONE = ("bad_token", "unknown or revoked device token; enroll again")


def _lock_device(conn: Connection, batch: Batch, sender: auth.Device, signer_key: str,
                 token_hash: str | None) -> tuple[int, int]:
    """Lock the origin's row for the transaction (one statement: the lock, the marks and the
    token); ``(high_water, max_seq)``. The sender's token must still be its current one."""
    forwarded = batch.device_id != sender.device_id
    if forwarded:
        auth.lock_origin(conn, batch.device_id, signer_key)
    row = ledger_sql.lock_device(conn, batch.device_id)
    if row is None:
        raise ApiError(403, "unknown_origin", "the originating device is not enrolled with "
                                              "this service; it must enroll first")
    hw, max_seq, revoked, current = row
    if token_hash is not None:
        if forwarded:
            d = t.devices.c
            sender_row = conn.execute(select(d.revoked, d.token_hash)
                                      .where(d.device_id == sender.device_id)).first()
            revoked, current = (True, None) if sender_row is None else sender_row
        if revoked or current != token_hash:
            raise ApiError(401, *_TOKEN_GONE, {"WWW-Authenticate": "Bearer"})
    return hw, max_seq


def _batch_seen(conn: Connection, batch: Batch, body_sha256: str) -> bool:
    """Whether this batch id was stored before (the same content; other content is 409)."""
    b = t.batches.c
    row = conn.execute(select(b.body_sha256, b.device_id).where(b.batch_id == batch.batch_id)
                       ).first()
    if row is None:
        return False
    if row.body_sha256 != body_sha256 or row.device_id != batch.device_id:
        raise ApiError(409, "batch_id_reused",
                       "this batch id was used for other content; make a new batch id")
    return True


def _record_batch(conn: Connection, batch: Batch, body_sha256: str, sender: auth.Device,
                  now: float, seen: bool, counts: dict[str, int]) -> None:
    b = t.batches.c
    if not seen:
        conn.execute(t.batches.insert().values(
            batch_id=batch.batch_id, device_id=batch.device_id, sender_device_id=sender.device_id,
            body_sha256=body_sha256, record_count=len(batch.records), first_received_at=now,
            last_received_at=now, times_received=1, counts=json.dumps(counts)))
    else:
        conn.execute(update(t.batches).where(b.batch_id == batch.batch_id).values(
            last_received_at=now, times_received=b.times_received + 1, counts=json.dumps(counts)))


def _ingest_tx(conn: Connection, batch: Batch, results: list[RecordResult | None],
               rows: list[dict[str, Any]], body_sha256: str, sender: auth.Device,
               signer_key: str, token_hash: str | None = None) -> BatchResult:
    now = time.time()
    hw, max_seq = _lock_device(conn, batch, sender, signer_key, token_hash)
    seen = _batch_seen(conn, batch, body_sha256)
    existing = ledger_sql.records_by_id(conn, [row["id"] for row in rows])
    # seqs above the highest ever stored cannot be taken: skip the lookup for them (the
    # common case of a device sending its outbox in order)
    seq_owner = ledger_sql.seqs_taken(conn, batch.device_id,
                                      [row["seq"] for row in rows if row["seq"] <= max_seq])
    new_rows: list[tuple[Any, ...]] = []   # in _COLS order
    referenced: set[str] = set()
    for row in rows:
        rid, i = row["id"], row["_index"]
        if rid in existing:
            h, dev = existing[rid]
            if dev != batch.device_id:
                results[i] = RecordResult(rid, "conflict", "id_taken",
                                          "another device already sent a record with this id")
            elif h == row["hash"]:
                results[i] = RecordResult(rid, "duplicate")
                referenced.update(row["_blobs"])
            else:
                results[i] = RecordResult(rid, "conflict", "hash_differs",
                                          "the server holds this id with other content")
        elif row["seq"] in seq_owner:
            results[i] = RecordResult(rid, "conflict", "seq_taken",
                                      f"seq {row['seq']} already holds record "
                                      f"{seq_owner[row['seq']]}")
        else:
            results[i] = RecordResult(rid, "accepted")
            existing[rid] = (row["hash"], batch.device_id)   # later copies in this batch
            seq_owner[row["seq"]] = rid
            referenced.update(row["_blobs"])
            new_rows.append((rid, row["device_id"], row["seq"], row["type"], row["schema"],
                             row["created_at"], row["hash"], row["body"], row["blobs"],
                             batch.batch_id, now))
    if new_rows:
        _insert_records(conn, new_rows)
        erasures.apply(conn, new_rows)
    high_water, gaps = _advance(conn, batch.device_id, hw, max_seq,
                                [row[2] for row in new_rows])
    final = [res for res in results if res is not None]
    result = BatchResult(batch.batch_id, batch.device_id, final, high_water, gaps,
                         missing_blobs(conn, referenced))
    _record_batch(conn, batch, body_sha256, sender, now, seen, result.counts())
    return result


_COLS = ledger_sql.RECORD_COLS


def _insert_records(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Tuples in ``_COLS`` order (``ledger_sql.insert_records``: COPY or executemany)."""
    ledger_sql.insert_records(conn, rows)


def _advance(conn: Connection, device_id: str, hw: int, max_seq: int,
             inserted: list[int]) -> tuple[int, list[protocol.Gap]]:
    """Move the device's high-water mark over contiguous seqs.

    With no earlier gap (``max_seq == hw``) the seqs above the mark are exactly those just
    inserted; otherwise the stored ones above the mark are read (only rows above it).
    """
    d = t.devices.c
    if max_seq == hw:
        seqs = sorted(inserted)
    else:
        r = t.records.c
        seqs = list(conn.execute(select(r.seq).where(r.device_id == device_id, r.seq > hw)
                                 .order_by(r.seq)).scalars())
    new_hw, gaps = protocol.gaps_from_seqs(seqs, hw)
    if seqs:
        conn.execute(update(t.devices).where(d.device_id == device_id)
                     .values(high_water=new_hw, max_seq=seqs[-1]))
    return new_hw, gaps


def missing_blobs(conn: Connection, wanted: Iterable[str]) -> list[str]:
    wanted = sorted(set(wanted))
    have = ledger_sql.blobs_held(conn, wanted)
    return [b for b in wanted if b not in have]


def device_state(conn: Connection, device_id: str) -> tuple[int, list[protocol.Gap], int]:
    """High-water, gaps and the highest seq stored for ``device_id`` (0, [], 0 if unknown)."""
    d = t.devices.c
    row = conn.execute(select(d.high_water, d.max_seq).where(d.device_id == device_id)).first()
    if row is None:
        return 0, [], 0
    hw = int(row.high_water)
    r = t.records.c
    seqs = conn.execute(select(r.seq).where(r.device_id == device_id, r.seq > hw)
                        .order_by(r.seq)).scalars().all()
    new_hw, gaps = protocol.gaps_from_seqs(seqs, hw)
    return new_hw, gaps, max(int(row.max_seq), new_hw, seqs[-1] if seqs else 0)


def reconcile(engine: Engine, device_id: str, ids: Sequence[str],
              ranges: Sequence[tuple[int, int]],
              hashes: Sequence[str] | None = None) -> dict[str, Any]:
    """Which of a device's record ids / seq ranges the server lacks (after reinstall/restore).

    An id held for this device with the same hash (when ``hashes`` are given) is neither
    missing nor differing; one held by another device or with other content is *differing*
    (sending it would be a conflict, never an overwrite).
    """
    if hashes is not None and len(hashes) != len(ids):
        raise ApiError(422, "invalid_request", "hashes must be parallel to ids")
    r = t.records.c
    with read_tx(engine) as conn:
        have = {rid: (dev, h) for rid, (h, dev) in ledger_sql.records_by_id(conn, ids).items()}
        missing_ranges: list[list[int]] = []
        for lo, hi in ranges:
            seqs = conn.execute(select(r.seq).where(r.device_id == device_id, r.seq >= lo,
                                                    r.seq <= hi).order_by(r.seq)).scalars().all()
            prev = lo - 1
            for s in [*seqs, hi + 1]:
                if s > prev + 1:
                    missing_ranges.append([prev + 1, s - 1])
                prev = s
        hw, gaps, max_seq = device_state(conn, device_id)
    differing = [rid for i, rid in enumerate(ids) if rid in have and (
        have[rid][0] != device_id or (hashes is not None and have[rid][1] != hashes[i]))]
    return {"device_id": device_id, "missing_ids": [i for i in ids if i not in have],
            "missing_ranges": missing_ranges, "differing_ids": differing, "high_water": hw,
            "max_seq": max_seq, "gaps": [list(g) for g in gaps]}
