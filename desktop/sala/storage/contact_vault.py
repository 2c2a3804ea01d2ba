"""Participants' contact details are never at rest in plain text (PDPA).

A contact (name, phone, e-mail) lives in ``participant_contact`` in one of two forms:

- ``box``: encrypted (AES-256-GCM) under this database's *device key*, while the laptop still
  needs to read it (the facilitator corrects it while the session is open; a finalized session
  whose platform key is not known yet). The device key is one random secret per database
  (named by its device id) kept in the OS key store, or where there is none in a private file
  outside the data folder (``storage/keystore.py``): a copy of the database or of its backups
  alone opens nothing.
- ``sealed``: sealed to the central platform's public key at finalize (``sync/outbox.py``), or
  as soon as that key is known; then the laptop itself can no longer read it.

Either way ``name_key``/``phone_key`` hold HMACs of the normalized name and phone under a key
derived from the device key (a *blind index*): :func:`find_participants` finds a person across
sessions, sealed or not, and without the device key the index cannot be tested against guesses.

The plain columns ``name``/``phone``/``email`` are kept empty; :func:`protect_plain_rows` (run at
start) encrypts what an older version left there, and :func:`scrub_backups` does the same to
backups taken before, so no copy on the laptop keeps plain contacts.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import or_, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import validation
from sala.domain.errors import SalaError, ValidationError
from sala.domain.thaitext import normalize
from sala.files import atomic_path
from sala.paths import PRIVATE_FILE
from sala.storage.keystore import KEYRING, KeyStore
from sala.storage.models import Device, ParticipantContact

log = logging.getLogger(__name__)

SERVICE = "sala-contacts"        # the key store's name for device keys of contacts
_BOX_VERSION = b"\x01"
_NONCE = 12


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str

    def is_empty(self) -> bool:
        return not (self.name or self.phone or self.email)

    def to_bytes(self) -> bytes:
        """The canonical form, the same that is sealed for the platform."""
        doc = {"name": self.name, "phone": self.phone, "email": self.email}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


@dataclass(frozen=True)
class LookupKeys:
    """Blind-index values for a search; a field left out (or unusable) is None."""

    name_key: str | None = None
    phone_key: str | None = None


class ContactFields(Protocol):
    """What :meth:`ContactVault.decrypt_contact` reads: a ``ParticipantContact`` or a row of a
    select naming these columns (``contact_columns``)."""

    @property
    def participant_id(self) -> str: ...
    @property
    def box(self) -> bytes | None: ...
    @property
    def key_id(self) -> str | None: ...
    @property
    def sealed(self) -> bytes | None: ...
    @property
    def name(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...


def contact_columns() -> tuple[Any, ...]:
    """The columns of ``participant_contact`` that :meth:`ContactVault.decrypt_contact` needs,
    for a select that reads many rows at once (exports)."""
    c = ParticipantContact
    return (c.participant_id, c.box, c.key_id, c.sealed, c.name, c.phone, c.email)


class ContactKeyMissingError(SalaError):
    """Contacts were encrypted under a device key this laptop can no longer find."""

    def __init__(self, where: str) -> None:
        super().__init__(
            "อ่านหรือบันทึกข้อมูลติดต่อของผู้เข้าร่วมไม่ได้ เพราะไม่พบกุญแจเข้ารหัสของฐานข้อมูลนี้ "
            f"(ที่เก็บ: {where}) ข้อมูลอื่นของเวทียังบันทึกได้ตามปกติ โปรดเปิดด้วยบัญชีผู้ใช้เดิมของเครื่องนี้ "
            "หรือแจ้งผู้ดูแลระบบ",
            "The participants' contact details cannot be read or saved: this database's encryption "
            f"key is not found (kept in: {where}). Everything else can be recorded as usual. Open Sala "
            "with this laptop's usual user account, or tell your administrator.")
        self.where = where


def normalized_name(name: str) -> str:
    """Invisible characters out, NFC, white space collapsed, Latin case-folded."""
    return normalize(name or "")


def normalized_phone(phone: str) -> str | None:
    """The phone's digits in the national form (``0812345678``), or None if it is not a phone."""
    try:
        canonical = validation.phone(phone)
    except ValidationError:
        return None
    return canonical.replace("-", "") if canonical else None


