"""The sync wire format shared by the desktop client, USB bundles and ``sala-central``.

Everything a record or a batch looks like on the wire lives here, as pure functions and plain
data, so the client and the server cannot drift apart. See ``PROTOCOL.md`` beside this file for
the prose contract (endpoints, status codes, what the client does for each).

A *record* is one change made on a device::

    {"id": uuidv7, "device_id": str, "seq": int >= 1, "type": str, "schema": int >= 1,
     "created_at": ISO-8601 with offset, "hash": sha256 hex of canonical {"type","body"},
     "body": {...}, "blobs": [sha256 hex, ...]}

A *batch* is ``{"protocol": 1, "batch_id": uuid, "device_id": str, "records": [...]}``,
serialised as canonical JSON, signed with the originating device's Ed25519 key over those
uncompressed bytes, then gzip-compressed. The signature travels beside the body (HTTP headers,
or a bundle's index) so a supervisor can forward the exact bytes unchanged.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple, TypedDict

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala.domain.ids import new_id
from sala.wire import crypto

PROTOCOL_VERSION = 1
SERVICE_NAME = "sala-central"  # the signature /v1/hello must carry; anything else is "no link"

#: Record types the desktop sends today. Informational: the server accepts any type matching
#: ``TYPE_RE`` so a newer client never gets its records quarantined by an older server.
KNOWN_TYPES = frozenset({
    "session", "participant", "consent", "sealed_personal_data", "contribution", "guide_question",
    "answer", "observation", "vote", "rating", "attachment", "action_item", "tally", "amendment",
    "audit_entry", "participant_erasure",  # wire/privacy.py
})
TYPE_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}\Z")
SHA256_RE = re.compile(r"^[0-9a-f]{64}\Z")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
DEVICE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}\Z")

Status = Literal["accepted", "duplicate", "conflict", "rejected"]
STATUSES: tuple[Status, ...] = ("accepted", "duplicate", "conflict", "rejected")


class ProtocolError(ValueError):
    """Bytes or JSON that do not follow the protocol. ``code`` is stable for machines."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class DecodeError(ProtocolError):
    """Not gzip, not JSON, or not the shape of a batch / response."""


class LimitError(ProtocolError):
    """Larger than the server's advertised limits; the client splits and retries."""


class SignatureError(ProtocolError):
    """The batch is not signed by the key it claims."""


class RecordError(ProtocolError):
    """One record is malformed; the server answers ``rejected`` with this code as reason."""


class NotSalaServer(DecodeError):  # noqa: N818 - public name of the wire protocol, used by both ends
    """The answer to /v1/hello is not ours (captive portal, wrong host): treat as no link."""


class Record(TypedDict):
    id: str
    device_id: str
    seq: int
    type: str
    schema: int
    created_at: str
    hash: str
    body: dict[str, Any]
    blobs: list[str]


RECORD_KEYS = frozenset(Record.__annotations__)

# -- canonical JSON and hashes ------------------------------------------------------------------


#: One encoder for every canonical serialisation: ``json.dumps`` with non-default options builds
#: a new encoder per call, which the server paid 100,000 times per 100,000 records.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                              allow_nan=False)


def canonical_text(obj: Any) -> str:
    """:func:`canonical_json` as text (the server stores record bodies as text)."""
    return _CANONICAL.encode(obj)


