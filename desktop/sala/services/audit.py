"""The append-only audit log: who did what, when, why and to which records (issue 12).

Supervisor acts (reopening a finalized session, deleting, settings, leaving the kiosk, bundle
import, a participant's erasure, retention) call :func:`append` inside the transaction that
does the act, so the act and its entry commit together or not at all. Each entry's hash covers
its fields and the previous entry's hash (``wire.privacy.entry_hash``); :func:`verify` walks the
chain and names every entry edited, removed or moved. There is no update or delete here, and
the table's triggers (migration 0009) refuse both.

Each entry is also queued in the outbox as an ``audit_entry`` record in the same transaction,
so the log travels with the rest (network batches and USB bundles) and the platform holds a
copy a laptop cannot rewrite.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain.clock import now
from sala.domain.errors import SalaError, ValidationError
from sala.domain.ids import new_id
from sala.domain.thaidate import format_datetime
from sala.storage.models import AuditEntry, OutboxEntry
from sala.sync import outbox
from sala.wire import privacy

FIELD_STAFF = "field_staff"
SUPERVISOR = "supervisor"

# Action codes (what): stable, for machines; :data:`ACTION_LABELS` says them for people.
SESSION_REOPEN = "session.reopen"
RECORD_DELETE = "record.delete"
SETTINGS_CHANGE = "settings.change"
KIOSK_EXIT = "kiosk.exit"
BUNDLE_IMPORT = "bundle.import"
PARTICIPANT_EXPORT = "participant.export"
PARTICIPANT_ERASE = "participant.erase"
RETENTION_PURGE = "retention.purge"
REFUSAL_DISMISS = "sync.refusal_dismiss"   # a supervisor set refused forwards aside (ui/sync/refusals)

ACTION_LABELS: dict[str, tuple[str, str]] = {
    SESSION_REOPEN: ("เปิดเวทีที่ยืนยันแล้วอีกครั้ง", "Reopened a finalized session"),
    RECORD_DELETE: ("ลบข้อมูล", "Deleted a record"),
    SETTINGS_CHANGE: ("เปลี่ยนการตั้งค่า", "Changed settings"),
    KIOSK_EXIT: ("ออกจากโหมดตู้", "Left the kiosk"),
    BUNDLE_IMPORT: ("นำเข้าแฟ้มส่งข้อมูล", "Imported a bundle"),
    PARTICIPANT_EXPORT: ("ส่งออกข้อมูลของผู้ร่วม", "Exported a participant's data"),
    PARTICIPANT_ERASE: ("ลบข้อมูลส่วนบุคคลของผู้ร่วม", "Erased a participant's personal data"),
    RETENTION_PURGE: ("ลบสำเนาเวทีเก่าตามระยะเวลาเก็บ", "Purged old sessions (retention)"),
    REFUSAL_DISMISS: ("ปัดตกข้อมูลส่งต่อที่ระบบกลางไม่รับ (ยังเก็บไว้)", "Dismissed refused forwards (kept)"),
}
ROLE_LABELS = {FIELD_STAFF: ("เจ้าหน้าที่ภาคสนาม", "Field staff"), SUPERVISOR: ("หัวหน้างาน", "Supervisor")}


@dataclass(frozen=True)
class Entry:
    """One entry as stored (``at`` in UTC)."""

    id: str
    position: int
    at: datetime
    device_id: str
    actor_role: str
    action: str
    reason: str
    target: tuple[str, ...]
    prev_hash: str
    hash: str

    def when(self, lang: str = "th") -> str:
        """Bangkok time; the Buddhist Era year in Thai."""
        return format_datetime(self.at, lang)

    def what(self, lang: str = "th") -> str:
        th, en = ACTION_LABELS.get(self.action, (self.action, self.action))
        return th if lang == "th" else en

    def who(self, lang: str = "th") -> str:
        th, en = ROLE_LABELS.get(self.actor_role, (self.actor_role, self.actor_role))
        return f"{th if lang == 'th' else en} ({self.device_id})"


@dataclass(frozen=True)
class Problem:
    """Something wrong with the chain: ``kind`` is ``edited``, ``removed`` or ``moved``."""

    kind: str
    position: int
    entry_id: str
    th: str
    en: str

    def message(self, lang: str = "th") -> str:
        return self.th if lang == "th" else self.en


def _stamp(at: datetime) -> str:
    return at.isoformat(timespec="microseconds")


def _bad(field: str, th: str, en: str) -> ValidationError:
    return ValidationError(field, th, en)


def append(session: OrmSession, actor_role: str, action: str, reason: str,
           target: Sequence[str] = ()) -> Entry:
    """Add an entry at the end of the chain, in the caller's write transaction.

    ``session`` must come from ``Database.write`` (it carries this device's id). The entry is
    queued for the platform in the same transaction. Raises ValidationError for an unknown role,
    a malformed action code or an over-long reason.
    """
    device_id = session.info.get("device_id")
    if not device_id:
        raise RuntimeError("audit.append needs a write session (Database.write)")
    if actor_role not in privacy.ROLES:
        raise _bad("actor_role", f"บทบาทไม่ถูกต้อง: {actor_role}", f"Unknown role: {actor_role}")
    if not privacy.ACTION_RE.match(action):
        raise _bad("action", f"รหัสการกระทำไม่ถูกต้อง: {action}", f"Malformed action code: {action}")
    reason = reason.strip()
    if len(reason) > privacy.MAX_REASON:
        raise _bad("reason", f"เหตุผลยาวเกิน {privacy.MAX_REASON} ตัวอักษร",
                   f"The reason is longer than {privacy.MAX_REASON} characters")
    targets = [str(t) for t in target]
    last = session.execute(select(AuditEntry.position, AuditEntry.hash)
                           .order_by(AuditEntry.position.desc()).limit(1)).first()
    position, prev_hash = (last.position + 1, last.hash) if last else (1, privacy.GENESIS)
    at = now()
    entry_id = new_id()
    fields = {"id": entry_id, "position": position, "at": _stamp(at), "device_id": device_id,
              "actor_role": actor_role, "action": action, "reason": reason, "target": targets,
              "prev_hash": prev_hash}
    digest = privacy.entry_hash(**fields)
    session.add(AuditEntry(id=entry_id, position=position, at=at, device_id=device_id,
                           actor_role=actor_role, action=action, reason=reason, target=targets,
                           prev_hash=prev_hash, hash=digest))
    outbox.enqueue(session, device_id, [(privacy.AUDIT_TYPE, None, fields | {"hash": digest}, [], None)])
    return Entry(entry_id, position, at, device_id, actor_role, action, reason, tuple(targets),
                 prev_hash, digest)


def _entry(row: AuditEntry) -> Entry:
    return Entry(row.id, row.position, row.at, row.device_id, row.actor_role, row.action,
                 row.reason, tuple(row.target or ()), row.prev_hash, row.hash)


def entries(session: OrmSession, *, target: str | None = None, limit: int | None = None) -> list[Entry]:
    """Entries in chain order (newest last); only those naming ``target`` when given."""
    rows = [_entry(r) for r in session.scalars(select(AuditEntry).order_by(AuditEntry.position))]
    if target is not None:
        rows = [r for r in rows if target in r.target]
    return rows[-limit:] if limit else rows


def count(session: OrmSession) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _problem(kind: str, e: Entry | None, position: int, entry_id: str = "") -> Problem:
    pos = e.position if e else position
    eid = e.id if e else entry_id
    th, en = {
        "edited": (f"รายการบันทึกการตรวจสอบที่ {pos} ถูกแก้ไขหลังบันทึก",
                   f"Audit entry {pos} was changed after it was written"),
        "removed": (f"รายการบันทึกการตรวจสอบที่ {pos} หายไป (ถูกลบ)",
                    f"Audit entry {pos} is missing (removed)"),
        "moved": (f"รายการบันทึกการตรวจสอบที่ {pos} ไม่ต่อจากรายการก่อนหน้า (ถูกสลับลำดับหรือแทรก)",
                  f"Audit entry {pos} does not follow the entry before it (reordered or inserted)"),
    }[kind]
    return Problem(kind, pos, eid, th, en)


def verify(session: OrmSession) -> list[Problem]:
    """Every break in the chain, oldest first; an empty list means the log is whole.

    ``edited``: an entry's hash does not cover its fields. ``removed``: a position is missing,
    or an entry the outbox queued for the platform is not in the log (so removing the newest
    entry shows too). ``moved``: an entry does not chain onto the entry before it.
    """
    problems: list[Problem] = []
    rows = entries(session)
    prev_hash, expected = privacy.GENESIS, 1
    for e in rows:
        digest = privacy.entry_hash(id=e.id, position=e.position, at=_stamp(e.at), device_id=e.device_id,
                                    actor_role=e.actor_role, action=e.action, reason=e.reason,
                                    target=e.target, prev_hash=e.prev_hash)
        if digest != e.hash:
            problems.append(_problem("edited", e, e.position))
        if e.position > expected:
            problems.extend(_problem("removed", None, p) for p in range(expected, e.position))
        elif e.prev_hash != prev_hash:
            problems.append(_problem("moved", e, e.position))
        prev_hash, expected = e.hash, e.position + 1
    seen = {(p.kind, p.position) for p in problems}
    problems.extend(p for p in _missing_from_outbox(session, {e.id for e in rows})
                    if (p.kind, p.position) not in seen)
    return sorted(problems, key=lambda p: p.position)


def _missing_from_outbox(session: OrmSession, present: set[str]) -> list[Problem]:
    """Entries whose outbox copy exists but that are gone from the log."""
    out: list[Problem] = []
    for envelope in session.scalars(select(OutboxEntry.envelope)
                                    .where(OutboxEntry.record_type == privacy.AUDIT_TYPE)):
        body = json.loads(envelope)["body"]
        if body.get("id") not in present:
            out.append(_problem("removed", None, int(body.get("position", 0)), str(body.get("id"))))
    return out


class AuditChainError(SalaError):
    """The chain is broken; raised by :func:`require_whole` for callers that must stop."""


def require_whole(session: OrmSession) -> None:
    problems = verify(session)
    if problems:
        raise AuditChainError("\n".join(p.th for p in problems), "\n".join(p.en for p in problems))

