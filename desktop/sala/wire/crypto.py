"""Keys and signatures of the sync protocol (Ed25519 for batches, X25519 for sealing).

Why a separate module: the desktop (signing its batches, sealing personal data), the supervisor
(checking a USB bundle before forwarding it) and the central service (verifying forwarded
batches) must agree byte for byte on key encodings. Everything here is pure and Qt-free.

Encodings on the wire: raw 32-byte public keys and 64-byte signatures, standard base64.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from typing import TypedDict

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SEAL_ALG = "X25519-HKDF-SHA256-AES256GCM"
_SEAL_INFO = b"sala seal v1"


class CryptoError(ValueError):
    """A key, signature or sealed box that cannot be used; ``code`` is stable for machines."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str, *, what: str = "value") -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, AttributeError) as exc:
        raise CryptoError("bad_base64", f"{what} is not valid base64") from exc


# -- Ed25519: device identity and batch signatures ---------------------------------------------

def generate_signing_key() -> Ed25519PrivateKey:
    """A new device key; the device keeps it for life (its public half is enrolled)."""
    return Ed25519PrivateKey.generate()


def signing_key_to_bytes(key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte seed, for the device's own secure storage."""
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def signing_key_from_bytes(raw: bytes) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(raw)
    except ValueError as exc:
        raise CryptoError("bad_key", "an Ed25519 private key is 32 bytes") from exc


def public_key_b64(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The base64 of the raw 32-byte public key, as sent at enrollment and with batches."""
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return b64e(pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    raw = b64d(text, what="public key")
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:
        raise CryptoError("bad_key", "an Ed25519 public key is 32 bytes") from exc


def key_fingerprint(public_key: str) -> str:
    """A short, stable name for a public key (first 16 hex of its sha256) for logs and UIs."""
    return hashlib.sha256(b64d(public_key, what="public key")).hexdigest()[:16]


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    """Signature of ``data`` as base64."""
    return b64e(key.sign(data))


def verify(public_key: str, data: bytes, signature: str) -> None:
    """Raise :class:`CryptoError` (code ``bad_signature``) unless ``signature`` signs ``data``."""
    pub = load_public_key(public_key)
    sig = b64d(signature, what="signature")
    try:
        pub.verify(sig, data)
    except InvalidSignature as exc:
        raise CryptoError("bad_signature", "the signature does not match the data and key") from exc


# -- X25519 sealing: personal data readable only by the central platform -----------------------

class Sealed(TypedDict):
    alg: str
    epk: str      # ephemeral X25519 public key, base64
    nonce: str    # 12 bytes, base64
    ct: str       # AES-256-GCM ciphertext with tag, base64


def generate_sealing_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def sealing_public_b64(key: X25519PrivateKey) -> str:
    return b64e(key.public_key().public_bytes(serialization.Encoding.Raw,
                                              serialization.PublicFormat.Raw))


def _derive(shared: bytes, epk: bytes, rpk: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=epk + rpk, info=_SEAL_INFO).derive(shared)


def seal(recipient_public_key: str, plaintext: bytes, aad: bytes = b"") -> Sealed:
    """Encrypt ``plaintext`` so that only the holder of the server's sealing key can read it.

    An ephemeral X25519 key per message: a lost laptop holds nothing that opens old boxes.
    ``aad`` (e.g. the record id) binds the box to its context so it cannot be moved.
    """
    rpk = b64d(recipient_public_key, what="sealing key")
    try:
        recipient = X25519PublicKey.from_public_bytes(rpk)
    except ValueError as exc:
        raise CryptoError("bad_key", "an X25519 public key is 32 bytes") from exc
    eph = X25519PrivateKey.generate()
    epk = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = _derive(eph.exchange(recipient), epk, rpk)
    nonce = os.urandom(12)
    ct = AESGCM(key).encrypt(nonce, plaintext, aad)
    return Sealed(alg=SEAL_ALG, epk=b64e(epk), nonce=b64e(nonce), ct=b64e(ct))


def unseal(key: X25519PrivateKey, box: Sealed, aad: bytes = b"") -> bytes:
    """Open a box made by :func:`seal` (server side); ``CryptoError`` if it was altered."""
    if box.get("alg") != SEAL_ALG:
        raise CryptoError("bad_alg", f"unsupported sealing algorithm {box.get('alg')!r}")
    epk = b64d(box["epk"], what="epk")
    rpk = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    try:
        shared = key.exchange(X25519PublicKey.from_public_bytes(epk))
        return AESGCM(_derive(shared, epk, rpk)).decrypt(b64d(box["nonce"]), b64d(box["ct"]), aad)
    except (InvalidTag, ValueError) as exc:
        raise CryptoError("bad_seal", "the sealed data cannot be opened") from exc
