"""A supervisor's vouch: the offline registration of a laptop that never meets a link.

A laptop's key is known to the platform only through enrollment (the laptop proves its key) or
through a vouch: a supervisor's *enrolled* app, having imported the laptop's signed USB bundle,
signs a registration naming the laptop's device id and public key, the platform it is meant for,
the supervisor's own device id and the time. It travels with every forwarded batch of that
laptop in the ``Sala-Vouch`` header; the platform accepts a batch from a device it does not know
only with a vouch that verifies against an enrolled, unrevoked device's key (PROTOCOL.md,
"Offline registration"). The signature covers the key, so a vouch cannot be replayed for another
key, and the server id, so it is worth nothing to another platform.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala.wire import crypto
from sala.wire.protocol import DEVICE_ID_RE, canonical_json

H_VOUCH = "Sala-Vouch"
PURPOSE = "sala-vouch-1"
MAX_HEADER_CHARS = 2048
_FIELDS = ("device_id", "device_name", "public_key", "purpose", "server_id", "voucher_id",
           "vouched_at")


class VouchError(ValueError):
    """A vouch that cannot be read or does not verify; ``code`` is the API error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Vouch:
    device_id: str      # the laptop vouched for
    public_key: str     # its Ed25519 key, as its signed bundle showed it
    device_name: str
    server_id: str      # the platform this vouch is for
    voucher_id: str     # the supervisor's enrolled device
    vouched_at: int     # Unix seconds on the supervisor's clock
    signature: str = ""

    def statement(self) -> bytes:
        """The canonical bytes the supervisor's device key signs."""
        return canonical_json({"device_id": self.device_id, "device_name": self.device_name,
                               "public_key": self.public_key, "purpose": PURPOSE,
                               "server_id": self.server_id, "voucher_id": self.voucher_id,
                               "vouched_at": self.vouched_at})

    def header(self) -> str:
        """The ``Sala-Vouch`` header value: base64url of the statement with its signature."""
        doc = json.loads(self.statement()) | {"signature": self.signature}
        return base64.urlsafe_b64encode(canonical_json(doc)).decode("ascii")

    def verify(self, voucher_key: str) -> None:
        """Raise :class:`VouchError` unless ``voucher_key`` signed this vouch."""
        try:
            crypto.verify(voucher_key, self.statement(), self.signature)
        except crypto.CryptoError:
            raise VouchError("bad_vouch_signature", "the vouch's signature does not verify "
                                                    "against the vouching device's key") from None

    @property
    def when(self) -> str:
        return datetime.fromtimestamp(self.vouched_at, UTC).isoformat(timespec="seconds")


def make(key: Ed25519PrivateKey, *, voucher_id: str, server_id: str, device_id: str,
         public_key: str, device_name: str = "", at: datetime | None = None) -> Vouch:
    """A vouch for ``device_id``/``public_key`` signed with the supervisor's device ``key``."""
    when = int((at or datetime.now(UTC)).timestamp())
    v = Vouch(device_id, public_key, device_name[:200], server_id, voucher_id, when)
    return Vouch(**{**v.__dict__, "signature": crypto.sign(key, v.statement())})


def parse(header: str) -> Vouch:
    """The vouch in a ``Sala-Vouch`` header, shape-checked (not yet verified), or VouchError."""
    bad = VouchError("bad_vouch", "Sala-Vouch is not a readable vouch")
    if len(header) > MAX_HEADER_CHARS:
        raise VouchError("bad_vouch", f"Sala-Vouch is longer than {MAX_HEADER_CHARS} characters")
    try:
        doc: Any = json.loads(base64.urlsafe_b64decode(header.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error, RecursionError):
        raise bad from None
    if not isinstance(doc, dict) or set(doc) != {*_FIELDS, "signature"} or doc["purpose"] != PURPOSE:
        raise bad
    strs = ("device_id", "device_name", "public_key", "server_id", "voucher_id", "signature")
    if not all(isinstance(doc[k], str) for k in strs):
        raise bad
    when = doc["vouched_at"]
    if not isinstance(when, int) or isinstance(when, bool) or not 0 < when < 2**40:
        raise bad
    for k in ("device_id", "voucher_id"):
        if not DEVICE_ID_RE.match(doc[k]):
            raise VouchError("bad_vouch", f"Sala-Vouch: {k} is not a valid device id")
    try:
        crypto.load_public_key(doc["public_key"])
    except crypto.CryptoError:
        raise VouchError("bad_vouch", "Sala-Vouch: public_key is not a base64 raw Ed25519 key") \
            from None
    return Vouch(doc["device_id"], doc["public_key"], doc["device_name"][:200], doc["server_id"],
                 doc["voucher_id"], when, doc["signature"])
