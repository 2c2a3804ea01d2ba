"""This laptop's sync identity: its Ed25519 signing key, the server URL and the device token.

Why here and like this: the signing key is the device's proof of authorship for every batch
(also when a supervisor forwards them), so it is made once and kept in a file only the user can
read (0600). The token is a bearer secret: it goes to the OS keyring when a real one exists and,
on a headless or keyring-less machine (the fail/null backends), to a 0600 file beside the data.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session as OrmSession

from sala.domain.errors import SalaError
from sala.files import atomic_write
from sala.storage.settings import Setting
from sala.wire import crypto, protocol
from sala.wire import enroll as enroll_wire

log = logging.getLogger(__name__)

KEY_FILE = "device_signing_key"
TOKEN_FILE = "device_token"
KEYRING_SERVICE = "sala-sync"
URL = Setting("central.url", str)
SERVER_ID = Setting("central.server_id", str)
REENROLL = Setting("sync.reenroll_needed", str)       # why the server refused the token
RECONCILE = Setting("sync.reconcile_needed", bool)    # a full reconcile is due (see reconcile.py)
LIMITS = Setting("central.limits", dict)
SIGNING_KEY = Setting("central.signing_key", str)      # the platform's pinned Ed25519 key
PINNED_BY = Setting("central.pinned_by", str)          # "enrollment" or "deployment"
ALLOW_HTTP = Setting("central.allow_http", bool)       # the user allowed plain HTTP

#: ``sala sync`` / ``sala enroll`` exit code when the server is not the pinned platform.
EXIT_WRONG_PLATFORM = 9


def usable_keyring() -> object | None:
    """The OS keyring backend, or None when only the fail/null backends exist (headless)."""
    try:
        import keyring
        from keyring.backends import chainer, fail
    except ImportError:
        return None
    kr = keyring.get_keyring()
    if isinstance(kr, fail.Keyring) or type(kr).__module__.startswith("keyring.backends.null"):
        return None
    if isinstance(kr, chainer.ChainerBackend) and not kr.backends:
        return None
    try:
        if float(getattr(kr, "priority", 1)) <= 0:
            return None
    except (TypeError, ValueError):
        return None
    return kr


class Identity:
    """Key and token of the local device whose database lives in ``data_dir``."""

    def __init__(self, data_dir: Path, device_id: str) -> None:
        self.data_dir = data_dir
        self.device_id = device_id
        self._key: Ed25519PrivateKey | None = None

    @property
    def key_path(self) -> Path:
        return self.data_dir / KEY_FILE

    @property
    def token_path(self) -> Path:
        return self.data_dir / TOKEN_FILE

    def signing_key(self) -> Ed25519PrivateKey:
        """The device key, made on first use (it must never change for this device id)."""
        if self._key is None:
            if self.key_path.exists():
                self._key = crypto.signing_key_from_bytes(self.key_path.read_bytes())
            else:
                key = crypto.generate_signing_key()
                atomic_write(self.key_path, crypto.signing_key_to_bytes(key), mode=0o600)
                self._key = key
        return self._key

    def public_key(self) -> str:
        return crypto.public_key_b64(self.signing_key())

    # -- token ---------------------------------------------------------------------------------

    def token_store(self) -> str:
        """Where the token lives: ``keyring`` or ``file``."""
        return "keyring" if usable_keyring() is not None else "file"

    def set_token(self, token: str) -> str:
        kr = usable_keyring()
        if kr is not None:
            try:
                kr.set_password(KEYRING_SERVICE, self.device_id, token)  # type: ignore[attr-defined]
                self.token_path.unlink(missing_ok=True)
                return "keyring"
            except Exception as exc:  # noqa: BLE001 - any keyring failure → the file
                log.warning("keyring refused the token (%s); using a private file", exc)
        atomic_write(self.token_path, token.encode("ascii"), mode=0o600)
        return "file"

    def token(self) -> str | None:
        kr = usable_keyring()
        if kr is not None:
            try:
                value = kr.get_password(KEYRING_SERVICE, self.device_id)  # type: ignore[attr-defined]
                if value:
                    return str(value)
            except Exception as exc:  # noqa: BLE001
                log.warning("keyring unreadable (%s); trying the private file", exc)
        if self.token_path.exists():
            return self.token_path.read_text("ascii").strip() or None
        return None

    def clear_token(self) -> None:
        kr = usable_keyring()
        if kr is not None:
            try:
                kr.delete_password(KEYRING_SERVICE, self.device_id)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - nothing stored there
                pass
        self.token_path.unlink(missing_ok=True)


def remember_limits(s: OrmSession, limits: protocol.Limits) -> None:
    """Keep the limits the server last advertised (USB bundles are cut to them)."""
    if LIMITS.get(s) != limits.to_json():
        LIMITS.put(s, limits.to_json())


def known_limits(s: OrmSession) -> protocol.Limits | None:
    value = LIMITS.get(s)
    try:
        return protocol.Limits.from_json(value) if value is not None else None
    except (KeyError, TypeError, ValueError):
        return None


# -- whom this laptop trusts -------------------------------------------------------------------
#
# The platform is its signing key. The laptop pins its id and key at enrollment (or from a
# signed deployment file) and, before any token leaves the laptop, checks that the server at the
# sync address signs a fresh nonce with that key (``enroll.hello_statement``). The same signature
# covers the sealing key, so the key personal data is sealed to changes only when the pinned key
# says so.

class WrongPlatformError(SalaError):
    """The server at the sync address is not the platform this laptop trusts."""

    exit_code = EXIT_WRONG_PLATFORM

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(
            "เครื่องที่ตอบอยู่ที่ที่อยู่ระบบกลางไม่ใช่ระบบกลางที่เครื่องนี้เชื่อถือ (พิสูจน์ตัวตนไม่ผ่าน) "
            "จึงไม่ได้ส่งข้อมูลใด ๆ ออกไป โปรดแจ้งผู้ดูแลระบบ และอย่าลงทะเบียนกับที่อยู่นี้",
            "The server answering at the central platform's address is not the platform this "
            "laptop trusts (it failed to prove its identity), so nothing was sent. Tell your "
            "administrator, and do not enroll with this address.")
        self.code = code
        self.detail = detail


class PlainHttpRefusedError(SalaError):
    """An ``http://`` address without the user's say-so (only loopback may go unencrypted)."""

    def __init__(self, url: str) -> None:
        super().__init__(
            f"ที่อยู่ {url} ไม่เข้ารหัส (http://) ข้อมูลและรหัสผ่านอาจถูกดักอ่านระหว่างทาง "
            "โปรดใช้ที่อยู่ https:// หรือถ้าผู้ดูแลระบบยืนยันว่าเครือข่ายนี้ปลอดภัย ให้อนุญาต HTTP ธรรมดา "
            "(--allow-http)",
            f"The address {url} is not encrypted (http://): data and the device token could be "
            "read or changed on the way. Use an https:// address, or, if your administrator "
            "says this network is safe, allow plain HTTP (--allow-http).")
        self.url = url


