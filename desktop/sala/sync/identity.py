"""This laptop's sync identity: its Ed25519 signing key, the server URL and the device token.

Why here and like this: the signing key is the device's proof of authorship for every batch
(also when a supervisor forwards them), so it is made once and kept in a file only the user can
read (0600). The token is a bearer secret: it goes to the OS keyring when a real one exists and,
on a headless or keyring-less machine (the fail/null backends), to a 0600 file beside the data.

Identity belongs to its database: key and token are named by the database's device id
(``identity/<device id>.signing_key`` and ``.token``), so two databases in one folder never share
them and enrolling one leaves the other working. Sala before this kept one ``device_signing_key``
and one ``device_token`` per folder; such a file stays with the database that used it: one whose
own batches carry that key, or that enrolled, or whose keyring token exists (see
:meth:`Identity._used_legacy`). A database with no such trace gets a key of its own.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sala.domain.errors import SalaError
from sala.files import atomic_write
from sala.paths import PRIVATE_DIR, PRIVATE_FILE, tighten
from sala.storage.database import Database
from sala.storage.keystore import usable_keyring
from sala.storage.models import SyncBatch
from sala.storage.settings import Setting
from sala.wire import crypto, protocol
from sala.wire import enroll as enroll_wire

log = logging.getLogger(__name__)

IDENTITY_DIR = "identity"                   # <device id>.signing_key, <device id>.token
LEGACY_KEY_FILE = "device_signing_key"      # one per folder, before identity was per database
LEGACY_TOKEN_FILE = "device_token"
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


class Identity:
    """Key and token of the local device ``device_id``, whose database lives in ``data_dir``.

    ``db`` (that database) lets an identity left by an older Sala in the folder be taken over
    by the database that used it, and by no other."""

    def __init__(self, data_dir: Path, device_id: str, db: Database | None = None) -> None:
        self.data_dir = data_dir
        self.device_id = device_id
        self._db = db
        self._key: Ed25519PrivateKey | None = None

    @property
    def folder(self) -> Path:
        return self.data_dir / IDENTITY_DIR

    @property
    def key_path(self) -> Path:
        return self.folder / f"{self.device_id}.signing_key"

    @property
    def token_path(self) -> Path:
        return self.folder / f"{self.device_id}.token"

    def _write_private(self, path: Path, data: bytes) -> None:
        self.folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        tighten(self.folder, PRIVATE_DIR)
        atomic_write(path, data, mode=PRIVATE_FILE)

    def signing_key(self) -> Ed25519PrivateKey:
        """The device key, made on first use (it must never change for this device id)."""
        if self._key is None:
            if not self.key_path.exists():
                legacy = self.data_dir / LEGACY_KEY_FILE
                raw = legacy.read_bytes() if legacy.is_file() else None
                if raw is not None and self._used_legacy(crypto.signing_key_from_bytes(raw)):
                    log.info("the folder's older device key stays with database %s", self.device_id)
                    self._write_private(self.key_path, raw)
                else:
                    self._write_private(self.key_path, crypto.signing_key_to_bytes(crypto.generate_signing_key()))
            self._key = crypto.signing_key_from_bytes(self.key_path.read_bytes())
        return self._key

    def _used_legacy(self, key: Ed25519PrivateKey) -> bool:
        """Did this database use the folder-wide key of an older Sala? Its own batches were
        signed with it, or it enrolled (the key was the folder's only one then)."""
        if self._db is None:
            return False
        public = crypto.public_key_b64(key)
        with self._db.read() as s:
            signed = s.scalars(select(SyncBatch.batch_id).where(
                SyncBatch.device_id == self.device_id, SyncBatch.via == "own",
                SyncBatch.public_key == public).limit(1)).first()
            enrolled = PINNED_BY.get(s) == "enrollment" and bool(SERVER_ID.get(s))
        return signed is not None or enrolled or self._keyring_token() is not None

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
                kr.set_password(KEYRING_SERVICE, self.device_id, token)
                self.token_path.unlink(missing_ok=True)
                return "keyring"
            except Exception as exc:  # noqa: BLE001 - any keyring failure → the file
                log.warning("keyring refused the token (%s); using a private file", exc)
        self._write_private(self.token_path, token.encode("ascii"))
        return "file"

    def _keyring_token(self) -> str | None:
        kr = usable_keyring()
        if kr is not None:
            try:
                value = kr.get_password(KEYRING_SERVICE, self.device_id)
                if value:
                    return str(value)
            except Exception as exc:  # noqa: BLE001
                log.warning("keyring unreadable (%s); trying the private file", exc)
        return None

    def token(self) -> str | None:
        value = self._keyring_token()
        if value:
            return value
        if self.token_path.exists():
            return self.token_path.read_text("ascii").strip() or None
        legacy = self.data_dir / LEGACY_TOKEN_FILE
        if legacy.is_file() and (self.data_dir / LEGACY_KEY_FILE).is_file() and self._enrolled_with_legacy():
            # An older Sala's token of this folder: it belongs to the database enrolled with
            # the folder's key (if two were, the server tells the wrong one to enroll again).
            value = legacy.read_text("ascii").strip()
            if value:
                self._write_private(self.token_path, value.encode("ascii"))
                return value
        return None

    def _enrolled_with_legacy(self) -> bool:
        if self._db is None:
            return False
        with self._db.read() as s:
            enrolled = PINNED_BY.get(s) == "enrollment" and bool(SERVER_ID.get(s))
        return enrolled and self.public_key() == crypto.public_key_b64(
            crypto.signing_key_from_bytes((self.data_dir / LEGACY_KEY_FILE).read_bytes()))

    def clear_token(self) -> None:
        kr = usable_keyring()
        if kr is not None:
            try:
                kr.delete_password(KEYRING_SERVICE, self.device_id)
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


class IncompleteCodeError(SalaError):
    """A code without the platform's fingerprint, on a laptop with no deployment file."""

    def __init__(self) -> None:
        super().__init__(
            "รหัสลงทะเบียนไม่ครบ ต้องเป็นรหัส 24 ตัวอักษรตามที่ผู้ดูแลระบบกลางออกให้ (6 กลุ่ม กลุ่มละ 4 ตัว) "
            "ส่วนท้ายใช้ตรวจว่าเครื่องที่ตอบคือระบบกลางจริง จึงยังไม่ได้ส่งข้อมูลใด ๆ ออกไป",
            "The enrollment code is incomplete: it must be the full 24-letter code the platform's "
            "administrator issued (6 groups of 4). Its last part checks that the server answering "
            "is the real platform, so nothing was sent.")


def check_code(code: str, signing_key: str, *, deployed: bool) -> str:
    """The secret part of an enrollment ``code`` to send, once the platform that proved
    ``signing_key`` in its hello matches the fingerprint the code ends with (``enroll.split_code``).
    Raises :class:`WrongPlatformError` on a mismatch, before anything is sent; a code without a
    fingerprint is enough only when a deployment file pinned the platform already."""
    secret, typed = enroll_wire.split_code(code)
    if typed is None:
        if not deployed:
            raise IncompleteCodeError
        return secret
    if typed != enroll_wire.code_fingerprint(signing_key):
        raise WrongPlatformError("code_mismatch", f"the code is for platform key {typed}, the server "
                                 f"proved key {enroll_wire.code_fingerprint(signing_key)}")
    return secret


def _fp(key: str) -> str:
    try:
        return crypto.key_fingerprint(key)
    except crypto.CryptoError:
        return "(malformed)"
