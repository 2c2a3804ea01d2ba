"""Where a database's secrets live: the OS key store, else a private file outside the data folder.

Why: a secret kept beside the data travels with every copy of the data folder (a USB copy for
support, a backup). The OS key store (Secret Service, macOS Keychain, Windows Credential Manager,
through ``keyring``) keeps it apart and, on most desktops, locked with the user's login. A
headless Linux without Secret Service has no such store: there the secret goes to a file only
this user can read (0600, folder 0700) in the user's configuration folder, never in the data
folder; the UI and the consent text say that this is weaker (``ContactVault.where``).

``SALA_KEY_DIR`` points the file store elsewhere (portable installs, tests).
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from pathlib import Path
from typing import Any

from sala.files import atomic_write
from sala.paths import APP_AUTHOR, APP_NAME, PRIVATE_DIR, PRIVATE_FILE, tighten

log = logging.getLogger(__name__)

KEYRING = "keyring"
FILE = "file"


def usable_keyring() -> Any | None:
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


def default_key_dir() -> Path:
    """The file store's folder: ``SALA_KEY_DIR``, else the user's configuration folder."""
    override = os.environ.get("SALA_KEY_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "keys"


class KeyStore:
    """Secrets of one kind (``service``), one per name (a device id)."""

    def __init__(self, service: str, key_dir: Path | None = None) -> None:
        self.service = service
        self._key_dir = key_dir

    @property
    def key_dir(self) -> Path:
        return self._key_dir or default_key_dir()

    def path(self, name: str) -> Path:
        return self.key_dir / f"{name}.{self.service}"

    def kind(self) -> str:
        """Where a new secret would go: ``keyring`` or ``file``."""
        return KEYRING if usable_keyring() is not None else FILE

    def get(self, name: str) -> bytes | None:
        kr = usable_keyring()
        if kr is not None:
            try:
                value = kr.get_password(self.service, name)
            except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: try the file
                log.warning("keyring unreadable (%s); trying the private key file", exc)
                value = None
            if value:
                return _decode(value)
        path = self.path(name)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        secret = _decode(raw.decode("ascii", "replace").strip())
        if secret is not None and kr is not None and self._to_keyring(kr, name, secret):
            path.unlink(missing_ok=True)   # an OS key store appeared since: the file goes
            log.info("moved the %s key of %s into the OS key store", self.service, name)
        return secret

    def put(self, name: str, secret: bytes) -> str:
        """Store ``secret``; returns where it went (``keyring`` or ``file``)."""
        kr = usable_keyring()
        if kr is not None and self._to_keyring(kr, name, secret):
            self.path(name).unlink(missing_ok=True)
            return KEYRING
        folder = self.key_dir
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        tighten(folder, PRIVATE_DIR)
        atomic_write(self.path(name), base64.b64encode(secret), mode=PRIVATE_FILE)
        return FILE

    def _to_keyring(self, kr: Any, name: str, secret: bytes) -> bool:
        try:
            kr.set_password(self.service, name, base64.b64encode(secret).decode("ascii"))
            return bool(kr.get_password(self.service, name))
        except Exception as exc:  # noqa: BLE001 - any keyring failure → the private file
            log.warning("keyring refused the %s key (%s); using a private file", self.service, exc)
            return False

    def where(self, name: str) -> str:
        """For people: the OS key store, or the file's path."""
        kr = usable_keyring()
        if kr is not None:
            try:
                if kr.get_password(self.service, name):
                    return KEYRING
            except Exception:  # noqa: BLE001
                pass
        if self.path(name).exists() or kr is None:
            return str(self.path(name))
        return KEYRING


def _decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True) or None
    except (binascii.Error, UnicodeEncodeError):
        log.error("a stored key is not valid base64; ignored")
        return None
