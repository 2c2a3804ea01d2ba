"""``SyncService``: what the GUI and the CLI call — enroll, sync, status, history, bundles.

Built once in the composition root. Qt-free and thread-agnostic: :meth:`sync` blocks (the GUI
calls it from a worker thread), every local write is a short ``db.write()`` transaction.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from sala.domain.errors import SalaError
from sala.storage.database import Database
from sala.storage.models import BlobUpload, Device, OutboxEntry, SyncBatch, SyncRun
from sala.sync import batch_store as store
from sala.sync import identity, outbox
from sala.sync.identity import Identity
from sala.sync.run_report import Progress, RetryPolicy, RunReport

# The HTTP client and the engine (httpx and friends, ~0.1 s) load on the first enroll, probe
# or sync, not while the app is starting.


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    reenroll_needed: str | None
    pending: int                 # records not yet answered by the server
    quarantined: int
    photos_pending: int
    photos_missing: int
    last_success: datetime | None
    last_outcome: str | None
    forwarded_open: int          # records from bundles waiting to be forwarded


@dataclass(frozen=True)
class QuarantinedRecord:
    seq: int
    record_id: str
    record_type: str
    session_id: str | None
    state: str
    reason: str


class SyncService:
    def __init__(self, db: Database, data_dir: Path, attachments: Path) -> None:
        self.db = db
        self.data_dir = data_dir
        self.attachments = attachments
        self.identity = Identity(data_dir, db.device_id, db)
        self._running = threading.Lock()

    # -- enrollment ----------------------------------------------------------------------------

    def server_url(self) -> str | None:
        with self.db.read() as s:
            url = identity.URL.get(s)
        return url or None

    def enroll(self, url: str, code: str, name: str | None = None, *,
               allow_http: bool = False) -> str:
        """Enroll this laptop with ``code``; returns where the token was stored.

        The server must prove it holds its signing key (a signed fresh nonce); that key and the
        server id are pinned. A platform pinned by a deployment file must be the one answering.
        ``http://`` (not loopback) only with ``allow_http``, which is then remembered."""
        import secrets

        from sala.sync.client import CentralClient

        with self.db.read() as s:
            expected = identity.pinned(s)
            allow_http = allow_http or bool(identity.ALLOW_HTTP.get(s))
        url = identity.check_url(url, allow_http)
        if expected is not None and expected.by != "deployment":
            expected = None   # an enrollment (with a code) may move the laptop to another platform
        nonce = secrets.token_hex(32)
        with CentralClient(url) as client:
            hello = client.hello(nonce)
            identity.check_hello(hello, nonce, expected)
            secret = identity.check_code(code, hello.signing_key, deployed=expected is not None)
            with self.db.read() as s:
                dev = s.get(Device, self.db.device_id)
                dev_name = name or (dev.name if dev else socket.gethostname())
            ans = client.enroll(secret, self.db.device_id, dev_name,
                                self.identity.signing_key())
        if ans.status != 200 or not isinstance(ans.doc, dict) or "token" not in ans.doc:
            raise _enroll_error(ans.status, ans.error_code)
        where = self.identity.set_token(str(ans.doc["token"]))
        with self.db.write() as s:
            identity.URL.put(s, url)
            identity.pin(s, identity.Pin(hello.server_id, hello.signing_key,
                                         "deployment" if expected is not None else "enrollment"))
            if allow_http:
                identity.ALLOW_HTTP.put(s, True)
            identity.REENROLL.put(s, None)
            identity.RECONCILE.put(s, True)   # see reconcile.py: "when"
            identity.remember_limits(s, hello.limits)
            outbox.SEALING_KEY.put(s, hello.sealing_key)
            outbox.seal_pending_contacts(s)
        return where

    def adopt_deployment(self, path: Path, *, allow_http: bool = False) -> Any:
        """Check a signed deployment file and make this laptop trust its platform
        (``sala setup FILE``); see ``sync/deployment.py``."""
        from sala.sync import deployment
        return deployment.adopt(self.db, deployment.read(path), allow_http=allow_http)

    # -- sync ----------------------------------------------------------------------------------

    def sync(self, *, policy: RetryPolicy | None = None, in_flight: int = 2,
             on_progress: Callable[[Progress], None] | None = None,
             cancel: threading.Event | None = None, reconcile: bool = False) -> RunReport:
        """One run (runs never overlap: a second caller waits for the first).

        ``reconcile`` forces a full reconcile with the server first (``sala sync --reconcile``);
        without it one runs only when due (see ``reconcile.py``)."""
        from sala.sync.engine import SyncEngine

        with self._running:
            url = self.server_url()
            engine = SyncEngine(self.db, self.identity, self.attachments, url or "http://invalid",
                                self.identity.token() if url else None, policy=policy,
                                in_flight=in_flight, on_progress=on_progress, cancel=cancel,
                                reconcile=reconcile)
            report = engine.run()
            if str(report.outcome) == "reenroll":
                with self.db.write() as s:
                    identity.REENROLL.put(s, report.detail or "401")
            return report

    def probe(self) -> bool:
        """Cheap link check (GET /v1/hello): True only for a real sala-central answer."""
        url = self.server_url()
        if not url:
            return False
        try:
            from sala.sync.client import CentralClient

            with CentralClient(url, timeout=10.0) as client:
                client.hello()
            return True
        except SalaError:
            return False

    # -- what the user sees --------------------------------------------------------------------

    def status(self) -> SyncStatus:
        with self.db.read() as s:
            counts = store.outbox_counts(s)
            url = identity.URL.get(s)
            reenroll = identity.REENROLL.get(s)
            blobs = dict(s.execute(select(BlobUpload.state, func.count())
                                   .group_by(BlobUpload.state)).all())
            last_ok = s.scalar(select(func.max(SyncRun.finished_at))
                               .where(SyncRun.outcome.in_(("ok", "photos"))))
            last = s.scalar(select(SyncRun.outcome).where(SyncRun.finished_at.is_not(None))
                            .order_by(SyncRun.started_at.desc()).limit(1))
            fwd = s.scalar(select(func.coalesce(func.sum(SyncBatch.record_count), 0))
                           .where(SyncBatch.via == store.BUNDLE, SyncBatch.state == "open"))
        return SyncStatus(enrolled=bool(url) and self.identity.token() is not None,
                          server_url=str(url) if url else None,
                          reenroll_needed=str(reenroll) if reenroll else None,
                          pending=counts["pending"], quarantined=counts["conflict"] + counts["rejected"],
                          photos_pending=blobs.get("pending", 0),
                          photos_missing=blobs.get("missing", 0) + blobs.get("corrupt", 0),
                          last_success=last_ok, last_outcome=last, forwarded_open=int(fwd or 0))

    def history(self, limit: int = 50) -> list[SyncRun]:
        with self.db.read() as s:
            return list(s.scalars(select(SyncRun).order_by(SyncRun.started_at.desc()).limit(limit)))

    def quarantine(self, limit: int = 500) -> list[QuarantinedRecord]:
        with self.db.read() as s:
            rows = s.scalars(select(OutboxEntry).where(OutboxEntry.state.in_(("conflict", "rejected")))
                             .order_by(OutboxEntry.seq).limit(limit))
            return [QuarantinedRecord(r.seq, r.record_id, r.record_type, r.session_id, r.state, r.reason)
                    for r in rows]

    def missing_photos(self) -> list[str]:
        with self.db.read() as s:
            return list(s.scalars(select(BlobUpload.sha256)
                                  .where(BlobUpload.state.in_(("missing", "corrupt")))))

    def forwarded(self) -> list[dict[str, Any]]:
        """What came from which device by bundle (for the supervisor)."""
        with self.db.read() as s:
            names = {d.id: d.name for d in s.scalars(select(Device).where(Device.is_local.is_(False)))}
            rows = store.forwarded_summary(s)
        for r in rows:
            r["name"] = names.get(r["device_id"], "")
        return rows

    # -- bundles -------------------------------------------------------------------------------

    def export_bundle(self, out: Path) -> dict[str, int]:
        from sala.sync import bundle
        return bundle.export_bundle(self.db, self.identity.signing_key(), self.attachments, out)

    def import_bundle(self, path: Path) -> dict[str, Any]:
        from sala.sync import bundle
        return bundle.import_bundle(self.db, self.attachments, path)


def _enroll_error(status: int, code: str) -> SalaError:
    if code in ("bad_code", "code_used", "code_expired"):
        return SalaError("รหัสลงทะเบียนไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ โปรดขอรหัสใหม่จากผู้ดูแล",
                         "The enrollment code is wrong, already used or expired; ask your "
                         f"supervisor for a new one ({code}).")
    if code == "device_key_mismatch":
        return SalaError("ระบบกลางรู้จักเครื่องนี้ด้วยกุญแจอื่น โปรดติดต่อผู้ดูแลระบบ",
                         "The central platform knows this device id with another key; "
                         "contact the administrator.")
    if code == "device_revoked":
        return SalaError("เครื่องนี้ถูกยกเลิกสิทธิ์ที่ระบบกลาง โปรดให้ผู้ดูแลระบบคืนสิทธิ์ก่อนลงทะเบียนใหม่",
                         "This device was revoked on the central platform; ask the "
                         "administrator to reinstate it before enrolling again.")
    return SalaError(f"ลงทะเบียนไม่สำเร็จ (HTTP {status} {code})",
                     f"Enrollment failed (HTTP {status} {code}).")
