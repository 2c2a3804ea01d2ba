"""Participants: anonymous codes and demographic bands; contact details only with consent.

Contact details are never stored in plain text: they go into ``participant_contact`` encrypted
under the database's device key (``storage/contact_vault.py``) and are sealed for the platform
at finalize. :func:`protect_contacts` (run at every start) encrypts what an older version left
in plain text, in the database and in its backups, and seals what can be sealed.
"""

from __future__ import annotations

import builtins
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import SalaError, ValidationError
from sala.domain.inputs import CONSENT_PURPOSE_TH, ParticipantInput
from sala.services.sessions import load_record
from sala.services.writable import writable_session
from sala.storage import contact_vault as vaults
from sala.storage.contact_vault import Contact, ContactVault
from sala.storage.database import Database
from sala.storage.models import Participant, ParticipantContact
from sala.storage.settings import Setting

__all__ = ["Contact", "ParticipantService", "ParticipantView", "protect_contacts"]

log = logging.getLogger(__name__)

# Freed pages of the database file are rewritten once after an upgrade (see protect_contacts).
_PURGED = Setting("contacts.free_pages_checked", bool)
_PURGE_DUE = Setting("contacts.free_pages_purge_due", bool)

CONSENTED = (e.ConsentKind.VERBAL, e.ConsentKind.WRITTEN)


@dataclass(frozen=True)
class ParticipantView:
    id: str
    session_id: str
    code: str
    age_band: e.AgeBand
    gender: e.Gender
    occupation: e.Occupation
    province_code: str | None
    consent: e.ConsentKind
    consent_at: datetime | None
    has_contact: bool


class ParticipantService:
    def __init__(self, db: Database, vault: ContactVault | None = None) -> None:
        self._db = db
        self.vault = vault or ContactVault(db.device_id)

    def add(self, session_id: str, data: ParticipantInput) -> ParticipantView:
        clean = data.validated()
        with self._db.write() as s:
            writable_session(s, session_id)
            if s.scalars(select(Participant.id).where(Participant.session_id == session_id,
                                                      Participant.code == clean.code)).first():
                raise _duplicate(clean.code)
            p = Participant(session_id=session_id, code=clean.code)
            self._apply(s, p, clean)
            return self._view(s, p)

    def update(self, participant_id: str, data: ParticipantInput) -> ParticipantView:
        clean = data.validated()
        with self._db.write() as s:
            p = self._load(s, participant_id)
            writable_session(s, p.session_id)
            p.code = clean.code
            try:
                self._apply(s, p, clean)
            except IntegrityError:
                raise _duplicate(clean.code) from None
            return self._view(s, p)

    def next_free_code(self, session_id: str) -> str:
        """The first unused code of the P01, P02, … series, for the UI to prefill as a real value.

        Codes are compared as stored (upper case), so a hand-typed "p03" counts as P03.
        """
        with self._db.read() as s:
            codes = set(s.scalars(select(Participant.code).where(Participant.session_id == session_id)))
        n = 1
        while f"P{n:02d}" in codes:
            n += 1
        return f"P{n:02d}"

    next_code = next_free_code  # the name the participants table used first

    def list(self, session_id: str) -> list[ParticipantView]:
        with self._db.read() as s:
            rows = s.scalars(select(Participant).where(Participant.session_id == session_id).order_by(Participant.code))
            return [self._view(s, p) for p in rows]

    def contact(self, participant_id: str) -> Contact | None:
        """The contact details while this laptop can still read them (not yet sealed for the
        platform), else None. Raises ``ContactKeyMissingError`` when the device key is gone."""
        with self._db.read() as s:
            c = s.get(ParticipantContact, participant_id)
            return self.vault.decrypt_contact(c) if c is not None else None

    def find(self, name: str | None = None, phone: str | None = None) -> builtins.list[str]:
        """Ids of participants in any session whose contact has this name or phone (compared
        after normalization, through the blind index: sealed contacts are found too)."""
        with self._db.read() as s:
            return vaults.find_participants(s, self.vault, name, phone)

    def delete(self, participant_id: str) -> None:
        with self._db.write() as s:
            p = self._load(s, participant_id)
            writable_session(s, p.session_id)
            s.delete(p)

    def _apply(self, s: OrmSession, p: Participant, clean: ParticipantInput) -> None:
        p.age_band = clean.age_band  # type: ignore[assignment]
        p.gender = clean.gender  # type: ignore[assignment]
        p.occupation = clean.occupation  # type: ignore[assignment]
        p.province_code = clean.province or None
        if p.consent != clean.consent:
            p.consent_at = now() if clean.consent != e.ConsentKind.NONE else None
            p.consent_purpose = CONSENT_PURPOSE_TH if clean.consent in CONSENTED else ""
        p.consent = clean.consent  # type: ignore[assignment]
        s.add(p)
        s.flush()
        contact = s.get(ParticipantContact, p.id)
        has_details = bool(clean.contact_name or clean.phone or clean.email)
        if clean.consent not in CONSENTED or not has_details:
            # Withdrawn consent or cleared fields: the personal data goes, not just hidden.
            if contact is not None:
                s.delete(contact)
            return
        if contact is None:
            contact = ParticipantContact(participant_id=p.id)
            s.add(contact)
        self.vault.check_key(s)
        self.vault.protect(contact, Contact(clean.contact_name, clean.phone, clean.email))

    @staticmethod
    def _load(s: OrmSession, participant_id: str) -> Participant:
        return load_record(s, Participant, participant_id, "ผู้เข้าร่วม / participant")

    @staticmethod
    def _view(s: OrmSession, p: Participant) -> ParticipantView:
        has_contact = s.get(ParticipantContact, p.id) is not None
        return ParticipantView(p.id, p.session_id, p.code, p.age_band, p.gender, p.occupation,
                               p.province_code, p.consent, p.consent_at, has_contact)


