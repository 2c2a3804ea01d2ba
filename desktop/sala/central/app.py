"""The ``sala-central`` ASGI application (FastAPI): the server half of the sync contract.

Handlers stay thin: they authenticate, read the body within limits and hand the blocking
database work to a thread. The rules themselves live in ``auth``, ``ledger``, ``blobstore`` and
``catalog`` so they can be read (and tested) without HTTP.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware

from sala.central import auth, catalog, db, ledger, schemas
from sala.central.blobstore import BlobStore
from sala.central.errors import ApiError
from sala.wire import http, pieces, protocol

ERR = {"model": schemas.ErrorBody}


@dataclass(frozen=True)
class Settings:
    db_url: str
    blobs_dir: Path
    limits: protocol.Limits = field(default_factory=lambda: protocol.Limits(
        max_body_bytes=8 << 20, max_uncompressed_bytes=64 << 20, max_records=5000,
        max_blob_bytes=256 << 20, max_reconcile_ids=100_000))
    max_inflight_batches: int = 32


def _json(doc: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status, headers=headers, media_type="application/json")


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or 413 once it passes ``limit`` (a modest overrun is drained first so
    the client can read our answer instead of a broken pipe)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > 4 * limit:
        raise ApiError(413, "too_large", f"request bodies are limited to {limit} bytes")
    buf = bytearray()
    over = False
    async for chunk in request.stream():
        if not over:
            buf += chunk
            over = len(buf) > limit
    if over:
        raise ApiError(413, "too_large", f"request bodies are limited to {limit} bytes")
    return bytes(buf)


def create_app(settings: Settings, *, migrate: bool = True) -> FastAPI:
    engine = db.make_engine(settings.db_url)
    if migrate:
        db.migrate(engine)
    meta = db.meta(engine)
    limits = settings.limits
    hello = protocol.Hello(name=meta["name"], server_id=meta["server_id"],
                           protocol=protocol.PROTOCOL_VERSION, limits=limits,
                           sealing_key=meta["sealing_public"]).to_json()
    store = BlobStore(settings.blobs_dir, engine, limits.max_blob_bytes)
    inflight = threading.BoundedSemaphore(settings.max_inflight_batches)

    app = FastAPI(title="sala-central", version=str(protocol.PROTOCOL_VERSION),
                  description="Reference ingest service of the Sala sync contract; "
                              "see desktop/sala/sync/PROTOCOL.md.")
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.state.engine = engine

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> Response:
        return _json(exc.to_json(), exc.status, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        return _json({"error": {"code": "invalid_request", "message": str(exc.errors())[:2000]}},
                     422)

    @app.exception_handler(OperationalError)
    async def _busy(_: Request, exc: OperationalError) -> Response:
        return _json({"error": {"code": "busy", "message": "database unavailable; retry"}}, 503,
                     {"Retry-After": "2"})

    async def caller(authorization: str | None) -> auth.Device:
        return await run_in_threadpool(auth.authenticate, engine, authorization)

    @app.get(http.PATH_HELLO, response_model=schemas.HelloModel)
    def get_hello() -> Response:
        """Identity, protocol version, limits and sealing key. No token needed: this is also
        the link probe (a captive portal cannot answer ``"service": "sala-central"``)."""
        return _json(hello)

    @app.post(http.PATH_ENROLL, response_model=schemas.EnrollResponse,
              responses={403: ERR, 409: ERR, 422: ERR})
    def post_enroll(req: schemas.EnrollRequest) -> Response:
        token = auth.enroll(engine, req.code, req.device_id, req.name, req.public_key)
        return _json({"device_id": req.device_id, "token": token,
                      "server_id": meta["server_id"]})

    @app.post(http.PATH_BATCHES, response_model=schemas.BatchResultModel,
              responses={400: ERR, 401: ERR, 403: ERR, 409: ERR, 413: ERR, 429: ERR, 503: ERR},
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"type": "string", "format": "binary",
                                                  "description": "gzip of canonical batch JSON"}}}}})
    async def post_batch(request: Request,
                         authorization: str | None = Header(None),
                         sala_signature: str | None = Header(None),
                         sala_public_key: str | None = Header(None),
                         idempotency_key: str | None = Header(None),
                         sala_piece: str | None = Header(None),
                         sala_piece_proof: str | None = Header(None)) -> Response:
        """Store a signed gzip batch; answer per record only after the commit.

        With ``Sala-Piece``/``Sala-Piece-Proof`` the body is a piece of a sealed batch (a
        supervisor forwarding to a server with smaller limits) and ``Sala-Signature`` is the
        origin's seal; see PROTOCOL.md, "Pieces"."""
        dev = await caller(authorization)
        if not inflight.acquire(blocking=False):
            raise ApiError(429, "too_many_batches", "too many batches in flight; retry",
                           {"Retry-After": "1"})
        try:
            body = await read_body(request, limits.max_body_bytes)
            result = await run_in_threadpool(_process_batch, dev, body, sala_signature,
                                             sala_public_key, idempotency_key,
                                             _piece(sala_piece, sala_piece_proof))
        finally:
            inflight.release()
        return _json(result.to_json())

    def _piece(header: str | None, proof: str | None) -> pieces.PieceInfo | None:
        if header is None:
            return None
        try:
            return pieces.PieceInfo.from_headers(header, proof)
        except (ValueError, TypeError) as exc:
            raise ApiError(400, "bad_piece", f"malformed Sala-Piece headers: {exc}") from exc

    def _process_batch(dev: auth.Device, body: bytes, signature: str | None,
                       public_key: str | None, idem: str | None,
                       piece: pieces.PieceInfo | None = None) -> protocol.BatchResult:
        try:
            raw = protocol.gunzip_bytes(body, limits.max_uncompressed_bytes)
            batch = protocol.parse_batch(raw, max_records=limits.max_records)
        except protocol.LimitError as exc:
            raise ApiError(413, exc.code, exc.message) from exc
        except protocol.DecodeError as exc:
            raise ApiError(400, exc.code, exc.message) from exc
        if idem is not None and idem != batch.batch_id:
            raise ApiError(400, "idempotency_mismatch", "Idempotency-Key must equal batch_id")
        key = auth.origin_key(engine, dev, batch.device_id, public_key)
        if not signature:
            raise ApiError(403, "no_signature", "batches must carry Sala-Signature")
        try:
            if piece is None:
                protocol.verify_batch_bytes(raw, signature, key)
            else:
                pieces.verify_piece(batch, piece, signature, key)
        except protocol.SignatureError as exc:
            raise ApiError(403, "bad_signature",
                           "batch signature does not verify against the device's key") from exc
        return ledger.ingest(engine, batch, body_sha256=hashlib.sha256(raw).hexdigest(),
                             sender=dev, signer_key=key)

    @app.head(http.PATH_BLOBS, responses={200: {"description": "complete; Blob-Length"},
                                               404: {"description": "absent or partial; "
                                                                    "Upload-Offset"}})
    async def head_blob(sha256: str, authorization: str | None = Header(None)) -> Response:
        await caller(authorization)
        st = await run_in_threadpool(store.state, sha256)
        hdr = {http.H_UPLOAD_OFFSET: str(st.offset)}
        if st.complete:
            hdr |= {http.H_BLOB_LENGTH: str(st.offset), "Content-Length": str(st.offset)}
        return Response(status_code=200 if st.complete else 404, headers=hdr)

    @app.put(http.PATH_BLOBS, response_model=schemas.BlobStatus,
             responses={202: {"model": schemas.BlobStatus}, 400: ERR, 401: ERR, 409: ERR,
                        413: ERR, 422: ERR})
    async def put_blob(sha256: str, request: Request, authorization: str | None = Header(None),
                       content_range: str | None = Header(None)) -> Response:
        """Append a chunk (``Content-Range: bytes a-b/total``, a = current offset)."""
        await caller(authorization)
        BlobStore.check(sha256)
        data = await read_body(request, limits.max_body_bytes)
        st = await run_in_threadpool(store.put, sha256, data, content_range)
        return _json({"sha256": sha256, "complete": st.complete, "offset": st.offset},
                     200 if st.complete else 202, {http.H_UPLOAD_OFFSET: str(st.offset)})

    @app.post(http.PATH_RECONCILE, response_model=schemas.ReconcileResponse,
              responses={401: ERR, 403: ERR, 413: ERR})
    async def post_reconcile(req: schemas.ReconcileRequest,
                             authorization: str | None = Header(None)) -> Response:
        """Which of these record ids / seq ranges of ``device_id`` the server lacks. A device asks
        only about its own records: what another laptop sent is not its business."""
        dev = await caller(authorization)
        if req.device_id != dev.device_id:
            raise ApiError(403, "not_your_device", "a device may reconcile only its own records")
        span = sum(max(0, b - a + 1) for a, b in req.ranges)
        if len(req.ids) + span > limits.max_reconcile_ids:
            raise ApiError(413, "too_many_ids",
                           f"ask about at most {limits.max_reconcile_ids} ids/seqs at once")
        return _json(await run_in_threadpool(ledger.reconcile, engine, req.device_id, req.ids,
                                             req.ranges, req.hashes))

    @app.get(http.PATH_CATALOG, response_model=schemas.CatalogResponse,
             responses={401: ERR})
    async def get_catalog(since: int = Query(0, ge=0),
                          authorization: str | None = Header(None)) -> Response:
        """Catalogue items changed after revision ``since`` (0 = everything)."""
        await caller(authorization)
        return _json(await run_in_threadpool(catalog.catalog_since, engine, since))

    app.state.settings_json = {"limits": asdict(limits)}
    return app
