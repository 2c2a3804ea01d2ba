"""Forwarding a signed batch in smaller pieces that still prove who wrote them.

Why: a supervisor forwards a field laptop's batches unchanged, so it cannot re-cut them; a
server with smaller limits than the laptop cut for would answer 413 forever. So each batch in a
USB bundle also carries a *seal*: the origin device's Ed25519 signature over a Merkle root of
its records. Any contiguous range of the batch's records can then travel as its own batch (a
*piece*) with a short proof (at most two hashes per tree level, sent in a header); the server
rebuilds the root from the piece's records and the proof and checks the seal against the origin
device's key. No record can be added, dropped from inside the range, or altered.

Tree: RFC 6962 shape — leaf = sha256(0x00 || canonical record JSON), node = sha256(0x01 || left
|| right), a range of n > 1 leaves split at the largest power of two below n.
The sealed statement is the canonical JSON ``{"batch_id", "device_id", "records": n, "root":
hex, "seal": "sala-merkle-1"}``. A piece of batch B, records [lo, hi), has the batch id
:func:`piece_id` (B, lo, hi), so re-forwarding the same piece is an idempotent resend.
"""

from __future__ import annotations

import base64
import hashlib
import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala.wire import crypto, protocol

SEAL_KIND = "sala-merkle-1"
H_PIECE = "Sala-Piece"              # "<origin batch id> <lo>-<hi>/<n>"
H_PIECE_PROOF = "Sala-Piece-Proof"  # base64 of the proof hashes (32 bytes each), in walk order
_NS = uuid.UUID("5a1a0000-0000-4000-8000-5a1a5a1a5a1a")


def leaf_hash(record_json: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + record_json).digest()


def _node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def merkle_root(leaves: Sequence[bytes], lo: int = 0, hi: int | None = None) -> bytes:
    hi = len(leaves) if hi is None else hi
    if hi - lo == 1:
        return leaves[lo]
    if hi <= lo:
        return hashlib.sha256(b"").digest()
    k = _split(hi - lo)
    return _node(merkle_root(leaves, lo, lo + k), merkle_root(leaves, lo + k, hi))


def prove(leaves: Sequence[bytes], lo: int, hi: int) -> list[bytes]:
    """Hashes of the subtrees outside [lo, hi), in the order :func:`root_from_piece` needs."""
    out: list[bytes] = []

    def walk(a: int, b: int) -> None:
        if hi <= a or b <= lo:
            out.append(merkle_root(leaves, a, b))
        elif not (lo <= a and b <= hi):
            k = _split(b - a)
            walk(a, a + k)
            walk(a + k, b)
    walk(0, len(leaves))
    return out


def root_from_piece(n: int, lo: int, hi: int, piece_leaves: Sequence[bytes],
                    proof: Sequence[bytes]) -> bytes:
    """The root implied by a piece's own leaves and its proof; ValueError if they do not fit."""
    if not (0 <= lo < hi <= n) or len(piece_leaves) != hi - lo:
        raise ValueError("piece range does not match its records")
    it: Iterator[bytes] = iter(proof)

    def walk(a: int, b: int) -> bytes:
        if hi <= a or b <= lo:
            h = next(it, None)
            if h is None:
                raise ValueError("proof too short")
            return h
        if b - a == 1:
            return piece_leaves[a - lo]
        k = _split(b - a)
        return _node(walk(a, a + k), walk(a + k, b))
    root = walk(0, n)
    if next(it, None) is not None:
        raise ValueError("proof too long")
    return root


def statement(batch_id: str, device_id: str, n: int, root: bytes) -> bytes:
    return protocol.canonical_json({"batch_id": batch_id, "device_id": device_id, "records": n,
                                    "root": root.hex(), "seal": SEAL_KIND})


def record_leaves(records: Sequence[Any]) -> list[bytes]:
    return [leaf_hash(protocol.canonical_json(r)) for r in records]


def seal_batch(raw: bytes, key: Ed25519PrivateKey) -> str:
    """The seal of a batch from its canonical uncompressed bytes (made at bundle export)."""
    batch = protocol.parse_batch(raw)
    root = merkle_root(record_leaves(batch.records))
    return crypto.sign(key, statement(batch.batch_id, batch.device_id,
                                           len(batch.records), root))