def _duplicate(code: str) -> ValidationError:
    return ValidationError("code", f"รหัส {code} มีอยู่แล้วในเวทีนี้", f"Code {code} is already used in this session")


def protect_contacts(db: Database, vault: ContactVault, copies: Iterable[Path] = ()) -> dict[str, int]:
    """At start: encrypt contacts an older version left in plain text (one transaction), seal
    those of finalized sessions when the platform's key is known, then rewrite the database
    file so no freed page keeps old plain text (once: an older version blanked the plain
    columns when it sealed, which leaves the text in free pages), and replace ``copies``
    (backups, files kept aside by a restore) that still hold plain contacts. Trouble is
    logged, never fatal: the app starts, and the next start tries again."""
    from sqlalchemy import exists
    from sqlalchemy.exc import DBAPIError

    from sala.sync.outbox import seal_pending_contacts

    result = {"encrypted": 0, "sealed": 0, "purged": 0, "backups": 0}
    try:
        with db.write() as s:
            result["encrypted"] = vaults.protect_plain_rows(s, vault)
            result["sealed"] = seal_pending_contacts(s)
            if not _PURGED.get(s):
                if result["encrypted"] or s.scalar(select(exists().where(ParticipantContact.sealed.is_not(None)))):
                    _PURGE_DUE.put(s, True)
                _PURGED.put(s, True)
        with db.read() as s:
            due = bool(_PURGE_DUE.get(s))
        if due:
            db.engine.dispose()   # VACUUM needs no other connection in a transaction
            vaults.purge_free_pages(db.path)
            with db.write() as s:
                _PURGE_DUE.put(s, None)
            result["purged"] = 1
    except (SalaError, DBAPIError, sqlite3.Error) as exc:
        log.error("contacts not fully protected at start (tried again at the next start): %s", exc)
    result["backups"] = len(vaults.scrub_backups(list(copies), vault.store))
    if any(result.values()):
        log.info("contacts protected at start: %s", result)
    return result


def contact_copies(database: Path, backups_dir: Path) -> list[Path]:
    """Other copies of ``database`` on this laptop: its backups, and the files a restore kept
    aside (``<db>.<reason>-<time>``)."""
    found = sorted(backups_dir.glob("*.sqlite3")) if backups_dir.is_dir() else []
    side = ("-wal", "-shm", "-journal")
    found += sorted(p for p in database.parent.glob(f"{database.name}.*")
                    if p.is_file() and not p.name.endswith(side) and not p.name.startswith("."))
    return found
