"""Enrollment codes, device tokens, revocation and the origin-key rule for signed batches.

A device's key is known only through enrollment, which proves possession of the private
key by signing a fresh challenge. Secrets (codes, tokens) are stored only as sha256: a copy of
the ledger database does not let anyone impersonate a device. Codes are single-use and expire; a
failed enrollment does not consume its code (everything happens in one transaction).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, update

from sala.central import tables as t
from sala.central import vouch as vouches
from sala.central.db import is_postgres, read_tx, write_tx
from sala.central.db import meta as db_meta
from sala.central.errors import ApiError
from sala.wire import crypto, protocol
from sala.wire import enroll as enroll_wire

CODE_ALPHABET = enroll_wire.CODE_ALPHABET
DEFAULT_CODE_TTL_S = 72 * 3600
CHALLENGE_TTL_S = 300
UNBOUND = ""   # public_key of a device id an administrator released (see unbind)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    """The secret part of a code as typed (the platform's fingerprint after it dropped)."""
    return enroll_wire.split_code(code)[0]


def mint_codes(engine: Engine, count: int = 1, ttl_s: float = DEFAULT_CODE_TTL_S) -> list[str]:
    """New one-time enrollment codes like ``K7QM-2XWD-HP4R-9F3K-T2AB-XYQD``: twelve secret
    letters, then the fingerprint of this platform's signing key (``enroll.code_fingerprint``)
    that the laptop checks before it sends anything."""
    now = time.time()
    fingerprint = enroll_wire.code_fingerprint(db_meta(engine)["signing_public"])
    secrets_ = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(enroll_wire.SECRET_CHARS))
                for _ in range(count)]
    with write_tx(engine) as conn:
        conn.execute(t.enroll_codes.insert(), [
            {"code_hash": _sha(raw), "created_at": now, "expires_at": now + ttl_s}
            for raw in secrets_])
    return [enroll_wire.group(raw + fingerprint) for raw in secrets_]


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


