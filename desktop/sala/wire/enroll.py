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