class BadAddressError(SalaError):
    def __init__(self, url: str) -> None:
        super().__init__(f"ที่อยู่ระบบกลาง {url!r} ไม่ถูกต้อง ต้องขึ้นต้นด้วย https:// ตามด้วยชื่อเครื่อง",
                         f"The central platform address {url!r} is not valid: it must start "
                         "with https:// followed by a host name.")


def is_loopback(host: str) -> bool:
    """True for addresses whose traffic never leaves this machine."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, allow_http: bool) -> str:
    """``url`` without its trailing slash, if this laptop may talk to it: https://, or http://
    on loopback or when the user allowed plain HTTP. Raises :class:`PlainHttpRefusedError` or
    :class:`BadAddressError`."""
    url = url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise BadAddressError(url) from None
    if parts.scheme not in ("https", "http") or not host or parts.username or parts.password:
        raise BadAddressError(url)
    if parts.scheme == "http" and not allow_http and not is_loopback(host):
        raise PlainHttpRefusedError(url)
    return url


@dataclass(frozen=True)
class Pin:
    server_id: str
    signing_key: str
    by: str = "enrollment"


def pinned(s: OrmSession) -> Pin | None:
    server_id, key = SERVER_ID.get(s), SIGNING_KEY.get(s)
    if not server_id or not key:
        return None
    return Pin(server_id, key, PINNED_BY.get(s) or "enrollment")


def pin(s: OrmSession, p: Pin) -> None:
    SERVER_ID.put(s, p.server_id)
    SIGNING_KEY.put(s, p.signing_key)
    PINNED_BY.put(s, p.by)


def check_hello(hello: protocol.Hello, nonce: str, expected: Pin | None) -> None:
    """Raise :class:`WrongPlatformError` unless ``hello`` proves possession of its signing key over
    ``nonce`` (with its id and sealing key) and, when ``expected``, is that platform."""
    if not hello.signing_key or not hello.proof:
        raise WrongPlatformError("no_proof", "the server did not sign the hello")
    if expected is not None and (hello.server_id != expected.server_id
                                 or hello.signing_key != expected.signing_key):
        raise WrongPlatformError("not_pinned",
                            f"expected {expected.server_id} key {_fp(expected.signing_key)}, got "
                            f"{hello.server_id[:40]!r} key {_fp(hello.signing_key)}")
    try:
        enroll_wire.verify_hello(proof=hello.proof, nonce=nonce, server_id=hello.server_id,
                                 signing_key=hello.signing_key, sealing_key=hello.sealing_key,
                                 sealing_alg=hello.sealing_alg)
    except crypto.CryptoError as exc:
        raise WrongPlatformError("bad_proof", f"the hello proof does not verify ({exc.code})") from exc


def _fp(key: str) -> str:
    try:
        return crypto.key_fingerprint(key)
    except crypto.CryptoError:
        return "(malformed)"
