"""A participant's rights under the PDPA (issue 12): find, export, erase.

*Find* every record about one person across sessions, by participant code (exact, any case),
or by name or phone through the contacts' blind index (``storage/contact_vault.py``: nothing is
found by name or phone without this laptop's device key, and nothing plain is stored to search).

*Export* gathers what the laptop holds about them (:class:`ParticipantFile`); the reports layer
prints it (``reports/participant_export.py``: a Thai PDF and a JSON file, owner-only).

*Erase* removes their personal data with a reason, in one transaction: the contact row (name,
phone, e-mail, in whatever form: plain, encrypted, sealed), the link from their contributions
(and from amendments that set it), and the participant's code (replaced by an opaque one, so the
session's head counts and age/gender profile still add up). The contributions' words stay: they
are the consultation's content, and without the link they no longer say who said them. The act
leaves an audit entry, and a ``participant_erasure`` record goes to the platform through the
outbox (and so in bundles) naming the participant and the records that carried their data; the
platform scrubs its copies (``central/erasures.py``). Copies this laptop already delivered are
scrubbed in its outbox too (their hash kept: that is what the platform knows them by).
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import SalaError, ValidationError
from sala.domain.validation import clean_text, participant_code
from sala.services import audit
from sala.storage.contact_vault import ContactKeyMissingError, ContactVault, find_participants
from sala.storage.database import Database
from sala.storage.models import (
    Amendment,
    Contribution,
    GuideQuestion,
    OutboxEntry,
    Participant,
    ParticipantContact,
    Session,
)
from sala.sync import outbox
from sala.wire import privacy, protocol

log = logging.getLogger(__name__)

# How the contact stands on this laptop, for the person and for the export.
CONTACT_NONE = "none"            # none was given (or it was erased)
CONTACT_READABLE = "readable"    # encrypted under the device key; shown in the export
CONTACT_SEALED = "sealed"        # sealed to the platform: only the platform can open it
CONTACT_UNREADABLE = "unreadable"  # encrypted under a key this laptop no longer has


@dataclass(frozen=True)
class ContributionItem:
    id: str
    type: str
    stance: str | None
    text: str
    recorded_at: datetime
    question: str = ""


@dataclass(frozen=True)
class ParticipantRecord:
    """One participant row (one session) and what is linked to it."""

    participant_id: str
    device_id: str
    session_id: str
    session_title: str
    session_kind: str
    session_status: str
    session_date: date
    code: str
    age_band: str
    gender: str
    occupation: str
    province_code: str | None
    consent: str
    consent_at: datetime | None
    contact_state: str
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    contributions: tuple[ContributionItem, ...] = ()


@dataclass(frozen=True)
class ParticipantFile:
    """What the laptop holds about one person, for their export."""

    made_at: datetime
    device_id: str
    query: dict[str, str]
    records: tuple[ParticipantRecord, ...]

    def to_json(self) -> dict[str, Any]:
        def plain(v: Any) -> Any:
            if isinstance(v, datetime | date):
                return v.isoformat()
            if isinstance(v, dict):
                return {k: plain(x) for k, x in v.items()}
            if isinstance(v, list | tuple):
                return [plain(x) for x in v]
            return v

        return {"format": "sala-participant-export-1", "made_at": self.made_at.isoformat(),
                "device_id": self.device_id, "query": self.query,
                "records": [plain(asdict(r)) for r in self.records]}


@dataclass(frozen=True)
class ErasureResult:
    erasure_record_id: str
    audit_entry: audit.Entry
    participant_ids: tuple[str, ...]
    contributions_unlinked: int
    contacts_removed: int
    delivered_copies_scrubbed: int
    record_ids: tuple[str, ...] = field(default=())


def _no_query() -> ValidationError:
    return ValidationError("query", "กรอกรหัสผู้เข้าร่วม ชื่อ หรือหมายเลขโทรศัพท์ อย่างน้อยหนึ่งอย่าง",
                           "Enter a participant code, a name or a phone number (at least one)")


def _no_reason() -> ValidationError:
    return ValidationError("reason", "กรุณาระบุเหตุผลของการลบข้อมูล เช่น ผู้ร่วมขอให้ลบตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล",
                           "Give the reason for the erasure, e.g. the participant asked under the PDPA")


def _unknown(pid: str) -> SalaError:
    return SalaError(f"ไม่พบผู้เข้าร่วม {pid} ในเครื่องนี้ (อาจถูกลบไปแล้ว)",
                     f"Participant {pid} is not on this laptop (perhaps already erased)")


def _already(code: str) -> SalaError:
    return SalaError(f"ข้อมูลส่วนบุคคลของผู้เข้าร่วม {code} ถูกลบไปแล้ว",
                     f"The personal data of participant {code} was already erased")


class ParticipantRightsService:
    """Find, export and erase one person's data; see the module docstring."""

    def __init__(self, db: Database, vault: ContactVault | None = None) -> None:
        self._db = db
        self._vault = vault or ContactVault(db.device_id)

    # -- find ---------------------------------------------------------------------------------
    def find(self, *, code: str | None = None, name: str | None = None,
             phone: str | None = None) -> list[ParticipantRecord]:
        """Every participant row matching any of the criteria given, oldest session first.

        Raises ValidationError when none is given (or the code is not a code)."""
        code = participant_code(code) if clean_text(code) else None
        name, phone = clean_text(name), clean_text(phone)
        if not (code or name or phone):
            raise _no_query()
        with self._db.read() as s:
            ids: set[str] = set()
            if code:
                ids.update(s.scalars(select(Participant.id).where(Participant.code == code)))
            if name or phone:
                ids.update(find_participants(s, self._vault, name or None, phone or None))
            return self._records(s, sorted(ids))

    def records(self, participant_ids: list[str]) -> list[ParticipantRecord]:
        with self._db.read() as s:
            return self._records(s, participant_ids)

    def _records(self, s: OrmSession, ids: list[str]) -> list[ParticipantRecord]:
        if not ids:
            return []
        rows = s.execute(select(Participant, Session).join(Session, Session.id == Participant.session_id)
                         .where(Participant.id.in_(ids))
                         .order_by(Session.session_date, Session.title, Participant.code)).all()
        out = []
        for p, sess in rows:
            if p.code.startswith(privacy.ERASED_CODE_PREFIX):
                continue
            contribs = s.execute(
                select(Contribution, GuideQuestion.text)
                .outerjoin(GuideQuestion, GuideQuestion.id == Contribution.question_id)
                .where(Contribution.participant_id == p.id).order_by(Contribution.recorded_at)).all()
            items = tuple(ContributionItem(c.id, c.type.value, c.stance.value if c.stance else None, c.text,
                                           c.recorded_at, q or "") for c, q in contribs)
            state, name, phone, email = self._contact(s, p.id)
            out.append(ParticipantRecord(
                participant_id=p.id, device_id=p.device_id, session_id=sess.id, session_title=sess.title,
                session_kind=sess.kind.value, session_status=sess.status.value, session_date=sess.session_date,
                code=p.code, age_band=p.age_band.value, gender=p.gender.value, occupation=p.occupation.value,
                province_code=p.province_code, consent=p.consent.value, consent_at=p.consent_at,
                contact_state=state, contact_name=name, contact_phone=phone, contact_email=email,
                contributions=items))
        return out

    def _contact(self, s: OrmSession, pid: str) -> tuple[str, str, str, str]:
        row = s.get(ParticipantContact, pid)
        if row is None:
            return CONTACT_NONE, "", "", ""
        if row.sealed is not None and row.box is None:
            return CONTACT_SEALED, "", "", ""
        try:
            contact = self._vault.decrypt_contact(row)
        except ContactKeyMissingError:
            return CONTACT_UNREADABLE, "", "", ""
        if contact is None:
            return (CONTACT_SEALED if row.sealed is not None else CONTACT_NONE), "", "", ""
        return CONTACT_READABLE, contact.name, contact.phone, contact.email

    # -- export -------------------------------------------------------------------------------
    def collect(self, participant_ids: list[str], query: dict[str, str] | None = None) -> ParticipantFile:
        """What to hand the person: their rows (see :meth:`find`) as one file's content."""
        records = self.records(participant_ids)
        if not records:
            raise _unknown(", ".join(participant_ids))
        return ParticipantFile(now(), self._db.device_id, dict(query or {}), tuple(records))

    def note_export(self, participant_ids: list[str], files: list[str],
                    actor_role: str = audit.FIELD_STAFF) -> audit.Entry:
        """The audit entry of an export handed to the person (the files' names as the reason)."""
        with self._db.write() as s:
            return audit.append(s, actor_role, audit.PARTICIPANT_EXPORT,
                                "; ".join(files)[:privacy.MAX_REASON], participant_ids)

    # -- erase --------------------------------------------------------------------------------
    def erase(self, participant_ids: list[str], reason: str,
              actor_role: str = audit.SUPERVISOR) -> ErasureResult:
        """Erase the personal data of these participant rows (one person's, across sessions).

        All or nothing, in one transaction with its audit entry and the erasure record for the
        platform. Raises ValidationError without a reason, SalaError for an unknown or already
        erased participant.
        """
        reason = clean_text(reason)
        if not reason:
            raise _no_reason()
        if len(reason) > privacy.MAX_REASON:
            raise ValidationError("reason", f"เหตุผลยาวเกิน {privacy.MAX_REASON} ตัวอักษร",
                                  f"The reason is longer than {privacy.MAX_REASON} characters")
        pids = sorted(set(participant_ids))
        if not pids:
            raise _no_query()
        # preserve_origin: a row that came from another laptop by bundle stays that laptop's.
        with self._db.write(preserve_origin=True) as s:
            # freed space is zeroed, not left readable (Debian's SQLite does it by default; others not)
            s.execute(text("PRAGMA secure_delete=ON"))
            participants = [self._erasable(s, pid) for pid in pids]
            contribution_ids = list(s.scalars(select(Contribution.id)
                                              .where(Contribution.participant_id.in_(pids))))
            for c in s.scalars(select(Contribution).where(Contribution.participant_id.in_(pids))):
                c.participant_id = None
            amendment_ids = self._unlink_amendments(s, set(pids))
            contacts = list(s.scalars(select(ParticipantContact).where(ParticipantContact.participant_id.in_(pids))))
            for row in contacts:
                s.delete(row)
            for p in participants:
                p.code = privacy.erased_code(p.id)
            sealed_ids = self._sealed_record_ids(s, set(pids))
            record_ids = sorted(set(contribution_ids) | set(amendment_ids) | set(sealed_ids))
            entry = audit.append(s, actor_role, audit.PARTICIPANT_ERASE, reason, pids)
            body = {"participant_ids": pids, "record_ids": record_ids, "reason": reason,
                    "erased_at": entry.at.isoformat(timespec="microseconds"), "actor_role": actor_role,
                    "audit_entry_id": entry.id}
            privacy.check_erasure_body(body)
            outbox.enqueue(s, s.info["device_id"], [(privacy.ERASURE_TYPE, None, body, [], None)])
            erasure_id = s.scalars(select(OutboxEntry.record_id).where(OutboxEntry.record_type == privacy.ERASURE_TYPE)
                                   .order_by(OutboxEntry.seq.desc()).limit(1)).one()
            scrubbed = self._scrub_delivered(s, frozenset(pids), erasure_id)
        self._db.forget_freed_pages()
        log.info("erased participants %s (%d contributions unlinked, %d contacts)", pids,
                 len(contribution_ids), len(contacts))
        return ErasureResult(erasure_id, entry, tuple(pids), len(contribution_ids), len(contacts), scrubbed,
                             tuple(record_ids))

    @staticmethod
    def _erasable(s: OrmSession, pid: str) -> Participant:
        p = s.get(Participant, pid)
        if p is None:
            raise _unknown(pid)
        if p.code.startswith(privacy.ERASED_CODE_PREFIX):
            raise _already(p.code)
        return p

    @staticmethod
    def _unlink_amendments(s: OrmSession, pids: set[str]) -> list[str]:
        out = []
        for a in s.scalars(select(Amendment).where(Amendment.target_type == "contribution")):
            if isinstance(a.changes, dict) and a.changes.get("participant_id") in pids:
                a.changes = {**a.changes, "participant_id": None}
                out.append(a.id)
        return out

    @staticmethod
    def _sealed_record_ids(s: OrmSession, pids: set[str]) -> list[str]:
        out = []
        for rid, envelope in s.execute(select(OutboxEntry.record_id, OutboxEntry.envelope)
                                       .where(OutboxEntry.record_type == "sealed_personal_data")):
            if json.loads(envelope)["body"].get("participant_id") in pids:
                out.append(rid)
        return out

    @staticmethod
    def _scrub_delivered(s: OrmSession, pids: frozenset[str], erasure_id: str) -> int:
        """Scrub this laptop's copies of records it already delivered (or that wait unsent):
        the envelope's body loses the personal data. A delivered copy keeps its hash (the
        platform's name for it); one not yet sent gets a fresh hash, so what leaves later is
        the scrubbed record itself."""
        n = 0
        rows = s.scalars(select(OutboxEntry).where(
            OutboxEntry.record_type.in_(sorted(privacy.PERSONAL_TYPES)),
            or_(OutboxEntry.batch_id.is_(None), OutboxEntry.state != "pending")))
        for entry in rows:
            rec = json.loads(entry.envelope)
            clean = privacy.scrub(entry.record_type, rec["id"], rec["body"], pids, erasure_id)
            if clean is None:
                continue
            rec["body"] = clean
            if entry.state == "pending":
                rec["hash"] = protocol.record_hash(entry.record_type, clean)
                entry.hash = rec["hash"]
            entry.envelope = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            entry.size = len(entry.envelope.encode("utf-8"))
            n += 1
        return n


def describe(record: ParticipantRecord, lang: str = "th") -> str:
    """One line about a row, for lists: code, session title and date (B.E. in Thai)."""
    from sala.domain.thaidate import format_date

    kind = e.SessionKind(record.session_kind).label(lang)
    n = len(record.contributions)
    said = f"{n} ความคิดเห็น" if lang == "th" else f"{n} contribution{'s' if n != 1 else ''}"
    day = format_date(record.session_date, lang, abbr=True)
    return f"{record.code} · {record.session_title} ({kind}, {day}) · {said}"