class ContactVault:
    """Encrypts, decrypts and indexes the contacts of the database whose device id is given."""

    def __init__(self, device_id: str, store: KeyStore | None = None) -> None:
        self.device_id = device_id
        self.store = store or KeyStore(SERVICE)
        self._master: bytes | None = None

    # -- the device key ---------------------------------------------------------------------

    def _key(self, *, create: bool) -> bytes | None:
        if self._master is None:
            self._master = self.store.get(self.device_id)
            if self._master is None and create:
                secret = os.urandom(32)
                where = self.store.put(self.device_id, secret)
                log.info("made the contact key of %s (%s)", self.device_id, where)
                self._master = secret
        return self._master

    def _derived(self, purpose: bytes, *, create: bool) -> bytes | None:
        master = self._key(create=create)
        if master is None:
            return None
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=self.device_id.encode(),
                    info=b"sala contact " + purpose).derive(master)

    def key_id(self, *, create: bool = False) -> str | None:
        ident = self._derived(b"key id", create=create)
        return ident.hex()[:16] if ident is not None else None

    def has_key(self) -> bool:
        return self._key(create=False) is not None

    def where(self) -> str:
        """Where the device key is kept, for people: ``keyring`` or the key file's path."""
        return self.store.where(self.device_id)

    def kept_in_file(self) -> bool:
        """True when no OS key store holds the key (a headless laptop): a weaker protection,
        which the UI says."""
        return self.where() != KEYRING

    def check_key(self, s: OrmSession) -> None:
        """Raise :class:`ContactKeyMissingError` if contacts in this database were encrypted
        under a key this laptop does not have: a new key would make them unreadable for good."""
        used = s.scalars(select(ParticipantContact.key_id).where(ParticipantContact.box.is_not(None))
                         .limit(1)).first()
        if used is not None and used != self.key_id():
            raise self._missing()

    def _missing(self) -> ContactKeyMissingError:
        return ContactKeyMissingError(self.where())

    # -- blind index ------------------------------------------------------------------------

    def lookup_keys(self, name: str | None = None, phone: str | None = None) -> LookupKeys:
        """The blind-index values of ``name`` and ``phone`` (normalized first), to compare with
        ``ParticipantContact.name_key``/``phone_key``. Without a device key nothing can match:
        both are None."""
        key = self._derived(b"index", create=False)
        if key is None:
            return LookupKeys()
        return LookupKeys(_mac(key, b"name", normalized_name(name)) if name else None,
                          _mac(key, b"phone", normalized_phone(phone)) if phone else None)

    # -- encrypting a row -------------------------------------------------------------------

    def protect(self, row: ParticipantContact, contact: Contact) -> None:
        """Put ``contact`` into ``row`` encrypted under the device key, with its blind index;
        the plain columns are left empty and any sealed copy is replaced (it was older)."""
        enc = self._derived(b"box", create=True)
        index = self._derived(b"index", create=True)
        key_id = self.key_id(create=True)
        assert enc is not None and index is not None and key_id is not None
        nonce = os.urandom(_NONCE)
        aad = _aad(row.participant_id, key_id)
        row.box = _BOX_VERSION + nonce + AESGCM(enc).encrypt(nonce, contact.to_bytes(), aad)
        row.key_id = key_id
        row.name_key = _mac(index, b"name", normalized_name(contact.name)) if contact.name else None
        row.phone_key = _mac(index, b"phone", normalized_phone(contact.phone)) if contact.phone else None
        row.name = row.phone = row.email = ""
        row.sealed = None
        row.sealed_at = None

    def decrypt_contact(self, row: ContactFields) -> Contact | None:
        """The contact in ``row`` while this laptop can still read it; None once it is sealed
        for the platform (or empty). Raises :class:`ContactKeyMissingError` when it was
        encrypted under a key this laptop no longer has."""
        if row.box is None:
            if row.sealed is None and (row.name or row.phone or row.email):
                return Contact(row.name, row.phone, row.email)   # not yet protected (before start)
            return None
        enc = self._derived(b"box", create=False)
        if enc is None or row.key_id != self.key_id():
            raise self._missing()
        raw = bytes(row.box)
        if raw[:1] != _BOX_VERSION or len(raw) < 1 + _NONCE + 16:
            raise self._missing()
        try:
            plain = AESGCM(enc).decrypt(raw[1:1 + _NONCE], raw[1 + _NONCE:], _aad(row.participant_id, row.key_id))
        except InvalidTag:
            raise self._missing() from None
        doc = json.loads(plain.decode("utf-8"))
        return Contact(str(doc.get("name", "")), str(doc.get("phone", "")), str(doc.get("email", "")))

    def mark_sealed(self, row: ParticipantContact, sealed: bytes, when: datetime) -> None:
        """``row`` now holds only the platform's sealed box (the device-key copy goes); the
        blind index stays, so the person is still found."""
        row.sealed = sealed
        row.sealed_at = when
        row.box = None
        row.name = row.phone = row.email = ""


