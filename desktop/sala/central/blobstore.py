"""Content-addressed, resumable blob storage beside the database.

Layout: ``DIR/ab/abcdef…`` for complete blobs (named by their sha256),
``DIR/partial/<device key>/<sha>`` for uploads in progress. The partial file's length *is* the
resume offset, so a server restart loses nothing already written. Uploads in progress belong
to the device that started them (another device cannot append a chunk to them), and one left
untouched for ``partial_ttl_s`` is deleted. A blob becomes complete only after its sha256 is verified; then
it is published the one way every file is (:mod:`sala.files`: fsync, rename, fsync the folder, so a
power cut leaves it absent or whole) and recorded in the ``blobs`` table (which is what
``missing_blobs`` in batch answers consult).
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from sala.central import tables as t
from sala.central.db import insert_ignore, write_tx
from sala.central.errors import ApiError
from sala.files import blob_path, fsync_dir, publish
from sala.wire.protocol import SHA256_RE

_RANGE_RE = re.compile(r"^bytes (\d{1,19})-(\d{1,19})/(\d{1,19})\Z")  # < 2**63: no bignums
DEFAULT_PARTIAL_TTL_S = 24 * 3600


@dataclass(frozen=True)
class BlobState:
    complete: bool
    offset: int  # bytes held: the full size when complete


class BlobStore:
    def __init__(self, root: Path, engine: Engine, max_blob_bytes: int,
                 partial_ttl_s: float = DEFAULT_PARTIAL_TTL_S) -> None:
        self.root = root
        self.engine = engine
        self.max_blob_bytes = max_blob_bytes
        self.partial_ttl_s = partial_ttl_s
        (root / "partial").mkdir(parents=True, exist_ok=True)
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._guard = threading.Lock()
        self.sweep()

    def _lock(self, device_id: str, sha: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault((device_id, sha), threading.Lock())

    def sweep(self) -> int:
        """Delete uploads in progress untouched for ``partial_ttl_s``; returns how many."""
        cutoff = time.time() - self.partial_ttl_s
        gone = 0
        for part in (self.root / "partial").glob("*/*"):
            try:
                if part.stat().st_mtime < cutoff:
                    part.unlink()
                    gone += 1
            except FileNotFoundError:
                pass
        return gone

    @staticmethod
    def check(sha: str) -> str:
        if not SHA256_RE.match(sha):
            raise ApiError(400, "bad_sha256", "blob name must be lowercase sha256 hex")
        return sha

    def final_path(self, sha: str) -> Path:
        return blob_path(self.root, sha)

    def partial_path(self, device_id: str, sha: str) -> Path:
        owner = hashlib.sha256(device_id.encode("utf-8")).hexdigest()[:24]
        return self.root / "partial" / owner / sha

    def state(self, sha: str, device_id: str) -> BlobState:
        """Complete (anyone's upload), else what ``device_id``'s own upload holds."""
        final = self.final_path(self.check(sha))
        if final.exists():
            return BlobState(True, final.stat().st_size)
        part = self.partial_path(device_id, sha)
        return BlobState(False, part.stat().st_size if part.exists() else 0)

    def put(self, sha: str, data: bytes, content_range: str | None,
            device_id: str) -> BlobState:
        """Append one chunk at ``device_id``'s current offset; finish and verify on the last
        byte."""
        self.check(sha)
        if content_range is None:
            start, total = 0, len(data)
        else:
            m = _RANGE_RE.match(content_range.strip())
            if not m:
                raise ApiError(400, "bad_range", "Content-Range must be 'bytes a-b/total'")
            start, end, total = (int(x) for x in m.groups())
            if end < start or end - start + 1 != len(data) or end >= total:
                raise ApiError(400, "bad_range", "Content-Range does not match the body")
        if total > self.max_blob_bytes:
            raise ApiError(413, "blob_too_large", f"blobs are limited to {self.max_blob_bytes}")
        if start == 0:
            self.sweep()
        with self._lock(device_id, sha):
            state = self.state(sha, device_id)
            if state.complete:
                return state
            if start != state.offset:
                raise ApiError(409, "offset_mismatch",
                               f"upload continues at byte {state.offset}",
                               {"Upload-Offset": str(state.offset)})
            part = self.partial_path(device_id, sha)
            if not part.parent.exists():
                part.parent.mkdir()
                fsync_dir(part.parent.parent)
            with open(part, "ab") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            offset = start + len(data)
            if offset < total:
                return BlobState(False, offset)
            return self._finish(sha, part, total)

    def _finish(self, sha: str, part: Path, total: int) -> BlobState:
        h = hashlib.sha256()
        with open(part, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        if h.hexdigest() != sha:
            part.unlink(missing_ok=True)
            raise ApiError(422, "hash_mismatch",
                           "uploaded bytes do not hash to the blob name; upload again from 0",
                           {"Upload-Offset": "0"})
        final = self.final_path(sha)
        if not final.parent.exists():
            final.parent.mkdir(exist_ok=True)
            fsync_dir(self.root)
        publish(part, final)
        with write_tx(self.engine) as conn:
            insert_ignore(conn, t.blobs, {"sha256": sha, "size": total,
                                          "completed_at": time.time()}, ["sha256"])
        return BlobState(True, total)
