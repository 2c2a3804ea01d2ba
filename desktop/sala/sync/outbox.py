"""The outbox: record snapshots written in the same transaction as the finalize that froze them.

Only immutable things travel (a finalized session and everything in it, later amendments), so
the server's "same id, other hash → conflict" rule never fires for honest edits. Each snapshot
gets the device's next *sync* sequence number, contiguous from 1, so the server can report
gaps. Contact details are sealed to the central platform's public key and the laptop's own
copy (encrypted under the device key, ``storage/contact_vault.py``) is wiped, when that key is
known; otherwise they wait, encrypted, and :func:`seal_pending_contacts` runs once the key
arrives (enrollment, a deployment file, the next start).
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session as OrmSession

from sala.domain.clock import now
from sala.storage.contact_vault import ContactKeyMissingError, ContactVault
from sala.storage.models import (
    ActionItem,
    Amendment,
    Attachment,
    Contribution,
    Device,
    Guide,
    Observation,
    OutboxEntry,
    Participant,
    ParticipantContact,
    Proposal,
    Rating,
    Session,
    SyncRecord,
    Tally,
    Vote,
)
from sala.storage.settings import Setting
from sala.wire import crypto, protocol

log = logging.getLogger(__name__)

SEALING_KEY = Setting("central.sealing_public_key", str)
SCHEMA = 1
_ENVELOPE_FIELDS = {"id", "device_id", "seq", "created_at", "updated_at"}
# One entry to write: (record type, record or None, body, blob digests, session id).
OutboxItem = tuple[str, SyncRecord | None, dict[str, Any], list[str], str | None]

# Per session, in the order the server can rebuild it (parents before children).
_CHILDREN: tuple[tuple[type[SyncRecord], str], ...] = (
    (Participant, "participant"),
    (Guide, "guide"),
    (Proposal, "proposal"),
    (Contribution, "contribution"),
    (Observation, "observation"),
    (Tally, "tally"),
    (ActionItem, "action_item"),
    (Rating, "rating"),
    (Vote, "vote"),
    (Attachment, "attachment"),
)


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def record_body(obj: SyncRecord) -> dict[str, Any]:
    """The record's own columns as JSON values (envelope fields travel outside the body)."""
    mapper = inspect(type(obj))
    body = {c.key: _plain(getattr(obj, c.key)) for c in mapper.column_attrs if c.key not in _ENVELOPE_FIELDS}
    body["origin_seq"] = obj.seq
    return body


def _next_sync_seqs(s: OrmSession, device_id: str, n: int) -> int:
    """Reserve ``n`` sync sequence numbers; returns the first."""
    last = s.execute(
        update(Device).where(Device.id == device_id)
        .values(last_sync_seq=Device.last_sync_seq + n).returning(Device.last_sync_seq)
    ).scalar_one()
    return last - n + 1


def enqueue(s: OrmSession, device_id: str, items: list[OutboxItem]) -> int:
    """Write outbox entries for ``(type, obj, body, blobs, session_id)`` items; returns count."""
    if not items:
        return 0
    first = _next_sync_seqs(s, device_id, len(items))
    stamp = now()
    for offset, (rtype, obj, body, blobs, session_id) in enumerate(items):
        rec = protocol.make_record(
            device_id=device_id, seq=first + offset, type=rtype, body=body, schema=SCHEMA,
            id=obj.id if obj is not None else None,
            created_at=(obj.created_at if obj is not None else stamp).isoformat(timespec="milliseconds"),
            blobs=blobs,
        )
        envelope = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        s.add(OutboxEntry(seq=rec["seq"], record_id=rec["id"], record_type=rtype, session_id=session_id,
                          device_id=device_id, hash=rec["hash"], envelope=envelope,
                          size=len(envelope.encode("utf-8")), state="pending", reason="",
                          created_at=stamp, updated_at=stamp))
    s.flush()
    return len(items)


def enqueue_finalized_session(s: OrmSession, session: Session) -> int:
    """Snapshot a just-finalized session and all it holds into the outbox."""
    device_id = s.info["device_id"]
    items: list[OutboxItem] = []
    body = record_body(session)
    body["topic_ids"] = [t.id for t in session.topics]
    if session.venue is not None:
        body["venue"] = record_body(session.venue) | {"id": session.venue.id}
    items.append(("session", session, body, [], session.id))
    for model, rtype in _CHILDREN:
        for obj in s.scalars(select(model).where(model.session_id == session.id)):  # type: ignore[attr-defined]
            blobs = [obj.sha256] if isinstance(obj, Attachment) else []
            items.append((rtype, obj, record_body(obj), blobs, session.id))
            if isinstance(obj, Guide):
                for q in obj.questions:
                    items.append(("guide_question", q, record_body(q), [], session.id))
    items += _sealed_contacts(s, session.id)
    return enqueue(s, device_id, items)


def enqueue_amendment(s: OrmSession, amendment: Amendment) -> int:
    return enqueue(s, s.info["device_id"], [("amendment", amendment, record_body(amendment), [], amendment.session_id)])


def sealing_key(s: OrmSession) -> str | None:
    return SEALING_KEY.get(s)


def _sealed_contacts(s: OrmSession, session_id: str) -> list[OutboxItem]:
    key = sealing_key(s)
    if key is None:
        return []
    out: list[OutboxItem] = []
    vault = ContactVault(s.info["device_id"])
    rows = s.execute(
        select(ParticipantContact).join(Participant, Participant.id == ParticipantContact.participant_id)
        .where(Participant.session_id == session_id, ParticipantContact.sealed.is_(None))
    ).scalars()
    for contact in rows:
        box = _seal_contact(vault, contact, key)
        if box is not None:
            body = {"participant_id": contact.participant_id, "box": box}
            out.append(("sealed_personal_data", None, body, [], session_id))
    return out


def _seal_contact(vault: ContactVault, contact: ParticipantContact, key: str) -> crypto.Sealed | None:
    """Seal the contact for the platform; the laptop's own (device-key) copy goes. None when
    there is nothing to seal, or the device key that opens it is missing (it stays as it is)."""
    try:
        plain = vault.decrypt_contact(contact)
    except ContactKeyMissingError as exc:
        log.error("contact of participant %s not sealed:\n%s", contact.participant_id, exc.bilingual())
        return None
    if plain is None or plain.is_empty():
        return None
    doc = {"name": plain.name, "phone": plain.phone, "email": plain.email}
    box = crypto.seal(key, protocol.canonical_json(doc), aad=contact.participant_id.encode())
    vault.mark_sealed(contact, protocol.canonical_json(box), now())  # only ciphertext for the platform stays
    return box


def seal_pending_contacts(s: OrmSession) -> int:
    """Seal (and queue) contacts of finalized sessions that waited for the server's key."""
    key = sealing_key(s)
    if key is None:
        return 0
    rows = s.execute(
        select(ParticipantContact, Participant.session_id)
        .join(Participant, Participant.id == ParticipantContact.participant_id)
        .join(Session, Session.id == Participant.session_id)
        .where(Session.status == "finalized", ParticipantContact.sealed.is_(None))
    ).all()
    vault = ContactVault(s.info["device_id"])
    items: list[OutboxItem] = []
    for c, sid in rows:
        box = _seal_contact(vault, c, key)
        if box is not None:
            items.append(("sealed_personal_data", None, {"participant_id": c.participant_id, "box": box}, [], sid))
    return enqueue(s, s.info["device_id"], items)
