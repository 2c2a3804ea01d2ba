"""USB bundles: a laptop with no link hands its unsent records to a supervisor who has one.

A bundle is a zip (stored, not compressed: batch bodies are gzip, photos are JPEG) holding::

    index.json        origin device, its public key, and per batch: id, seqs, signature, sha256
    index.sig         Ed25519 signature of index.json by the origin device
    batches/<id>.gz   the exact gzip bodies the laptop would POST (same batch ids)
    blobs/<sha256>    the photos those records reference

Export cuts every pending outbox row into the same persisted batches a sync would send, so the
laptop's own later sync re-sends the *same* batches and the server answers ``duplicate``: a
record that travels both ways lands once. Import verifies everything first — zip CRCs, the
index signature, every batch's signature and records, every photo's sha256 — and only then
writes anything (one transaction); the batches are forwarded upstream unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from sala.domain.clock import now
from sala.domain.errors import SalaError
from sala.files import atomic_path, blob_path
from sala.storage.database import Database
from sala.storage.models import BlobUpload, Device, OutboxEntry, SyncBatch, SyncRun
from sala.sync import batch_store as store
from sala.sync import batcher, identity
from sala.sync import bundle_checks as checks
from sala.wire import crypto, pieces, protocol

FORMAT = "sala-bundle"
VERSION = 1


def export_bounds(db: Database) -> batcher.Bounds:
    """Batch size for a bundle: the limits this laptop last learned from /v1/hello, else the
    protocol minimums every server should take. Either way each batch also carries a seal, so a
    supervisor whose server takes less still forwards it, in pieces (``pieces.py``)."""
    with db.read() as s:
        known = identity.known_limits(s)
    return batcher.Bounds.from_limits(known or protocol.MIN_LIMITS)


class BundleError(SalaError):
    """A bundle that cannot be trusted or read; nothing has been imported."""

    def __init__(self, detail: str) -> None:
        super().__init__(f"ไฟล์ชุดข้อมูลเสียหาย ถูกแก้ไข หรือไม่ครบ จึงไม่ได้นำเข้าข้อมูลใดเลย ({detail}) "
                         "โปรดคัดลอกไฟล์จากเครื่องต้นทางใหม่อีกครั้ง",
                         f"The bundle file is damaged, altered or incomplete, so nothing was "
                         f"imported ({detail}). Copy it again from the original laptop.")
        self.detail = detail


# -- export --------------------------------------------------------------------------------------

def _wanted_blobs(db: Database) -> list[str]:
    with db.read() as s:
        envs = s.scalars(select(OutboxEntry.envelope).where(
            OutboxEntry.state == "pending", OutboxEntry.envelope.not_like('%"blobs":[]%')))
        shas = [sha for env in envs for sha in json.loads(env)["blobs"]]
        shas += list(s.scalars(select(BlobUpload.sha256).where(BlobUpload.state == "pending")))
    return list(dict.fromkeys(shas))


def export_bundle(db: Database, key: Ed25519PrivateKey, attachments: Path,
                  out: Path) -> dict[str, int]:
    """Write every unsent record (as signed batches, claimed as a sync claims them, signed
    with the device ``key``) and its photos from ``attachments`` to ``out``, atomically."""
    bounds = export_bounds(db)
    while batcher.claim(db, key, bounds) is not None:
        pass
    with db.read() as s:
        rows = list(s.scalars(select(SyncBatch).where(
            SyncBatch.state == "open", SyncBatch.via == store.OWN)
            .order_by(SyncBatch.first_seq)))
        dev = s.get(Device, db.device_id)
        name = dev.name if dev else ""
    index: dict[str, Any] = {"format": FORMAT, "version": VERSION, "device_id": db.device_id,
                             "device_name": name, "public_key": crypto.public_key_b64(key),
                             "created_at": now().isoformat(), "batches": [], "blobs": []}
    missing = 0
    try:
        with atomic_path(out) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as zf:
            for b in rows:
                assert b.body is not None
                name_ = f"batches/{b.batch_id}.gz"
                zf.writestr(name_, b.body)
                index["batches"].append({
                    "batch_id": b.batch_id, "device_id": b.device_id, "records": b.record_count,
                    "first_seq": b.first_seq, "last_seq": b.last_seq, "signature": b.signature,
                    "public_key": b.public_key, "file": name_, "size": len(b.body),
                    "sha256": hashlib.sha256(b.body).hexdigest(),
                    "seal": pieces.seal_batch(protocol.gunzip_bytes(b.body, 1 << 31), key)})
            for sha in _wanted_blobs(db):
                path = blob_path(attachments, sha)
                if not path.is_file():
                    missing += 1
                    continue
                zf.write(path, f"blobs/{sha}")
                index["blobs"].append({"sha256": sha, "size": path.stat().st_size,
                                       "file": f"blobs/{sha}"})
            raw = protocol.canonical_json(index)
            zf.writestr("index.json", raw)
            zf.writestr("index.sig", crypto.sign(key, raw))
    except OSError as exc:
        raise SalaError(f"เขียนไฟล์ชุดข้อมูลไม่ได้ ({exc.strerror}) ตรวจสอบว่าแฟลชไดรฟ์เสียบอยู่และมีที่ว่าง",
                        f"Cannot write the bundle ({exc.strerror}); check the USB stick is "
                        "plugged in and has free space.") from exc
    return {"batches": len(index["batches"]), "records": sum(b["records"] for b in index["batches"]),
            "photos": len(index["blobs"]), "photos_missing": missing}


# -- import --------------------------------------------------------------------------------------
#
# Import reads the bundle twice, one member at a time: first to check everything (nothing kept
# but the index), then, inside the one database transaction, to keep it — each member's sha256
# checked again as it is copied, so a file changed in between imports nothing. Memory stays
# within a few times the largest allowed member; disk is checked for room before the first write.
# Every bound and shape rule is in ``bundle_checks``.

def _damaged(exc: Exception) -> BundleError:
    if isinstance(exc, checks.DamagedError):
        return BundleError(exc.detail)
    return BundleError(type(exc).__name__)


def _verify_batch(zf: zipfile.ZipFile, meta: dict[str, Any], index: dict[str, Any]) -> store.OpenBatch:
    body = checks.read_member(zf, meta["file"])
    if hashlib.sha256(body).hexdigest() != meta["sha256"]:
        raise BundleError(f"batch {meta['batch_id']} altered")
    if meta["public_key"] != index["public_key"] or meta["device_id"] != index["device_id"]:
        raise BundleError(f"batch {meta['batch_id']} signed by another device")
    raw = protocol.gunzip_bytes(body, checks.MAX_BATCH_UNCOMPRESSED)
    checks.check_batch_json(raw, meta["records"])
    protocol.verify_batch_bytes(raw, meta["signature"], meta["public_key"])
    batch = protocol.parse_batch(raw, max_records=checks.MAX_BATCH_RECORDS)
    if (batch.batch_id != meta["batch_id"] or len(batch.records) != meta["records"]
            or batch.device_id != index["device_id"]):
        raise BundleError(f"batch {meta['batch_id']} does not match the index")
    for rec in batch.records:
        protocol.validate_record(rec, device_id=batch.device_id)
    seal = meta.get("seal")          # bundles made before seals have none
    if seal is not None:
        pieces.verify_seal(raw, seal, meta["public_key"])
    return store.OpenBatch(batch.batch_id, batch.device_id, store.BUNDLE, len(batch.records),
                           body, meta["signature"], meta["public_key"], seal)


def _photo_sha(zf: zipfile.ZipFile, meta: dict[str, Any], sink: Any = None) -> str:
    """sha256 of a photo member, read in steps (and written to ``sink`` if given)."""
    try:
        info = zf.getinfo(meta["file"])
    except KeyError:
        raise BundleError("a listed photo is missing") from None
    if info.file_size != meta["size"]:
        raise BundleError(f"photo {meta['sha256'][:12]} altered")
    h = hashlib.sha256()
    with zf.open(info) as fh:
        while chunk := fh.read(checks.READ_STEP):
            h.update(chunk)
            if sink is not None:
                sink.write(chunk)
    return h.hexdigest()


_READ_ERRORS = (KeyError, TypeError, ValueError, zipfile.BadZipFile, EOFError, OSError,
                UnicodeDecodeError, RecursionError, protocol.ProtocolError, crypto.CryptoError,
                checks.DamagedError)


def _verify(path: Path) -> dict[str, Any]:
    """Check everything in ``path`` (one member at a time); return its index, or raise
    :class:`BundleError` on any doubt."""
    try:
        with checks.open_zip(path) as zf:
            raw = checks.read_member(zf, "index.json")
            sig = checks.read_member(zf, "index.sig").decode("ascii")
            index = checks.check_index(checks.loads(raw))
            crypto.verify(index["public_key"], raw, sig)
            ids = [m["batch_id"] for m in index["batches"]]
            if len(set(ids)) != len(ids):
                raise BundleError("a batch is listed twice")
            for meta in index["batches"]:
                _verify_batch(zf, meta, index)
            for meta in index["blobs"]:
                if _photo_sha(zf, meta) != meta["sha256"]:
                    raise BundleError(f"photo {meta['sha256'][:12]} altered")
    except BundleError:
        raise
    except _READ_ERRORS as exc:
        raise _damaged(exc) from exc
    return index


def _check_room(attachments: Path, index: dict[str, Any]) -> None:
    need = sum(m["size"] for m in index["blobs"]
               if not blob_path(attachments, m["sha256"]).exists())
    need += sum(m.get("size", 0) for m in index["batches"])
    attachments.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(attachments).free
    if need + DISK_MARGIN > free:
        raise SalaError(f"ที่ว่างในเครื่องไม่พอสำหรับนำเข้าชุดข้อมูลนี้ (ต้องการประมาณ {need // (1 << 20) + 1} MB) "
                        "จึงไม่ได้นำเข้าข้อมูลใดเลย",
                        f"Not enough free disk space to import this bundle (about "
                        f"{need // (1 << 20) + 1} MB needed), so nothing was imported.")


DISK_MARGIN = 64 << 20


def _keep_photo(zf: zipfile.ZipFile, attachments: Path, meta: dict[str, Any]) -> None:
    dest = blob_path(attachments, meta["sha256"])
    if dest.exists():
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(dest) as tmp:
        with open(tmp, "wb") as fh:
            got = _photo_sha(zf, meta, fh)
            fh.flush()
            os.fsync(fh.fileno())
        if got != meta["sha256"]:
            raise BundleError(f"photo {meta['sha256'][:12]} altered")


def import_bundle(db: Database, attachments: Path, path: Path) -> dict[str, Any]:
    """Verify ``path`` completely, then keep its batches (in ``db``) and photos (under
    ``attachments``) for forwarding."""
    index = _verify(path)
    origin = index["device_id"]
    if origin == db.device_id:
        raise SalaError("ไฟล์ชุดข้อมูลนี้มาจากเครื่องนี้เอง ไม่ต้องนำเข้า",
                        "This bundle was made on this laptop; there is nothing to import.")
    _check_room(attachments, index)
    name = checks.printable(index.get("device_name", ""))
    new = requeued = 0
    try:
        with checks.open_zip(path) as zf, db.write() as s:
            for meta in index["blobs"]:           # content-addressed: safe to write first
                _keep_photo(zf, attachments, meta)
            dev = s.get(Device, origin)
            if dev is None:
                s.add(Device(id=origin, name=name, is_local=False,
                             last_change_seq=0, last_sync_seq=0, created_at=now()))
            records = 0
            for meta in index["batches"]:
                ob = _verify_batch(zf, meta, index)     # the same bytes as checked, or nothing
                records += ob.record_count
                kept = store.store_forwarded(s, ob, meta["first_seq"], meta["last_seq"], path.name)
                new += kept == "new"
                requeued += kept == "requeued"
            sizes = {m["sha256"]: m["size"] for m in index["blobs"]}
            store.queue_blobs(s, list(sizes), sizes)
            info = {"device_id": origin, "device_name": name,
                    "batches": len(index["batches"]), "new_batches": new, "requeued": requeued,
                    "records": records, "photos": len(sizes),
                    "file": checks.printable(path.name, 255), "made_at": index.get("created_at")}
            s.add(SyncRun(started_at=now(), finished_at=now(), outcome="imported", via="bundle",
                          detail=info, message=""))
    except (BundleError, SalaError):
        raise
    except _READ_ERRORS as exc:
        raise _damaged(exc) from exc
    return info
