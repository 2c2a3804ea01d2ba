"""Photos after text: content-addressed, resumable uploads driven by ``BlobUpload`` rows.

HEAD tells how many bytes the server holds; PUT appends from exactly there with a
``Content-Range``; each stored chunk's offset is written to ``BlobUpload.uploaded`` so a cut
link or a closed laptop resumes instead of starting over. A photo whose file has gone missing
is marked ``missing`` (and said so) — it never blocks or duplicates the record it belongs to.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, update

from sala.domain.clock import now
from sala.storage.models import BlobUpload
from sala.wire import http, protocol
from sala.sync.client import CentralClient, NoLink
from sala.sync.messages import Outcome

if TYPE_CHECKING:
    from sala.sync.engine import SyncEngine

CHUNK = 1 << 20


def blob_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


def _set(engine: SyncEngine, sha: str, **values: object) -> None:
    with engine.db.write() as s:
        s.execute(update(BlobUpload).where(BlobUpload.sha256 == sha).values(updated_at=now(), **values))


def upload_pending(engine: SyncEngine, client: CentralClient, limits: protocol.Limits) -> None:
    """Upload every pending blob; raises the engine's stop on no link / re-enroll."""
    with engine.db.read() as s:
        shas = list(s.scalars(select(BlobUpload.sha256).where(BlobUpload.state == "pending")
                              .order_by(BlobUpload.updated_at)))
    chunk = max(1024, min(CHUNK, limits.max_body_bytes - 1024))
    for i, sha in enumerate(shas):
        engine._progress("photos", i, len(shas))
        path = blob_path(engine.attachments, sha)
        if not path.is_file():
            _set(engine, sha, state="missing")
            continue
        if _upload(engine, client, sha, path, chunk):
            engine.report.blobs["uploaded"] += 1
    engine._progress("photos", len(shas), len(shas))


def _upload(engine: SyncEngine, client: CentralClient, sha: str, path: Path, chunk: int) -> bool:
    from sala.sync.engine import _Stop
    size = path.stat().st_size
    failures = restarts = 0
    while True:
        if engine.cancel.is_set():
            raise _Stop(Outcome.CANCELLED)
        try:
            head = client.head_blob(sha)
            if head.status in (401, 403):
                raise _Stop(Outcome.REENROLL, f"{head.status} on blob HEAD")
            if head.status == 200:
                _set(engine, sha, state="done", size=size, uploaded=size)
                return True
            offset = int(head.headers.get(http.H_UPLOAD_OFFSET.lower(), 0) or 0)
            if head.status != 404 or offset > size:
                raise NoLink(f"HEAD answered {head.status}")
            with path.open("rb") as f:
                f.seek(offset)
                while offset < size:
                    data = f.read(chunk)
                    ans = client.put_blob(sha, data, offset, size)
                    engine._count_bytes(ans)
                    act = http.action_for(ans.status, blob=True)
                    if ans.status in (200, 202):
                        offset = int(ans.headers.get(http.H_UPLOAD_OFFSET.lower(), offset + len(data)))
                        _set(engine, sha, uploaded=offset, size=size)
                        if ans.status == 200:
                            _set(engine, sha, state="done")
                            return True
                        f.seek(offset)
                        failures = 0
                        continue
                    if act is http.Action.REENROLL:
                        raise _Stop(Outcome.REENROLL, f"{ans.status} on blob PUT")
                    if act is http.Action.RESYNC_BLOB:
                        break                      # HEAD again for the true offset
                    if ans.status == 422:          # the file is not what its name says
                        restarts += 1
                        if restarts > 1 or _sha_of(path) != sha:
                            _set(engine, sha, state="corrupt")
                            return False
                        break
                    if ans.status == 413 and chunk > 1024:
                        chunk //= 2
                        break
                    if act is http.Action.RETRY_AFTER:
                        engine.policy.sleep(min(engine.policy.max_wait, ans.retry_after() or 1.0))
                        break
                    raise NoLink(f"blob PUT answered {ans.status}")
        except NoLink as exc:
            failures = engine._backoff(failures, exc.detail)


def _sha_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
