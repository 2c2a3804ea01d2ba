"""This laptop's sync identity: its Ed25519 signing key, the server URL and the device token.

Why here and like this: the signing key is the device's proof of authorship for every batch
(also when a supervisor forwards them), so it is made once and kept in a file only the user can
read (0600). The token is a bearer secret: it goes to the OS keyring when a real one exists and,
on a headless or keyring-less machine (the fail/null backends), to a 0600 file beside the data.
"""

from __future__ import annotations

import logging
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session as OrmSession

from sala.storage.files import atomic_write
from sala.storage.settings import Setting
from sala.wire import crypto, protocol

log = logging.getLogger(__name__)

KEY_FILE = "device_signing_key"
TOKEN_FILE = "device_token"
KEYRING_SERVICE = "sala-sync"
URL = Setting("central.url", str)
SERVER_ID = Setting("central.server_id", str)
REENROLL = Setting("sync.reenroll_needed", str)       # why the server refused the token
RECONCILE = Setting("sync.reconcile_needed", bool)    # a full reconcile is due (see reconcile.py)
LIMITS = Setting("central.limits", dict)


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
