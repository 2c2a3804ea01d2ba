"""Photos after text: content-addressed, resumable uploads driven by ``BlobUpload`` rows.

HEAD tells how many bytes the server holds; PUT appends from exactly there with a
``Content-Range``; each stored chunk's offset is written to ``BlobUpload.uploaded`` so a cut
link or a closed laptop resumes instead of starting over. A photo whose file has gone missing
is marked ``missing`` (and said so) — it never blocks or duplicates the record it belongs to.
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

from sqlalchemy import select, update

from sala.domain.clock import now
from sala.files import blob_path
from sala.storage.models import BlobUpload
from sala.sync.context import RunContext
from sala.sync.retry import Tries, request
from sala.wire import http

CHUNK = 1 << 20


def _set(ctx: RunContext, sha: str, **values: object) -> None:
    with ctx.db.write() as s:
        s.execute(update(BlobUpload).where(BlobUpload.sha256 == sha).values(updated_at=now(), **values))


def run(ctx: RunContext) -> None:
    """Upload every pending blob; raises the run's stop on no link / re-enroll / cancel."""
    with ctx.db.read() as s:
        shas = list(s.scalars(select(BlobUpload.sha256).where(BlobUpload.state == "pending")
                              .order_by(BlobUpload.updated_at)))
    chunk = max(1024, min(CHUNK, ctx.limits.max_body_bytes - 1024))
    for i, sha in enumerate(shas):
        ctx.progress("photos", i, len(shas))
        path = blob_path(ctx.attachments, sha)
        if not path.is_file():
            _set(ctx, sha, state="missing")
            continue
        if _upload(ctx, sha, path, chunk):
            ctx.report.blobs["uploaded"] += 1
    ctx.progress("photos", len(shas), len(shas))


def _upload(ctx: RunContext, sha: str, path: Path, chunk: int) -> bool:
    size = path.stat().st_size
    client = ctx.client
    tries = Tries()
    restarts = 0
    while True:
        head = request(ctx, partial(client.head_blob, sha), "blob HEAD", blob=True, tries=tries)
        if head.status == 200:
            _set(ctx, sha, state="done", size=size, uploaded=size)
            return True
        offset = int(head.headers.get(http.H_UPLOAD_OFFSET.lower(), 0) or 0)
        if head.status != 404 or offset > size:
            tries.backoff(ctx, f"HEAD answered {head.status}")
            continue
        with path.open("rb") as f:
            f.seek(offset)
            while offset < size:
                data = f.read(chunk)
                ans = request(ctx, partial(client.put_blob, sha, data, offset, size), "blob PUT",
                              blob=True, tries=tries)
                if ans.status in (200, 202):
                    offset = int(ans.headers.get(http.H_UPLOAD_OFFSET.lower(), offset + len(data)))
                    _set(ctx, sha, uploaded=offset, size=size)
                    if ans.status == 200:
                        _set(ctx, sha, state="done")
                        return True
                    f.seek(offset)
                    tries.failures = 0
                    continue
                if http.action_for(ans.status, blob=True) is http.Action.RESYNC_BLOB:
                    break                      # HEAD again for the true offset
                if ans.status == 422:          # the file is not what its name says
                    restarts += 1
                    if restarts > 1 or _sha_of(path) != sha:
                        _set(ctx, sha, state="corrupt")
                        return False
                    break
                if ans.status == 413 and chunk > 1024:
                    chunk //= 2
                    break
                tries.backoff(ctx, f"blob PUT answered {ans.status}")
                break


def _sha_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