def _aad(participant_id: str, key_id: str | None) -> bytes:
    return f"{participant_id}|{key_id or ''}".encode()


def _mac(key: bytes, field: bytes, value: str | None) -> str | None:
    if not value:
        return None
    return hmac.new(key, field + b"\x00" + value.encode("utf-8"), hashlib.sha256).hexdigest()


# -- queries -------------------------------------------------------------------------------

def find_participants(s: OrmSession, vault: ContactVault, name: str | None = None,
                      phone: str | None = None) -> list[str]:
    """Ids of participants (any session) whose contact matches ``name`` or ``phone`` exactly
    after normalization, sealed or not. Nothing is found without the device key."""
    keys = vault.lookup_keys(name, phone)
    conds = []
    if keys.name_key:
        conds.append(ParticipantContact.name_key == keys.name_key)
    if keys.phone_key:
        conds.append(ParticipantContact.phone_key == keys.phone_key)
    if not conds:
        return []
    return list(s.scalars(select(ParticipantContact.participant_id).where(or_(*conds))
                          .order_by(ParticipantContact.participant_id)))


def _plain_rows(s: OrmSession) -> list[ParticipantContact]:
    return list(s.scalars(select(ParticipantContact).where(
        or_(ParticipantContact.name != "", ParticipantContact.phone != "", ParticipantContact.email != ""))))


def protect_plain_rows(s: OrmSession, vault: ContactVault) -> int:
    """Encrypt every contact an older version left in plain text (in the caller's transaction,
    so all or nothing); returns how many. A row that was also sealed keeps only its seal."""
    rows = _plain_rows(s)
    if any(row.sealed is None for row in rows):
        vault.check_key(s)
    n = 0
    for row in rows:
        contact = Contact(row.name, row.phone, row.email)
        if row.sealed is not None:
            row.name = row.phone = row.email = ""
        else:
            vault.protect(row, contact)
        n += 1
    return n


def has_plain_contacts(conn: sqlite3.Connection) -> bool:
    try:
        return conn.execute("SELECT 1 FROM participant_contact WHERE name != '' OR phone != '' "
                            "OR email != '' LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False   # no such table: nothing to scrub


def purge_free_pages(path: Path) -> None:
    """Rewrite the database file so no freed page still holds what was overwritten (VACUUM),
    and empty the write-ahead log."""
    conn = sqlite3.connect(path, timeout=5, isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


# -- backups -------------------------------------------------------------------------------

def scrub_backups(files: list[Path], store: KeyStore | None = None) -> list[Path]:
    """Replace each SQLite file in ``files`` that still holds plain contacts by a copy where
    they are encrypted (upgraded to the current schema first when it is older), atomically:
    a failure leaves the old file whole. Returns the files replaced."""
    done = []
    for path in files:
        try:
            with contextlib.closing(_open_untouched(path)) as conn:
                if not has_plain_contacts(conn):
                    continue
        except sqlite3.Error as exc:
            log.warning("backup %s not scrubbed: unreadable (%s)", path, exc)
            continue
        try:
            _scrub_one(path, store)
        except (sqlite3.Error, OSError, SalaError) as exc:
            log.error("backup %s still holds plain contacts: %s", path, exc)
            continue
        done.append(path)
    return done


def _open_untouched(path: Path) -> sqlite3.Connection:
    """Read a backup without writing anything beside it (no -wal or -shm file): backups are
    WAL-mode copies nobody writes to."""
    from urllib.parse import quote

    return sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True)


def _scrub_one(path: Path, store: KeyStore | None) -> None:
    from sqlalchemy.orm import Session

    from sala.storage import migrate
    from sala.storage.engine import make_engine

    stat = path.stat()
    with atomic_path(path) as tmp:
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        with contextlib.closing(_open_untouched(path)) as src, contextlib.closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)
        engine = make_engine(tmp)
        try:
            if migrate.current_revision(engine) != migrate.head_revision():
                migrate.upgrade(engine)
            with Session(engine.execution_options(sala_write=True)) as s, s.begin():
                device_id = s.scalars(select(Device.id).where(Device.is_local.is_(True))).first()
                if device_id is None:
                    raise OSError(f"{path} has no local device")
                protect_plain_rows(s, ContactVault(str(device_id), store))
        finally:
            engine.dispose()
        purge_free_pages(tmp)
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")   # a backup is one self-contained file
        finally:
            conn.close()
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    os.utime(path, (stat.st_atime, stat.st_mtime))

