"""The deployment file: a platform's signed statement of who it is, shipped with the installer.

An office installs Sala for its own platform. The file names the platform's address, its id,
its public keys (Ed25519 signing, X25519 sealing), the agency and unit printed on reports and
the default province, and is signed with the platform's signing key (``sala-central
deployment-file`` makes it). The laptop checks it before use (``sala setup FILE``, or the file
beside the installed app) and then trusts that platform — pinned — and seals personal data to
it before it ever meets a link.

Shape::

    {"deployment": {"format": "sala-deployment-1", "url", "server_id", "name", "signing_key",
                    "sealing_key": {"alg", "public_key"}, "agency", "unit", "province",
                    "issued_at", "expires_at"},
     "signature": "<base64 Ed25519 over canonical_json(deployment) by signing_key>"}

Pure and Qt-free: the service signs with it, the laptop verifies with it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sala.domain.provinces import find_province
from sala.wire import crypto
from sala.wire.protocol import canonical_json

FORMAT = "sala-deployment-1"
MAX_BYTES = 64 * 1024
FILE_NAME = "sala-deployment.json"
_TEXT_FIELDS = ("url", "server_id", "name", "signing_key", "agency", "unit", "province",
                "issued_at", "expires_at")


class DeploymentInvalidError(ValueError):
    """A file that is not a good deployment file; ``code`` is stable for machines."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Deployment:
    url: str
    server_id: str
    name: str
    signing_key: str
    sealing_key: str
    sealing_alg: str
    agency: str
    unit: str
    province: str
    issued_at: str
    expires_at: str

    def body(self) -> dict[str, Any]:
        doc = asdict(self)
        alg, key = doc.pop("sealing_alg"), doc.pop("sealing_key")
        return {"format": FORMAT, **doc, "sealing_key": {"alg": alg, "public_key": key}}

    def expires(self) -> datetime:
        return _time(self.expires_at, "expires_at")


def _time(text: str, what: str) -> datetime:
    try:
        t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise DeploymentInvalidError("malformed", f"{what} is not an ISO 8601 time") from None
    if t.tzinfo is None:
        raise DeploymentInvalidError("malformed", f"{what} has no time zone")
    return t


def province_code(text: str) -> str | None:
    """A province's code from its code, Thai or English name; "" for none; None if unknown."""
    if not text.strip():
        return ""
    found = find_province(text)
    return found.code if found else None


def iso(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(key: Ed25519PrivateKey, dep: Deployment) -> bytes:
    """The file's bytes (UTF-8 JSON, indented for people) signed with the platform key."""
    if crypto.public_key_b64(key) != dep.signing_key:
        raise ValueError("the deployment must name the key that signs it")
    body = dep.body()
    return render(body, crypto.sign(key, canonical_json(body)))


def render(body: dict[str, Any], signature: str) -> bytes:
    """The one spelling of a signed file: :func:`parse` accepts no other (see there)."""
    doc = {"deployment": body, "signature": signature}
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _as_written(raw: bytes) -> bytes:
    """``raw`` without what copying a text file may add: a UTF-8 BOM, CRLF line ends (an editor,
    an e-mail). Neither can come from changing one byte, so every one-byte change is still caught."""
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    return raw.replace(b"\r\n", b"\n") if raw.count(b"\r\n") == raw.count(b"\n") else raw


def parse(raw: bytes, now: datetime) -> Deployment:
    """Check a file's bytes (size, shape, signature, byte for byte as signed, expiry) →
    :class:`Deployment`, else :class:`DeploymentInvalidError`. Nothing in it is trusted before its
    signature verifies."""
    if len(raw) > MAX_BYTES:
        raise DeploymentInvalidError("too_large", f"a deployment file is at most {MAX_BYTES} bytes")
    raw = _as_written(raw)
    try:
        doc = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DeploymentInvalidError("not_json", "the file is not UTF-8 JSON") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("deployment"), dict):
        raise DeploymentInvalidError("malformed", "no deployment object")
    if set(doc) - {"deployment", "signature"}:
        raise DeploymentInvalidError("malformed", "unknown top-level fields")
    sig = doc.get("signature")
    if not isinstance(sig, str) or not sig:
        raise DeploymentInvalidError("unsigned", "the file carries no signature")
    body = doc["deployment"]
    if body.get("format") != FORMAT:
        raise DeploymentInvalidError("malformed", f"format is not {FORMAT}")
    if set(body) != {"format", "sealing_key", *_TEXT_FIELDS}:
        raise DeploymentInvalidError("malformed", "deployment fields are missing or unknown")
    if not all(isinstance(body[k], str) and len(body[k]) <= 500 for k in _TEXT_FIELDS):
        raise DeploymentInvalidError("malformed", "every field is a short string")
    seal = body["sealing_key"]
    if (not isinstance(seal, dict) or set(seal) != {"alg", "public_key"}
            or seal["alg"] != crypto.SEAL_ALG or not isinstance(seal["public_key"], str)):
        raise DeploymentInvalidError("malformed", "sealing_key is {alg, public_key}")
    try:
        canonical_sig = crypto.b64e(crypto.b64d(sig, what="signature"))
    except crypto.CryptoError:
        canonical_sig = ""
    if canonical_sig != sig:   # base64's spare bits: another spelling of the same signature
        raise DeploymentInvalidError("bad_signature", "the signature is not canonical base64")
    try:
        crypto.verify(body["signing_key"], canonical_json(body), sig)
    except crypto.CryptoError as exc:
        raise DeploymentInvalidError("bad_signature",
                                f"the signature does not verify ({exc.code})") from None
    # The signature covers the content, not the spacing; but a file that is not byte for byte
    # what the platform wrote was changed by someone (a tab for a space, a line end), and an
    # office must be able to say "this file is exactly the one we were sent" (its sha256).
    if raw != render(body, sig):
        raise DeploymentInvalidError("altered", "the file is not byte for byte the one the platform signed")
    dep = Deployment(**{k: body[k] for k in _TEXT_FIELDS}, sealing_key=seal["public_key"],
                     sealing_alg=seal["alg"])
    try:
        crypto.b64d(dep.sealing_key, what="sealing key")
        crypto.seal(dep.sealing_key, b"")
    except crypto.CryptoError:
        raise DeploymentInvalidError("malformed", "the sealing key is not an X25519 key") from None
    _time(dep.issued_at, "issued_at")
    if dep.expires() <= now:
        raise DeploymentInvalidError("expired", f"the file expired at {dep.expires_at}")
    return dep


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")
