"""The ``sala-central`` ASGI application (FastAPI): the server half of the sync contract.

Handlers stay thin: they authenticate, read the body within limits and hand the blocking
database work to a thread. The rules themselves live in ``auth``, ``ledger``, ``blobstore`` and
``catalog`` so they can be read (and tested) without HTTP.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.exc import OperationalError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from sala.central import admission, auth, bodies, catalog, db, ledger, schemas
from sala.central.blobstore import DEFAULT_PARTIAL_TTL_S, BlobStore
from sala.central.errors import ApiError
from sala.wire import crypto, http, pieces, protocol
from sala.wire import enroll as enroll_wire

ERR = {"model": schemas.ErrorBody}
# token lookups at once in one process: a burst of devices not yet in the token cache waits
# for these rather than open a database connection each (the pool holds db.POOL_SIZE)
LOOKUPS = 6
MAX_INT64 = 2**63 - 1
M = TypeVar("M", bound=BaseModel)
log = logging.getLogger(__name__)


def _json_body(model: type[BaseModel]) -> dict[str, Any]:
    """OpenAPI request body of a handler that reads and validates its JSON by hand (within
    the body limit, before parsing)."""
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


@dataclass(frozen=True)
class Settings:
    db_url: str
    blobs_dir: Path
    limits: protocol.Limits = field(default_factory=lambda: protocol.Limits(
        max_body_bytes=8 << 20, max_uncompressed_bytes=16 << 20, max_records=5000,
        max_blob_bytes=256 << 20, max_reconcile_ids=100_000))
    # admission (admission.py): batches inside one process at once, and per device
    max_inflight_batches: int = 64     # a bound on count; the budget (max_wait_s) binds first
    max_inflight_per_device: int = 4
    max_wait_s: float = 0.5            # the wait a batch let in may have ahead (admission.Door)
    # batches stored at once (threads, database connections); the rest wait in arrival order
    max_processing_batches: int = 4
    # memory: bodies held while read, and batches while decompressed, parsed and stored
    # (the largest batch the limits allow, 16 MB of JSON holding 200 values a record, needs
    # 176 MB by admission.batch_memory; one beyond the work budget is refused, 413)
    body_budget_bytes: int = 24 << 20
    work_budget_bytes: int = 192 << 20
    token_cache_s: float = 5.0         # a verified token spares batches a lookup this long
    body_timeout_s: float = 30.0       # an upload idle this long is cut (408)
    partial_ttl_s: float = DEFAULT_PARTIAL_TTL_S


def _json(doc: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, status, headers=headers, media_type="application/json")


def _error(status: int, code: str, message: str,
           headers: Mapping[str, str] | None = None) -> Response:
    return _json({"error": {"code": code, "message": message}}, status, headers)


def _validation_message(errors: Sequence[Any]) -> str:
    """Where and what, never the input itself (an enrollment code must not come back)."""
    parts = []
    for e in list(errors)[:10]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query"))
        parts.append(f"{loc or 'body'}: {e.get('msg', 'invalid')}")
    return "; ".join(parts)[:1000]


def _model(model: type[M], doc: Any) -> M:
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        raise ApiError(422, "invalid_request", _validation_message(exc.errors())) from None


_PIECE_RE = re.compile(r"^([0-9a-f-]{36}) (\d{1,9})-(\d{1,9})/(\d{1,9})\Z")
MAX_PIECE_PROOF = 64 * 2 * 44      # base64 of at most two 32-byte hashes per level, 64 levels


def _parse_batch(raw: bytes, max_records: int) -> protocol.Batch:
    """Bounded parse of uncompressed batch bytes; the envelope is checked, records later."""
    doc = bodies.loads(raw)
    if not isinstance(doc, dict) or set(doc) != {"protocol", "batch_id", "device_id", "records"}:
        raise ApiError(400, "malformed", "batch fields are protocol, batch_id, device_id, records")
    if doc["protocol"] != protocol.PROTOCOL_VERSION or type(doc["protocol"]) is not int:
        raise ApiError(400, "unsupported_protocol",
                       f"unsupported protocol; this service speaks {protocol.PROTOCOL_VERSION}")
    if not isinstance(doc["batch_id"], str) or not protocol.UUID_RE.match(doc["batch_id"]):
        raise ApiError(400, "bad_batch_id", "batch_id must be a lowercase UUID string")
    if not isinstance(doc["device_id"], str) or not protocol.DEVICE_ID_RE.match(doc["device_id"]):
        raise ApiError(400, "bad_device_id", "device_id is not a valid device id")
    if not isinstance(doc["records"], list):
        raise ApiError(400, "malformed", "records must be a list")
    if len(doc["records"]) > max_records:
        raise ApiError(413, "too_many_records", f"more than {max_records} records in one batch")
    return protocol.Batch(device_id=doc["device_id"], records=doc["records"],
                          batch_id=doc["batch_id"], protocol=doc["protocol"])


DRAIN_S = 2.0   # a refused request's body is read and dropped for at most this long


async def _refused(request: Request, exc: ApiError, limit: int) -> ApiError:
    """A refusal at the door, answered on a connection closed after it: the device's next try
    connects anew, and with several service processes the kernel hands it to whichever takes
    it first, usually one with room (a kept-alive connection would bring every retry back to
    the process that refused it). What has come of the body is read and dropped first (at most
    ``limit`` bytes, :data:`DRAIN_S` seconds, no memory kept): closing over unread bytes resets
    the connection, and the answer with it; an upload that stalls is answered all the same."""
    async def drain() -> None:
        seen = 0
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > limit:
                break
    try:
        await asyncio.wait_for(drain(), DRAIN_S)
    except (TimeoutError, ApiError):   # stalled, or cut by the body guard: answered anyway
        pass
    return ApiError(exc.status, exc.code, exc.message, exc.headers | {"Connection": "close"})


def _piece(header: str | None, proof: str | None, max_records: int) -> pieces.PieceInfo | None:
    """Sala-Piece headers checked for sane sizes before any arithmetic on them."""
    if header is None:
        return None
    m = _PIECE_RE.match(header.strip())
    if not m or len(proof or "") > MAX_PIECE_PROOF:
        raise ApiError(400, "bad_piece", "malformed Sala-Piece headers")
    lo, hi, n = int(m[2]), int(m[3]), int(m[4])
    if not (0 <= lo < hi <= n) or hi - lo > max_records:
        raise ApiError(400, "bad_piece", "Sala-Piece range is empty, inverted or too long")
    try:
        return pieces.PieceInfo.from_headers(header, proof)
    except (ValueError, TypeError):
        raise ApiError(400, "bad_piece", "malformed Sala-Piece headers") from None


def create_app(settings: Settings, *, migrate: bool = True) -> FastAPI:
    engine = db.make_engine(settings.db_url)
    if migrate:
        db.migrate(engine)
    meta = db.meta(engine)
    # the connections batches will need, opened now: a crowd that finds none open waits for
    # each to be made (a PostgreSQL connection is a process; the first batches took 2.4×)
    db.warm_pool(engine, settings.max_processing_batches)
    limits = settings.limits
    signing_key = crypto.signing_key_from_bytes(crypto.b64d(meta["signing_private"]))
    hello = protocol.Hello(name=meta["name"], server_id=meta["server_id"],
                           protocol=protocol.PROTOCOL_VERSION, limits=limits,
                           sealing_key=meta["sealing_public"],
                           signing_key=meta["signing_public"]).to_json()
    nonce_re = re.compile(enroll_wire.NONCE_RE)
    store = BlobStore(settings.blobs_dir, engine, limits.max_blob_bytes, settings.partial_ttl_s)
    door = admission.Door(per_device=settings.max_inflight_per_device,
                          max_inside=settings.max_inflight_batches,
                          max_wait_s=settings.max_wait_s)
    tokens = admission.TokenCache(settings.token_cache_s)
    body_budget = admission.Budget(max(settings.body_budget_bytes, limits.max_body_bytes))
    work_budget = admission.Budget(settings.work_budget_bytes)
    processing = asyncio.Semaphore(settings.max_processing_batches)
    lookups = asyncio.Semaphore(LOOKUPS)
    challenges = auth.Challenges(meta["sealing_private"])
    json_cap = max(limits.max_body_bytes, bodies.MIN_JSON_BODY_BYTES)
    batch_values = bodies.value_budget(limits.max_records)
    reconcile_values = 4 * limits.max_reconcile_ids + 1000

    app = FastAPI(title="sala-central", version=str(protocol.PROTOCOL_VERSION),
                  description="Reference ingest service of the Sala sync contract; "
                              "see desktop/sala/sync/PROTOCOL.md. Every error answers "
                              '{"error": {"code", "message"}}.')
    # level 1: a 5,000-record answer compresses 12× at level 1 too; level 9 cost ~10% of a
    # batch's CPU (profiled)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=1)
    app.add_middleware(bodies.BodyGuard, hard_limit=4 * json_cap,
                       idle_timeout_s=settings.body_timeout_s)
    app.state.engine = engine
    app.state.admission = (door, tokens, body_budget, work_budget)   # read by tests

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> Response:
        return _json(exc.to_json(), exc.status, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> Response:
        return _error(422, "invalid_request", _validation_message(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail)[:200], exc.headers)

    @app.exception_handler(OperationalError)
    async def _busy(_: Request, exc: OperationalError) -> Response:
        return _error(503, "busy", "database unavailable; retry", {"Retry-After": "2"})

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> Response:
        # A bug, not bad input (bad input is always answered above): logged, shape kept.
        log.error("unhandled error", exc_info=exc)
        return _error(500, "internal", "internal error")

    async def caller(authorization: str | None) -> auth.Device:
        """The device behind the token, looked up every time (reads and blobs; batches use
        the cache of verified tokens, as they check the token again in their transaction)."""
        async with lookups:
            dev = await run_in_threadpool(auth.authenticate, engine, authorization)
        key = admission.token_key(authorization)
        if key:
            tokens.put(key, dev)
        return dev

    @app.get(http.PATH_HELLO, response_model=schemas.HelloModel)
    def get_hello(nonce: str | None = Query(None, max_length=128,
                                            description="32-128 lowercase hex digits; the "
                                                        "answer's proof signs it")) -> Response:
        """Identity, protocol version, limits, sealing key and signing key. No token needed:
        this is also the link probe (a captive portal cannot answer ``"service":
        "sala-central"``). With ``nonce``, ``proof`` signs it with the platform's signing key
        together with the server id and sealing key (PROTOCOL.md, "The platform's identity")."""
        if nonce is None:
            return _json(hello)
        if not nonce_re.match(nonce):
            raise ApiError(422, "bad_nonce", "nonce: 32 to 128 lowercase hex digits")
        proof = enroll_wire.sign_hello(signing_key, nonce=nonce, server_id=meta["server_id"],
                                       sealing_key=meta["sealing_public"],
                                       sealing_alg=crypto.SEAL_ALG)
        return _json({**hello, "proof": proof})

    @app.post(enroll_wire.PATH_CHALLENGE, response_model=schemas.ChallengeResponse)
    def post_challenge() -> Response:
        """A fresh challenge to sign for enrollment (valid a few minutes, used once)."""
        return _json({"challenge": challenges.issue(), "expires_in": int(challenges.ttl_s),
                      "server_id": meta["server_id"]})

    @app.post(http.PATH_ENROLL, response_model=schemas.EnrollResponse,
              responses={400: ERR, 403: ERR, 409: ERR, 413: ERR, 422: ERR},
              openapi_extra=_json_body(schemas.EnrollRequest))
    async def post_enroll(request: Request) -> Response:
        """Enroll a device: an unused code, plus proof of its key (the challenge, signed)."""
        raw = await bodies.read_body(request, bodies.ENROLL_BODY_BYTES)
        req = _model(schemas.EnrollRequest, bodies.loads(raw, max_values=100))
        token = await run_in_threadpool(
            lambda: auth.enroll(engine, req.code, req.device_id, req.name, req.public_key,
                                challenges=challenges, challenge=req.challenge,
                                signature=req.signature, server_id=meta["server_id"]))
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
                         sala_piece_proof: str | None = Header(None),
                         sala_vouch: str | None = Header(None)) -> Response:
        """Store a signed gzip batch; answer per record only after the commit.

        With ``Sala-Piece``/``Sala-Piece-Proof`` the body is a piece of a sealed batch (a
        supervisor forwarding to a server with smaller limits) and ``Sala-Signature`` is the
        origin's seal; see PROTOCOL.md, "Pieces"."""
        key = admission.token_key(authorization)
        if key is None:
            await caller(authorization)            # 401 in the documented words
            raise AssertionError("unreachable")
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and len(declared) <= 18 and int(declared) <= limits.max_body_bytes:
            reserve = max(1, int(declared))
        elif declared:
            await bodies.read_body(request, limits.max_body_bytes)   # 413, drained
            raise AssertionError("unreachable")
        else:   # chunked: a first step, grown while read if the budget has room (else 503)
            reserve = min(limits.max_body_bytes, admission.CHUNKED_FIRST_BYTES)
        try:
            ticket = door.enter(key, reserve, idempotency_key)    # 429: no database work
        except ApiError as exc:
            raise await _refused(request, exc, limits.max_body_bytes) from None
        # a verified token spares the lookup; otherwise it is made in the thread that stores
        # the batch, first (under load a thread hop costs more than the lookup): an unknown
        # token is answered 401 once its body is read, as a kept-alive connection reads it
        # anyway, and before any fault of the batch is
        cached: auth.Device | None = tokens.get(key)
        checked = cached is not None
        try:
            piece = _piece(sala_piece, sala_piece_proof, limits.max_records)
            held = [reserve]

            def grow(seen: int) -> None:
                if seen > held[0]:
                    more = max(seen - held[0], 1 << 20)
                    if not body_budget.try_take(more):
                        raise ApiError(503, "busy", "the service is short of memory for "
                                       "bodies without Content-Length; retry",
                                       {"Retry-After": "2"})
                    held[0] += more

            await body_budget.take(reserve)
            try:
                body = await bodies.read_body(request, limits.max_body_bytes, grow)
                door.ready(ticket)
                measured = bodies.measure_gzip_inline(body, limits.max_uncompressed_bytes,
                                                      batch_values)
                if measured is None:
                    measured = await run_in_threadpool(
                        bodies.measure_gzip, body, limits.max_uncompressed_bytes, batch_values)
                size, values, astral = measured
                need = admission.batch_memory(size, values, astral)
                if need > work_budget.total:
                    raise ApiError(413, "too_complex", "this batch would need more memory than "
                                   "the service gives one batch; send fewer records per batch")
                await work_budget.take(need)
                try:
                    async with processing:
                        checked = True          # the lookup comes first in there
                        door.working(ticket)
                        dev, result = await run_in_threadpool(
                            _process_batch, cached, authorization, body, size, sala_signature,
                            sala_public_key, idempotency_key, piece, key, sala_vouch)
                finally:
                    work_budget.give(need)
                if cached is None:
                    tokens.put(key, dev)
                door.verified(key)
            finally:
                body_budget.give(held[0])
        except ApiError as exc:
            if exc.status == 401:
                tokens.drop(key)
            elif not checked:                   # an unknown token is told so first
                await caller(authorization)
            raise
        finally:
            door.leave(ticket)
        return _json(result.to_json())

    def _process_batch(cached: auth.Device | None, authorization: str | None, body: bytes,
                       size: int, signature: str | None, public_key: str | None,
                       idem: str | None, piece: pieces.PieceInfo | None, token_hash: str,
                       vouch: str | None = None) -> tuple[auth.Device, protocol.BatchResult]:
        """The sender (``cached``, or looked up by its token: 401) and its batch's result."""
        dev = cached or auth.authenticate(engine, authorization)
        raw = bodies.gunzip_measured(body, size)
        batch = _parse_batch(raw, limits.max_records)
        if idem is not None and idem != batch.batch_id:
            raise ApiError(400, "idempotency_mismatch", "Idempotency-Key must equal batch_id")
        key = auth.origin_key(engine, dev, batch.device_id, public_key, vouch, meta["server_id"])
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
        except RecursionError:
            raise ApiError(400, "too_deep", "JSON nested too deeply") from None
        return dev, ledger.ingest(engine, batch, body_sha256=hashlib.sha256(raw).hexdigest(),
                                  sender=dev, signer_key=key, token_hash=token_hash)

    @app.head(http.PATH_BLOBS, responses={200: {"description": "complete; Blob-Length"},
                                               404: {"description": "absent or partial; "
                                                                    "Upload-Offset"}})
    async def head_blob(sha256: str, authorization: str | None = Header(None)) -> Response:
        dev = await caller(authorization)
        st = await run_in_threadpool(store.state, BlobStore.check(sha256), dev.device_id)
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
        dev = await caller(authorization)
        BlobStore.check(sha256)
        data = await bodies.read_body(request, limits.max_body_bytes)
        st = await run_in_threadpool(store.put, sha256, data, content_range, dev.device_id)
        return _json({"sha256": sha256, "complete": st.complete, "offset": st.offset},
                     200 if st.complete else 202, {http.H_UPLOAD_OFFSET: str(st.offset)})

    @app.post(http.PATH_RECONCILE, response_model=schemas.ReconcileResponse,
              responses={400: ERR, 401: ERR, 403: ERR, 413: ERR, 422: ERR},
              openapi_extra=_json_body(schemas.ReconcileRequest))
    async def post_reconcile(request: Request,
                             authorization: str | None = Header(None)) -> Response:
        """Which of these record ids / seq ranges of ``device_id`` the server lacks. A device asks
        only about its own records: what another laptop sent is not its business."""
        dev = await caller(authorization)
        raw = await bodies.read_body(request, json_cap)
        req = _model(schemas.ReconcileRequest, bodies.loads(raw, max_values=reconcile_values))
        if req.device_id != dev.device_id:
            raise ApiError(403, "not_your_device", "a device may reconcile only its own records")
        if any(a > b for a, b in req.ranges):
            raise ApiError(422, "bad_range", "a seq range is [from, to] with from <= to")
        # every range costs at least one: 200,000 tiny ranges are 200,000 lookups
        span = sum(b - a + 1 for a, b in req.ranges)
        if len(req.ids) + span > limits.max_reconcile_ids:
            raise ApiError(413, "too_many_ids",
                           f"ask about at most {limits.max_reconcile_ids} ids/seqs at once")
        return _json(await run_in_threadpool(ledger.reconcile, engine, req.device_id, req.ids,
                                             req.ranges, req.hashes))

    @app.get(http.PATH_CATALOG, response_model=schemas.CatalogResponse,
             responses={401: ERR, 422: ERR})
    async def get_catalog(since: int = Query(0, ge=0, le=MAX_INT64),
                          authorization: str | None = Header(None)) -> Response:
        """Catalogue items changed after revision ``since`` (0 = everything)."""
        await caller(authorization)
        return _json(await run_in_threadpool(catalog.catalog_since, engine, since))

    app.state.settings_json = {"limits": asdict(limits)}
    return app