class Challenges:
    """Fresh enrollment challenges, stateless across requests: ``ts ‖ nonce ‖ mac`` where the
    mac (HMAC-SHA256 with a key derived from the server's secret) proves we issued it. Valid
    for ``ttl_s``; one enrollment per challenge (kept in memory until it expires)."""

    def __init__(self, secret: str, ttl_s: float = CHALLENGE_TTL_S) -> None:
        self._key = hashlib.sha256(b"sala enroll challenge\0" + secret.encode()).digest()
        self.ttl_s = ttl_s
        self._used: dict[str, float] = {}
        self._guard = threading.Lock()

    def _mac(self, head: bytes) -> bytes:
        return hmac.new(self._key, head, hashlib.sha256).digest()[:16]

    def issue(self) -> str:
        head = int(time.time()).to_bytes(8, "big") + secrets.token_bytes(16)
        return base64.urlsafe_b64encode(head + self._mac(head)).decode("ascii")

    def check(self, challenge: str) -> None:
        """ApiError 403 unless ``challenge`` is ours, fresh and unused."""
        bad = ApiError(403, "bad_challenge", "enrollment challenge unknown or expired; "
                                             "ask for a new one")
        try:
            raw = base64.urlsafe_b64decode(challenge.encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            raise bad from None
        if len(raw) != 40 or not hmac.compare_digest(raw[24:], self._mac(raw[:24])):
            raise bad
        age = time.time() - int.from_bytes(raw[:8], "big")
        with self._guard:
            if not -60 <= age <= self.ttl_s or challenge in self._used:
                raise bad

    def consume(self, challenge: str) -> None:
        now = time.time()
        with self._guard:
            self._used = {c: t for c, t in self._used.items() if t > now}
            self._used[challenge] = now + self.ttl_s + 60


def enroll(engine: Engine, code: str, device_id: str, name: str, public_key: str, *,
           challenges: Challenges, challenge: str, signature: str, server_id: str) -> str:
    """Consume ``code`` and give ``device_id`` a fresh token (returned once, stored hashed).

    The caller proves it holds the private key of ``public_key`` by its ``signature`` over
    :func:`sala.wire.enroll.statement` with a fresh ``challenge`` of ours. An existing device
    id re-enrolls only with its own key (a reinstall that kept its key; the old token is
    replaced); another key is 409. A revoked device stays revoked until an administrator
    reinstates it (``sala-central reinstate``). A refused enrollment does not consume its code.
    """
    if not protocol.DEVICE_ID_RE.match(device_id):
        raise ApiError(422, "bad_device_id", "device_id is not a valid device id")
    try:
        crypto.load_public_key(public_key)
    except crypto.CryptoError:
        raise ApiError(422, "bad_public_key", "public_key is not a base64 raw Ed25519 key") \
            from None
    challenges.check(challenge)
    typed_fp = enroll_wire.split_code(code)[1]
    if typed_fp is not None and typed_fp != enroll_wire.code_fingerprint(public_key_of(engine)):
        raise ApiError(403, "bad_code", "this enrollment code was made for another platform")
    try:
        crypto.verify(public_key, enroll_wire.statement(
            challenge=challenge, server_id=server_id, device_id=device_id,
            public_key=public_key), signature)
    except crypto.CryptoError:
        raise ApiError(403, "bad_proof", "the challenge signature does not verify against "
                                         "public_key") from None
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
        existing = conn.execute(select(t.devices).where(t.devices.c.device_id == device_id)
                                .with_for_update()).first()
        if existing is not None and existing.public_key not in (UNBOUND, public_key):
            raise ApiError(409, "device_key_mismatch",
                           "this device id is registered with another key; use a new device id")
        if existing is not None and existing.revoked:
            raise ApiError(403, "device_revoked", "this device was revoked; an administrator "
                                                  "must reinstate it before it can enroll")
        conn.execute(update(t.enroll_codes).where(t.enroll_codes.c.code_hash == h)
                     .values(used_at=now, used_by=device_id))
        if existing is None:
            conn.execute(t.devices.insert().values(
                device_id=device_id, name=name[:200], public_key=public_key,
                token_hash=_sha(token), enrolled=True, revoked=False, high_water=0, max_seq=0,
                created_at=now))
        else:
            conn.execute(update(t.devices).where(t.devices.c.device_id == device_id).values(
                name=name[:200], token_hash=_sha(token), enrolled=True, public_key=public_key))
    challenges.consume(challenge)
    return token


def public_key_of(engine: Engine) -> str:
    """This platform's signing public key."""
    return db_meta(engine)["signing_public"]


def revoke(engine: Engine, device_id: str) -> bool:
    """Revoke a device: its token stops working and batches it signed are refused."""
    with write_tx(engine) as conn:
        res = conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                           .values(revoked=True, token_hash=None))
        return bool(res.rowcount)


def reinstate(engine: Engine, device_id: str) -> bool:
    """Lift a revocation (an administrator's decision): the device may enroll again, with the
    same key and a new code; it gets no token until then. Its key is trusted again, and so is
    whatever that key signed while revoked, vouches included: their dates are the signer's
    word, so no date separates them. A key that may have been in other hands (a laptop lost or
    stolen) is released instead (:func:`unbind`, ``sala-central unbind``), and the laptop enrolls
    with a new one."""
    with write_tx(engine) as conn:
        res = conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                           .values(revoked=False))
        return bool(res.rowcount)


def unbind(engine: Engine, device_id: str) -> bool:
    """Release a device id from its key (an administrator's decision, e.g. a key pinned by
    an older service from a forwarded batch): its token stops working, batches of it are
    refused until it enrolls again, and that enrollment binds the key it proves. The moment is
    kept: no vouch made at or before it binds the id again (``central/vouch.py``)."""
    with write_tx(engine) as conn:
        res = conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                           .values(public_key=UNBOUND, token_hash=None, enrolled=False,
                                   revoked=False, released_at=time.time()))
        return bool(res.rowcount)


def _fingerprint(public_key: str) -> str:
    try:
        return crypto.key_fingerprint(public_key) if public_key else ""
    except crypto.CryptoError:   # a key an older service pinned without checking it
        return "invalid"


