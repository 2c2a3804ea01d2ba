"""Bundles as an attacker makes them: signed with a key of their own (so the signature checks
pass and the importer's other defences are what is tested), with any index, member or
compression they like."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from sala.storage.models import BlobUpload, Device, SyncBatch
from sala.wire import crypto, pieces, protocol

DEVICE = "forged-laptop-01"


def signed_batch(key: Ed25519PrivateKey, n: int = 3, first_seq: int = 1,
                 device: str = DEVICE) -> tuple[protocol.SignedBatch, dict[str, Any]]:
    recs = [protocol.make_record(device_id=device, seq=first_seq + i, type="contribution",
                                 body={"text": f"idea {i}", "kind": "idea", "stance": "support"})
            for i in range(n)]
    sb = protocol.sign_batch(protocol.Batch(device_id=device, records=list(recs)), key)
    raw = protocol.gunzip_bytes(sb.body, 1 << 30)
    meta = {"batch_id": sb.batch_id, "device_id": device, "records": n, "first_seq": first_seq,
            "last_seq": first_seq + n - 1, "signature": sb.signature,
            "public_key": sb.public_key, "file": f"batches/{sb.batch_id}.gz",
            "size": len(sb.body), "sha256": hashlib.sha256(sb.body).hexdigest(),
            "seal": pieces.seal_batch(raw, key)}
    return sb, meta


def forge(out: Path, *, key: Ed25519PrivateKey | None = None, name: str = "field laptop",
          photos: list[bytes] = (), edit: Callable[[dict[str, Any]], Any] | None = None,
          raw_index: bytes | None = None, extra: Callable[[zipfile.ZipFile], None] | None = None,
          batches: int = 1) -> Path:
    """Write a bundle to ``out``: ``edit`` may change (or replace) the index before it is
    signed; ``raw_index`` replaces it with any bytes; ``extra`` adds members."""
    key = key or Ed25519PrivateKey.generate()
    index: dict[str, Any] = {"format": "sala-bundle", "version": 1, "device_id": DEVICE,
                             "device_name": name, "public_key": crypto.public_key_b64(key),
                             "created_at": "2026-11-30T10:00:00+00:00", "batches": [], "blobs": []}
    members: dict[str, bytes] = {}
    for i in range(batches):
        sb, meta = signed_batch(key, first_seq=1 + 3 * i)
        members[meta["file"]] = sb.body
        index["batches"].append(meta)
    for data in photos:
        sha = hashlib.sha256(data).hexdigest()
        members[f"blobs/{sha}"] = data
        index["blobs"].append({"sha256": sha, "size": len(data), "file": f"blobs/{sha}"})
    doc: Any = index
    if edit is not None:
        got = edit(index)
        doc = index if got is None else got
    raw = raw_index if raw_index is not None else protocol.canonical_json(doc)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for n, data in members.items():
            zf.writestr(n, data)
        if extra is not None:
            extra(zf)
        zf.writestr("index.json", raw)
        zf.writestr("index.sig", crypto.sign(key, raw))
    return out


def nothing_kept(svc: Any) -> bool:
    """No forwarded batch, no foreign device, no photo row and no photo file on ``svc``."""
    with svc.db.read() as s:
        rows = (s.scalar(select(func.count()).select_from(SyncBatch).where(SyncBatch.via == "bundle")),
                s.scalar(select(func.count()).select_from(Device).where(Device.is_local.is_(False))),
                s.scalar(select(func.count()).select_from(BlobUpload)))
    files = [p for p in svc.paths.attachments.rglob("*") if p.is_file()] \
        if svc.paths.attachments.exists() else []
    return rows == (0, 0, 0) and not files