def verify_seal(raw: bytes, seal: str, public_key: str) -> None:
    """Raise :class:`protocol.SignatureError` unless ``seal`` covers the whole batch ``raw``."""
    batch = protocol.parse_batch(raw)
    root = merkle_root(record_leaves(batch.records))
    protocol.verify_batch_bytes(statement(batch.batch_id, batch.device_id, len(batch.records),
                                          root), seal, public_key)


def piece_id(batch_id: str, lo: int, hi: int) -> str:
    """Deterministic batch id of records [lo, hi) of ``batch_id`` (a UUID like any other)."""
    return str(uuid.uuid5(_NS, f"{batch_id}:{lo}-{hi}"))


@dataclass(frozen=True)
class PieceInfo:
    """What travels in the piece headers."""

    of: str
    lo: int
    hi: int
    n: int
    proof: list[bytes]

    def headers(self) -> dict[str, str]:
        return {H_PIECE: f"{self.of} {self.lo}-{self.hi}/{self.n}",
                H_PIECE_PROOF: base64.b64encode(b"".join(self.proof)).decode("ascii")}

    def to_json(self) -> dict[str, Any]:
        return {"of": self.of, "lo": self.lo, "hi": self.hi, "n": self.n,
                "proof": base64.b64encode(b"".join(self.proof)).decode("ascii")}

    @classmethod
    def from_headers(cls, piece: str, proof_b64: str | None) -> PieceInfo:
        """Parse the headers; ValueError when malformed."""
        of, _, rng = piece.strip().partition(" ")
        span, _, n = rng.partition("/")
        lo, _, hi = span.partition("-")
        raw = base64.b64decode(proof_b64 or "", validate=True)
        if len(raw) % 32 or not protocol.UUID_RE.match(of):
            raise ValueError("malformed piece headers")
        return cls(of, int(lo), int(hi), int(n), [raw[i:i + 32] for i in range(0, len(raw), 32)])

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> PieceInfo:
        info = cls.from_headers(f"{doc['of']} {doc['lo']}-{doc['hi']}/{doc['n']}", doc["proof"])
        return info


def cut(raw: bytes, max_records: int, max_uncompressed: int, *, lo: int = 0,
        hi: int | None = None) -> list[tuple[PieceInfo, bytes, int, int]]:
    """Cut records [lo, hi) of the batch ``raw`` into pieces of at most ``max_records`` records
    and ``max_uncompressed`` canonical bytes: (piece info, canonical piece batch bytes, first
    seq, last seq)."""
    doc = json.loads(raw)
    records = doc["records"]
    n = len(records)
    hi = n if hi is None else hi
    encoded = [protocol.canonical_json(r) for r in records]
    leaves = [leaf_hash(e) for e in encoded]
    out: list[tuple[PieceInfo, bytes, int, int]] = []
    start = lo
    while start < hi:
        end, size = start, 200
        while end < hi and end - start < max_records and (
                end == start or size + len(encoded[end]) + 1 <= max_uncompressed):
            size += len(encoded[end]) + 1
            end += 1
        pid = piece_id(doc["batch_id"], start, end)
        body = protocol.canonical_json({"batch_id": pid, "device_id": doc["device_id"],
                                        "protocol": protocol.PROTOCOL_VERSION})[:-1]
        body += b',"records":[' + b",".join(encoded[start:end]) + b"]}"
        seqs = [r["seq"] for r in records[start:end]]
        out.append((PieceInfo(doc["batch_id"], start, end, n, prove(leaves, start, end)), body,
                    min(seqs), max(seqs)))
        start = end
    return out


def verify_piece(batch: protocol.Batch, info: PieceInfo, seal: str, public_key: str) -> None:
    """Server side: ``batch`` (parsed piece) must be records [lo, hi) of the sealed batch
    ``info.of``; raise :class:`protocol.SignatureError` otherwise."""
    if batch.batch_id != piece_id(info.of, info.lo, info.hi):
        raise protocol.SignatureError("bad_piece", "piece batch_id does not match its range")
    try:
        leaves = record_leaves(batch.records)
        root = root_from_piece(info.n, info.lo, info.hi, leaves, info.proof)
    except (ValueError, TypeError) as exc:
        raise protocol.SignatureError("bad_piece", f"piece proof does not fit: {exc}") from exc
    protocol.verify_batch_bytes(statement(info.of, batch.device_id, info.n, root), seal,
                                public_key)