def reassign(engine: Engine, device_id: str, public_key: str) -> bool:
    """Bind ``device_id`` to ``public_key`` (an administrator's decision, e.g. a laptop whose
    vouch named a key it no longer has): its token stops working and the laptop enrolls again
    proving the new key; batches signed with the old key are refused. A revocation stays."""
    crypto.load_public_key(public_key)            # CryptoError: not a key
    with write_tx(engine) as conn:
        res = conn.execute(update(t.devices).where(t.devices.c.device_id == device_id)
                           .values(public_key=public_key, token_hash=None, enrolled=False,
                                   first_seen_via="admin", vouched_by=None, vouched_at=None))
        return bool(res.rowcount)


def list_devices(engine: Engine) -> list[dict[str, object]]:
    """Every device id the service knows, with how its key became known (and who vouched)."""
    d = t.devices.c
    with read_tx(engine) as conn:
        rows = conn.execute(select(d.device_id, d.name, d.public_key, d.enrolled, d.revoked,
                                   d.first_seen_via, d.created_at, d.vouched_by, d.vouched_at,
                                   d.released_at)
                            .order_by(d.device_id)).all()
    out = []
    for r in rows:
        state = ("revoked" if r.revoked else "unbound" if r.public_key == UNBOUND
                 else "enrolled" if r.enrolled else "vouched" if r.vouched_by
                 else "assigned" if r.first_seen_via == "admin" else "pinned")
        out.append({"device_id": r.device_id, "name": r.name, "state": state,
                    "key": _fingerprint(r.public_key),
                    "via": r.first_seen_via or "", "created_at": r.created_at,
                    "vouched_by": r.vouched_by or "", "vouched_at": r.vouched_at,
                    "released_at": r.released_at})
    return out


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


def origin_key(engine: Engine, caller: Device, origin_id: str, header_key: str | None,
               vouch: str | None = None, server_id: str = "") -> str:
    """The public key a batch of ``origin_id`` must be signed with, or ApiError 403.

    Own batches: the caller's enrolled key. Forwarded batches: the origin's registered key.
    A device's key is known only through enrollment or a supervisor's vouch (``Sala-Vouch``,
    ``central/vouch.py``): ``Sala-Public-Key`` never introduces one, so an origin the service
    does not know is refused (403 ``unknown_origin``) unless a valid vouch comes with it, and
    nothing is recorded for it; a revoked origin is refused too.
    """
    if origin_id == caller.device_id:
        if header_key is not None and header_key != caller.public_key:
            raise ApiError(403, "key_mismatch", "batch signed with a key not enrolled for you")
        return caller.public_key
    with read_tx(engine) as conn:
        row = conn.execute(select(t.devices).where(t.devices.c.device_id == origin_id)).first()
    unbound = row is None or row.public_key == UNBOUND
    rebind = row is not None and not unbound and not row.revoked and header_key not in (
        None, row.public_key)
    if vouch is not None and (unbound or rebind):   # rebind: refused there with its reason
        return vouches.register(engine, vouch, origin_id=origin_id, server_id=server_id,
                                signer_key=header_key)
    if row is None:
        raise ApiError(403, "unknown_origin", "the originating device is not enrolled with "
                                              "this service; it must enroll first")
    dev = _device(row)
    if dev.public_key == UNBOUND:
        raise ApiError(403, "unknown_origin", "the originating device is not enrolled with "
                                              "this service; it must enroll first")
    if dev.revoked:
        raise ApiError(403, "origin_revoked", "the originating device was revoked")
    if header_key is not None and header_key != dev.public_key:
        raise ApiError(403, "key_mismatch", "originating device is registered with another key")
    return dev.public_key


def lock_origin(conn: Connection, origin_id: str, public_key: str) -> None:
    """Inside the ingest transaction: the origin is still registered with ``public_key`` and
    not revoked (a revocation between our check and the commit wins)."""
    q = select(t.devices.c.public_key, t.devices.c.revoked).where(
        t.devices.c.device_id == origin_id)
    if is_postgres(conn):
        q = q.with_for_update()
    row = conn.execute(q).first()
    if row is None or row.public_key != public_key or row.revoked:
        raise ApiError(403, "origin_revoked", "the originating device is no longer registered "
                                              "with this key")