def canonical_json(obj: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8 without escaping Thai: the only bytes we hash or sign."""
    return _CANONICAL.encode(obj).encode("utf-8")


def record_hash(type_: str, body: Mapping[str, Any]) -> str:
    """sha256 hex of ``canonical_json({"type": type_, "body": body})``.

    Identity of content, not of envelope: the same change re-sent with another seq or batch
    still hashes the same, which is what makes ``duplicate`` vs ``conflict`` meaningful.
    """
    return hashlib.sha256(canonical_json({"type": type_, "body": body})).hexdigest()


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def make_record(*, device_id: str, seq: int, type: str, body: Mapping[str, Any],
                schema: int = 1, id: str | None = None, created_at: str | None = None,
                blobs: Iterable[str] = ()) -> Record:
    """Build a valid record, computing its hash; ``id`` defaults to a fresh UUIDv7."""
    rec = Record(id=id or new_id(), device_id=device_id, seq=seq, type=type, schema=schema,
                 created_at=created_at or now_iso(), hash=record_hash(type, body),
                 body=dict(body), blobs=list(blobs))
    return validate_record(rec)


def _fail(code: str, message: str) -> RecordError:
    return RecordError(code, message)


def validate_record(rec: Any, *, device_id: str | None = None,
                    check_hash: bool = True) -> Record:
    """Check one record's shape (and, by default, its hash); raise :class:`RecordError`.

    ``device_id``: the batch's device; a record of another device is ``wrong_device``.
    """
    if not isinstance(rec, dict):
        raise _fail("malformed", "a record is a JSON object")
    keys = rec.keys()
    if keys != RECORD_KEYS:
        missing = sorted(RECORD_KEYS - keys)
        extra = sorted(keys - RECORD_KEYS)
        raise _fail("malformed", f"record fields: missing {missing}, unexpected {extra}")
    rid = rec["id"]
    if not isinstance(rid, str) or not UUID_RE.match(rid):
        raise _fail("bad_id", "id must be a lowercase UUID string")
    dev = rec["device_id"]
    if not isinstance(dev, str) or not DEVICE_ID_RE.match(dev):
        raise _fail("bad_device_id", "device_id is not a valid device id")
    if device_id is not None and dev != device_id:
        raise _fail("wrong_device", "record belongs to another device than its batch")
    seq = rec["seq"]
    if type(seq) is not int or seq < 1 or seq >= 2**63:
        raise _fail("bad_seq", "seq must be an integer >= 1")
    typ = rec["type"]
    if not isinstance(typ, str) or not TYPE_RE.match(typ):
        raise _fail("bad_type", "type must match [a-z][a-z0-9_]*")
    schema = rec["schema"]
    if type(schema) is not int or not 1 <= schema < 2**31:
        raise _fail("bad_schema", "schema must be a positive integer")
    created = rec["created_at"]
    try:
        if not isinstance(created, str) or datetime.fromisoformat(created).tzinfo is None:
            raise ValueError
    except ValueError:
        raise _fail("bad_created_at", "created_at must be ISO-8601 with a UTC offset") from None
    if not isinstance(rec["body"], dict):
        raise _fail("bad_body", "body must be a JSON object")
    blobs = rec["blobs"]
    if not isinstance(blobs, list) or not all(isinstance(b, str) and SHA256_RE.match(b)
                                              for b in blobs):
        raise _fail("bad_blobs", "blobs must be a list of lowercase sha256 hex strings")
    h = rec["hash"]
    if not isinstance(h, str) or not SHA256_RE.match(h):
        raise _fail("bad_hash", "hash must be lowercase sha256 hex")
    if check_hash and h != record_hash(typ, rec["body"]):
        raise _fail("hash_mismatch", "hash does not match canonical {type, body}")
    return rec  # type: ignore[return-value]

# -- batches -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Batch:
    """The unsigned content of a batch; ``records`` are validated one by one by the receiver."""

    device_id: str
    records: list[Any]
    batch_id: str = field(default_factory=new_id)
    protocol: int = PROTOCOL_VERSION

    def to_json(self) -> dict[str, Any]:
        return {"protocol": self.protocol, "batch_id": self.batch_id,
                "device_id": self.device_id, "records": self.records}


def encode_batch(batch: Batch) -> bytes:
    """The canonical, uncompressed bytes of a batch: what is signed."""
    return canonical_json(batch.to_json())


def gzip_bytes(data: bytes, level: int = 6) -> bytes:
    """Deterministic gzip (mtime 0) so the same batch always makes the same body."""
    return gzip.compress(data, compresslevel=level, mtime=0)


def gunzip_bytes(data: bytes, max_size: int) -> bytes:
    """Decompress gzip, refusing more than ``max_size`` bytes out (a gzip bomb is a LimitError)."""
    if data[:2] != b"\x1f\x8b":
        raise DecodeError("not_gzip", "body must be gzip-compressed")
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_size + 1)
        if len(out) > max_size or d.unconsumed_tail:
            raise LimitError("too_large", f"uncompressed batch exceeds {max_size} bytes")
        out += d.flush()
    except zlib.error as exc:
        raise DecodeError("bad_gzip", f"corrupt gzip data: {exc}") from exc
    if not d.eof:
        raise DecodeError("bad_gzip", "truncated gzip data")
    return out


def parse_batch(raw: bytes, *, max_records: int | None = None) -> Batch:
    """Parse uncompressed batch bytes; check the envelope, not the records (done one by one)."""
    try:
        doc = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DecodeError("bad_json", f"batch is not UTF-8 JSON: {exc}") from exc
    if not isinstance(doc, dict) or set(doc) != {"protocol", "batch_id", "device_id", "records"}:
        raise DecodeError("malformed", "batch fields are protocol, batch_id, device_id, records")
    if doc["protocol"] != PROTOCOL_VERSION:
        raise DecodeError("unsupported_protocol",
                          f"protocol {doc['protocol']!r} unsupported; this side speaks "
                          f"{PROTOCOL_VERSION}")
    if not isinstance(doc["batch_id"], str) or not UUID_RE.match(doc["batch_id"]):
        raise DecodeError("bad_batch_id", "batch_id must be a lowercase UUID string")
    if not isinstance(doc["device_id"], str) or not DEVICE_ID_RE.match(doc["device_id"]):
        raise DecodeError("bad_device_id", "device_id is not a valid device id")
    if not isinstance(doc["records"], list):
        raise DecodeError("malformed", "records must be a list")
    if max_records is not None and len(doc["records"]) > max_records:
        raise LimitError("too_many_records", f"more than {max_records} records in one batch")
    return Batch(device_id=doc["device_id"], records=doc["records"], batch_id=doc["batch_id"],
                 protocol=doc["protocol"])


@dataclass(frozen=True)
class SignedBatch:
    """A batch ready to send or to carry on a USB stick: gzip body plus detached signature.

    ``body`` is gzip of :func:`encode_batch`; ``signature`` is Ed25519 over the *uncompressed*
    bytes, so re-compressing never breaks it; ``public_key`` lets a server that never met the
    device pin its key on first use (see PROTOCOL.md, "Forwarded batches").
    """

    batch_id: str
    device_id: str
    record_count: int
    body: bytes
    signature: str
    public_key: str

    def headers(self) -> dict[str, str]:
        """HTTP headers for ``POST /v1/batches`` (add ``Authorization`` yourself)."""
        return {"Content-Type": "application/json", "Content-Encoding": "gzip",
                "Idempotency-Key": self.batch_id, "Sala-Signature": self.signature,
                "Sala-Public-Key": self.public_key, "Sala-Protocol": str(PROTOCOL_VERSION)}


def sign_batch(batch: Batch, key: Ed25519PrivateKey, *, level: int = 6) -> SignedBatch:
    """Encode, sign (over uncompressed bytes) and gzip a batch made on this device."""
    raw = encode_batch(batch)
    return SignedBatch(batch_id=batch.batch_id, device_id=batch.device_id,
                       record_count=len(batch.records), body=gzip_bytes(raw, level),
                       signature=crypto.sign(key, raw),
                       public_key=crypto.public_key_b64(key))


def verify_batch_bytes(raw: bytes, signature: str, public_key: str) -> None:
    """Raise :class:`SignatureError` unless ``signature`` by ``public_key`` covers ``raw``."""
    try:
        crypto.verify(public_key, raw, signature)
    except crypto.CryptoError as exc:
        raise SignatureError(exc.code, str(exc)) from exc


def open_signed_batch(body: bytes, signature: str, public_key: str, *,
                      max_uncompressed: int = 1 << 30,
                      max_records: int | None = None) -> tuple[Batch, bytes]:
    """Gunzip, verify and parse; return the batch and its uncompressed bytes.

    Used by the server and by ``sala bundle import`` alike (tampered or truncated → exception,
    nothing half-read).
    """
    raw = gunzip_bytes(body, max_uncompressed)
    verify_batch_bytes(raw, signature, public_key)
    return parse_batch(raw, max_records=max_records), raw

# -- responses -----------------------------------------------------------------------------------


class RecordResult(NamedTuple):
    """One record's answer. A named tuple, not a dataclass: both sides make one per record
    (100,000 a push) and a frozen dataclass costs several times more to build."""

    id: str
    status: Status
    code: str | None = None      # machine reason for conflict / rejected
    reason: str | None = None    # English detail for people

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "status": self.status}
        if self.code is not None:
            d["code"] = self.code
            d["reason"] = self.reason or self.code
        return d


Gap = tuple[int, int]


@dataclass(frozen=True)
class BatchResult:
    """The server's answer to one batch, sent only after its commit.

    ``results`` is in the order of the batch's records. ``high_water`` is the highest seq such
    that 1..high_water are all on the server for ``device_id``; ``gaps`` are the missing
    inclusive ranges between it and the highest seq seen; ``missing_blobs`` are blobs that
    this batch's records reference and the server does not yet hold completely.
    """

    batch_id: str
    device_id: str
    results: list[RecordResult]
    high_water: int
    gaps: list[Gap]
    missing_blobs: list[str]
    protocol: int = PROTOCOL_VERSION

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = dict.fromkeys(STATUSES, 0)
        out.update(Counter(r.status for r in self.results))
        return out

    def to_json(self) -> dict[str, Any]:
        results = [{"id": r.id, "status": r.status} if r.code is None else r.to_json()
                   for r in self.results]
        return {"protocol": self.protocol, "batch_id": self.batch_id, "device_id": self.device_id,
                "counts": self.counts(), "results": results,
                "high_water": self.high_water, "gaps": [list(g) for g in self.gaps],
                "missing_blobs": list(self.missing_blobs)}

    @classmethod
    def from_json(cls, doc: Any) -> BatchResult:
        try:
            make = RecordResult._make
            results = [make((r["id"], r["status"], r.get("code"), r.get("reason")))
                       for r in doc["results"]]
            if not {r.status for r in results} <= set(STATUSES):
                raise ValueError("unknown status")
            return cls(batch_id=doc["batch_id"], device_id=doc["device_id"], results=results,
                       high_water=int(doc["high_water"]),
                       gaps=[(int(a), int(b)) for a, b in doc["gaps"]],
                       missing_blobs=list(doc["missing_blobs"]), protocol=doc["protocol"])
        except (KeyError, TypeError, ValueError) as exc:
            raise DecodeError("bad_response", f"not a batch result: {exc}") from exc


def gaps_from_seqs(seqs: Sequence[int], start: int = 0) -> tuple[int, list[Gap]]:
    """From sorted, distinct seqs above ``start`` (= a known high-water), the new high-water and
    the gaps. Shared so client and server count the same way."""
    hw = start
    gaps: list[Gap] = []
    prev = start
    for s in seqs:
        if s <= prev:
            continue
        if s == prev + 1 and prev == hw:
            hw = s
        elif s > prev + 1:
            gaps.append((prev + 1, s - 1))
        prev = s
    return hw, gaps


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int
    max_uncompressed_bytes: int
    max_records: int
    max_blob_bytes: int
    max_reconcile_ids: int

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, doc: Any) -> Limits:
        return cls(**{k: int(doc[k]) for k in cls.__dataclass_fields__})

    def tightest(self, other: Limits) -> Limits:
        return Limits(**{k: min(getattr(self, k), getattr(other, k))
                         for k in Limits.__dataclass_fields__})


#: What every server speaking this protocol should accept at least. A USB bundle is cut to the
#: limits its laptop last learned from /v1/hello, or to these when it never met a server; a
#: server configured smaller still gets every bundle's records, as pieces (see ``pieces.py``).
MIN_LIMITS = Limits(max_body_bytes=1 << 20, max_uncompressed_bytes=8 << 20, max_records=500,
                    max_blob_bytes=16 << 20, max_reconcile_ids=10_000)


@dataclass(frozen=True)
class Hello:
    """What ``GET /v1/hello`` tells a client; :meth:`from_json` is the "is this a link?" test."""

    name: str
    server_id: str
    protocol: int
    limits: Limits
    sealing_key: str
    sealing_alg: str = crypto.SEAL_ALG
    service: str = SERVICE_NAME
    signing_key: str = ""   # the platform's Ed25519 public key (what a laptop pins)
    proof: str = ""         # its signature of the client's nonce (``enroll.hello_statement``)

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "service": self.service, "name": self.name, "server_id": self.server_id,
            "protocol": self.protocol, "limits": self.limits.__dict__,
            "sealing_key": {"alg": self.sealing_alg, "public_key": self.sealing_key}}
        if self.signing_key:
            doc["signing_key"] = self.signing_key
        if self.proof:
            doc["proof"] = self.proof
        return doc

    @classmethod
    def from_json(cls, doc: Any) -> Hello:
        """Raise :class:`NotSalaServer` for anything that is not a sala-central hello."""
        if not isinstance(doc, dict) or doc.get("service") != SERVICE_NAME:
            raise NotSalaServer("not_sala", "the answer is not from a sala-central service")
        try:
            lim = doc["limits"]
            return cls(name=doc["name"], server_id=doc["server_id"], protocol=int(doc["protocol"]),
                       limits=Limits(**{k: int(lim[k]) for k in Limits.__dataclass_fields__}),
                       sealing_key=doc["sealing_key"]["public_key"],
                       sealing_alg=doc["sealing_key"]["alg"],
                       signing_key=_opt_str(doc, "signing_key"), proof=_opt_str(doc, "proof"))
        except (KeyError, TypeError, ValueError) as exc:
            raise NotSalaServer("bad_hello", f"malformed hello: {exc}") from exc


def _opt_str(doc: dict[str, Any], key: str) -> str:
    value = doc.get(key, "")
    if not isinstance(value, str) or len(value) > 200:
        raise ValueError(f"{key} is not a short string")
    return value


def parse_hello(body: bytes | str) -> Hello:
    """Bytes of a /v1/hello answer → :class:`Hello`, or :class:`NotSalaServer` (HTML, junk)."""
    try:
        return Hello.from_json(json.loads(body))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotSalaServer("not_json", "the answer is not JSON (captive portal?)") from exc
