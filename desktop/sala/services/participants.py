"""Participants: anonymous codes and demographic bands; contact details only with consent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import ValidationError
from sala.domain.inputs import CONSENT_PURPOSE_TH, ParticipantInput
from sala.services.sessions import audit, load_record
from sala.services.writable import writable_session
from sala.storage.database import Database
from sala.storage.models import Participant, ParticipantContact

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


@dataclass(frozen=True)
class Contact:
    name: str
    phone: str
    email: str


class ParticipantService:
    def __init__(self, db: Database) -> None:
        self._db = db

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
        """Plain contact details while they are still on this device unsealed, else None."""
        with self._db.read() as s:
            c = s.get(ParticipantContact, participant_id)
            if c is None or c.sealed is not None:
                return None
            return Contact(c.name, c.phone, c.email)

    def delete(self, participant_id: str) -> None:
        with self._db.write() as s:
            p = self._load(s, participant_id)
            writable_session(s, p.session_id)
            s.delete(p)
            audit(s, "delete", "participant", participant_id)

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
        contact.name, contact.phone, contact.email = clean.contact_name, clean.phone, clean.email

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
