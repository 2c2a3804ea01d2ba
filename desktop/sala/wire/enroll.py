"""Enrollment proves possession of the device key: the device signs a fresh server challenge.

``POST /v1/devices/challenge`` answers ``{"challenge", "expires_in", "server_id"}``; the
enrollment request then carries ``challenge`` and ``signature``, an Ed25519 signature by the
enrolling key over :func:`statement`. The statement names the server, the device id and the
key, so a signature made for one server or one device is worth nothing to another.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala.wire import crypto
from sala.wire.protocol import canonical_json

PATH_CHALLENGE = "/v1/devices/challenge"
PURPOSE = "sala-enroll-1"


def statement(*, challenge: str, server_id: str, device_id: str, public_key: str) -> bytes:
    """The canonical bytes an enrolling device signs."""
    return canonical_json({"challenge": challenge, "device_id": device_id,
                           "public_key": public_key, "purpose": PURPOSE,
                           "server_id": server_id})


def sign_challenge(key: Ed25519PrivateKey, *, challenge: str, server_id: str,
                   device_id: str) -> str:
    """Base64 signature of :func:`statement` with this device's key."""
    return crypto.sign(key, statement(challenge=challenge, server_id=server_id,
                                      device_id=device_id,
                                      public_key=crypto.public_key_b64(key)))


# -- the platform's own identity ---------------------------------------------------------------
#
# The platform is its Ed25519 signing key, pinned by the laptop at enrollment (or from a signed
# deployment file). Before any bearer token leaves the laptop, the server answering /v1/hello
# signs the laptop's fresh nonce together with its id and its current sealing key: a rogue
# server at the sync address cannot, and a sealing key no pinned signature vouches for is
# never sealed to.

HELLO_PURPOSE = "sala-hello-1"
NONCE_RE = r"^[0-9a-f]{32,128}\Z"


def hello_statement(*, nonce: str, server_id: str, signing_key: str, sealing_key: str,
                    sealing_alg: str) -> bytes:
    """The canonical bytes a platform signs to answer a hello with ``nonce``."""
    return canonical_json({"nonce": nonce, "purpose": HELLO_PURPOSE, "sealing_alg": sealing_alg,
                           "sealing_key": sealing_key, "server_id": server_id,
                           "signing_key": signing_key})


def sign_hello(key: Ed25519PrivateKey, *, nonce: str, server_id: str, sealing_key: str,
               sealing_alg: str) -> str:
    return crypto.sign(key, hello_statement(nonce=nonce, server_id=server_id,
                                            signing_key=crypto.public_key_b64(key),
                                            sealing_key=sealing_key, sealing_alg=sealing_alg))


def verify_hello(*, proof: str, nonce: str, server_id: str, signing_key: str, sealing_key: str,
                 sealing_alg: str) -> None:
    """Raise :class:`crypto.CryptoError` unless ``proof`` is ``signing_key``'s signature of the
    hello statement (so the answer is fresh, and its id and sealing key are the platform's)."""
    crypto.verify(signing_key, hello_statement(nonce=nonce, server_id=server_id,
                                               signing_key=signing_key, sealing_key=sealing_key,
                                               sealing_alg=sealing_alg), proof)


# -- the enrollment code checks the platform ---------------------------------------------------
#
# A laptop with no deployment file meets the platform first at enrollment. The code the operator
# hands out (``sala-central enroll-code``) is the one-time secret followed by a fingerprint of the
# platform's signing key: ``K7QM-2XWD-HP4R-9F3K-T2AB-XYQD``. The laptop checks the key proved in
# the hello against it before it sends anything (the challenge request, the code, its name), and
# sends only the secret part. 60 bits: grinding an Ed25519 key to match is out of reach.

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"   # no 0/O, 1/I: read aloud over the phone
SECRET_CHARS = 12
FINGERPRINT_CHARS = 12


def code_fingerprint(signing_key: str) -> str:
    """The platform's key as the 12 letters an enrollment code ends with."""
    digest = int.from_bytes(hashlib.sha256(b"sala platform key\0" + crypto.b64d(signing_key))
                            .digest()[:8], "big")
    return "".join(CODE_ALPHABET[(digest >> (5 * i)) & 31] for i in range(FINGERPRINT_CHARS))


def normalize(code: str) -> str:
    """Letters and digits of a code as typed, upper case (dashes and spaces dropped)."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def split_code(code: str) -> tuple[str, str | None]:
    """``(secret, fingerprint)`` of a code as typed; fingerprint None for a bare 12-letter code."""
    raw = normalize(code)
    if len(raw) == SECRET_CHARS + FINGERPRINT_CHARS:
        return raw[:SECRET_CHARS], raw[SECRET_CHARS:]
    return raw, None


def group(text: str) -> str:
    """``K7QM2XWD…`` → ``K7QM-2XWD-…``: four at a time, as people read codes aloud."""
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))
