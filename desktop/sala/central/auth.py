"""Enrollment codes, device tokens, revocation and the origin-key rule for signed batches.

Secrets (codes, tokens) are stored only as sha256: a copy of the ledger database does not let
anyone impersonate a device. Codes are single-use and expire; a failed enrollment does not
consume its code (everything happens in one transaction).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import Engine, select, update

from sala.central import tables as t
from sala.central.db import insert_ignore, is_postgres, read_tx, write_tx
from sala.central.errors import ApiError
from sala.wire import crypto, protocol

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
DEFAULT_CODE_TTL_S = 72 * 3600


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def mint_codes(engine: Engine, count: int = 1, ttl_s: float = DEFAULT_CODE_TTL_S) -> list[str]:
    """New one-time enrollment codes like ``K7QM-2XWD-HP4R``."""
    now = time.time()
    codes = []
    for _ in range(count):
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    with write_tx(engine) as conn:
        conn.execute(t.enroll_codes.insert(), [
            {"code_hash": _sha(normalize_code(c)), "created_at": now, "expires_at": now + ttl_s}
            for c in codes])
    return codes


@dataclass(frozen=True)
class Device:
    device_id: str
    name: str
    public_key: str
    enrolled: bool
    revoked: bool


def _device(row: object) -> Device:
    m = row._mapping  # type: ignore[attr-defined]
    return Device(m["device_id"], m["name"], m["public_key"], bool(m["enrolled"]),
                  bool(m["revoked"]))


def enroll(engine: Engine, code: str, device_id: str, name: str, public_key: str) -> str:
    """Consume ``code`` and give ``device_id`` a fresh token (returned once, stored hashed).

    Re-enrolling an existing device id is allowed only with the same public key (a reinstall
    that kept its key, or a device first known from forwarded batches); it replaces the old
    token and lifts a revocation. Another key for a known id is refused: ids are not reusable.
    """
    if not protocol.DEVICE_ID_RE.match(device_id):
        raise ApiError(422, "bad_device_id", "device_id is not a valid device id")
    try:
        crypto.load_public_key(public_key)
    except crypto.CryptoError as exc:
        raise ApiError(422, "bad_public_key", str(exc)) from exc
    token = "sala_" + secrets.token_urlsafe(32)
    now = time.time()
    with write_tx(engine) as conn:
        h = _sha(normalize_code(code))
        row = conn.execute(select(t.enroll_codes).where(t.enroll_codes.c.code_hash == h)
                           .with_for_update()).first()
        if row is None:
            raise ApiError(403, "bad_code", "unknown enrollment code")
        if row.used_at is not None:
            raise ApiError(403, "code_used", "this enrollment code was already used")
        if row.expires_at < now:
            raise ApiError(403, "code_expired", "this enrollment code has expired")
        conn.execute(update(t.enroll_codes).where(t.enroll_codes.c.code_hash == h)
                     .values(used_at=now, used_by=device_id))
        existing = conn.execute(select(t.devices).where(t.devices.c.device_id == device_id)
                                .with_for_update()).first()
        if existing is None:
            conn.execute(t.devices.insert().values(
                device_id=device_id, name=name[:200], public_key=public_key,
                token_hash=_sha(token), enrolled=True, revoked=False, high_water=0, max_seq=0,
                created_at=now))
        elif existing.public_key != public_key:
            raise ApiError(409, "device_key_mismatch",
                           "this device id is registered with another key; use a new device id")
        else:
            conn.execute(update(t.devices).where(t.devices.c.device_id == device_id).values(
                name=name[:200], token_hash=_sha(token), enrolled=True, revoked=False))
    return token


def revoke(engine: Engine, device_id: str) -> bool:
    """Revoke a device: its token stops working and batches it signed are refused."""
    with write_tx(engine) as conn:
        res = conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                           .values(revoked=True, token_hash=None))
        return bool(res.rowcount)


def authenticate(engine: Engine, authorization: str | None) -> Device:
    """The device behind ``Authorization: Bearer …``, or ApiError 401."""
    hdr = {"WWW-Authenticate": "Bearer"}
    if not authorization or not authorization.lower().startswith("bearer "):
        raise ApiError(401, "no_token", "a device token is required (enroll first)", hdr)
    token = authorization[7:].strip()
    with read_tx(engine) as conn:
        row = conn.execute(select(t.devices).where(t.devices.c.token_hash == _sha(token))).first()
    if row is None:
        raise ApiError(401, "bad_token", "unknown or revoked device token; enroll again", hdr)
    dev = _device(row)
    if dev.revoked:
        raise ApiError(401, "revoked", "this device was revoked; enroll again", hdr)
    return dev


def origin_key(engine: Engine, caller: Device, origin_id: str, header_key: str | None) -> str:
    """The public key a batch of ``origin_id`` must be signed with, or ApiError 403.

    Own batches: the caller's enrolled key. Forwarded batches: the origin's registered key
    (enrolled or pinned earlier); a revoked origin is refused; an origin never seen is trusted
    on first use with the key carried in ``Sala-Public-Key`` (pinned by :func:`pin_origin`).
    """
    if origin_id == caller.device_id:
        if header_key is not None and header_key != caller.public_key:
            raise ApiError(403, "key_mismatch", "batch signed with a key not enrolled for you")
        return caller.public_key
    with read_tx(engine) as conn:
        row = conn.execute(select(t.devices).where(t.devices.c.device_id == origin_id)).first()
    if row is None:
        if not header_key:
            raise ApiError(403, "unknown_origin",
                           "forwarded batch of an unknown device needs Sala-Public-Key")
        return header_key
    dev = _device(row)
    if dev.revoked:
        raise ApiError(403, "origin_revoked", "the originating device was revoked")
    if header_key is not None and header_key != dev.public_key:
        raise ApiError(403, "key_mismatch", "originating device is registered with another key")
    return dev.public_key


def pin_origin(conn: object, origin_id: str, public_key: str, via: str) -> None:
    """Inside the ingest transaction: record a first-seen device's key, refuse a different one."""
    insert_ignore(conn, t.devices, {  # type: ignore[arg-type]
        "device_id": origin_id, "name": "", "public_key": public_key, "token_hash": None,
        "enrolled": False, "revoked": False, "first_seen_via": via, "high_water": 0,
        "max_seq": 0, "created_at": time.time()}, ["device_id"])
    q = select(t.devices.c.public_key, t.devices.c.revoked).where(
        t.devices.c.device_id == origin_id)
    if is_postgres(conn):  # type: ignore[arg-type]
        q = q.with_for_update()
    row = conn.execute(q).first()  # type: ignore[attr-defined]
    if row.public_key != public_key or row.revoked:
        raise ApiError(403, "key_mismatch", "originating device is registered with another key")
