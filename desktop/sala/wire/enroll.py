"""Enrollment proves possession of the device key: the device signs a fresh server challenge.

``POST /v1/devices/challenge`` answers ``{"challenge", "expires_in", "server_id"}``; the
enrollment request then carries ``challenge`` and ``signature``, an Ed25519 signature by the
enrolling key over :func:`statement`. The statement names the server, the device id and the
key, so a signature made for one server or one device is worth nothing to another.
"""

from __future__ import annotations

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
