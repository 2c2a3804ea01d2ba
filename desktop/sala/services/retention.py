"""Retention: purge the local copies of sessions the platform has held for more than N months.

A session is purged only when every part of it is on the platform *and acknowledged*: it is
finalized; every outbox record of it was answered ``accepted`` or ``duplicate`` (a record sent
but not answered, exported in a USB bundle, refused, or never sent keeps the session whole);
every contact was sealed and sent; and no photo of it waits for (or failed) its upload. Its age
is counted from the last of those answers, more than N calendar months before now.

What goes: contributions, facilitators' observations, participants' contacts, photos (rows, and
the files once no kept record uses them), visitors' comment text, amendments of those, and the
text of their delivered outbox copies. What stays, the summary: the session row (title, date,
venue, topics, head count and its breakdown), participants' codes and age/gender/occupation,
show-of-hands tallies, action items, the question guide, proposals, ratings and dot-votes, and
the counts of what was purged (:class:`PurgedSummary`, kept under ``retention.purged.<id>``),
so the list, the dashboard's people and ratings and a printed summary still say how many.

A run is one transaction (the purge, the search index merged without the purged words, and the
audit entry commit together or not at all); the write-ahead log is then emptied into the file,
so no earlier copy of a purged page stays readable (``secure_delete`` zeroes freed pages); photo
files are removed after the commit, so a crash leaves at worst an unused file, never a record
pointing at nothing. No Qt.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import now
from sala.domain.errors import ValidationError
from sala.files import blob_path
from sala.services import audit
from sala.storage.database import Database
from sala.storage.models import (
    Amendment,
    Attachment,
    BlobUpload,
    Contribution,
    Observation,
    OutboxEntry,
    Participant,
    ParticipantContact,
    Rating,
    Session,
)
from sala.storage.settings import Setting

MONTHS = Setting("retention.months", int)
PURGED_PREFIX = "retention.purged."
MONTHS_MIN, MONTHS_MAX = 1, 120
ACKED = ("accepted", "duplicate")
_PURGED_TYPES = ("contribution", "observation", "attachment", "sealed_personal_data")
Clock = Callable[[], datetime]


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the 31st becomes the month's last day)."""
    total = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    days = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return moment.replace(year=year, month=month, day=min(moment.day, days))


def check_months(value: object) -> int:
    try:
        months = int(str(value).strip())
    except ValueError:
        months = 0
    if not MONTHS_MIN <= months <= MONTHS_MAX:
        raise ValidationError("retention_months", f"ระยะเวลาเก็บต้องเป็นจำนวนเดือน {MONTHS_MIN}–{MONTHS_MAX}",
                              f"The retention period must be {MONTHS_MIN}–{MONTHS_MAX} months")
    return months


@dataclass(frozen=True)
class Candidate:
    """One session a run would purge, with what it holds now."""

    session_id: str
    title: str
    session_date: Any
    acked_at: datetime
    contributions: int
    observations: int
    contacts: int
    photos: int
    comments: int
    amendments: int
    bytes: int
    """About how much space the purge frees: the texts, the outbox copies and the photo files."""

    @property
    def records(self) -> int:
        return self.contributions + self.observations + self.contacts + self.photos + self.comments + self.amendments


@dataclass(frozen=True)
class Preview:
    months: int
    cutoff: datetime
    sessions: list[Candidate]
    waiting: int
    """Finalized sessions older than the cutoff that are not all acknowledged yet: kept."""

    @property
    def records(self) -> int:
        return sum(c.records for c in self.sessions)

    @property
    def bytes(self) -> int:
        return sum(c.bytes for c in self.sessions)


@dataclass(frozen=True)
class RunResult:
    preview: Preview
    files_removed: int
    file_errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PurgedSummary:
    """What a purged session held, kept for the list, the dashboard and printed summaries."""

    purged_at: datetime
    acked_at: datetime
    contributions: int
    speakers: int
    by_type: dict[str, int]
    by_stance: dict[str, int]
    observations: int
    contacts: int
    photos: int
    comments: int

    def note(self, lang: str = "th") -> str:
        """One line for a printed summary: purged, when, and how many entries there were."""
        from sala.domain.thaidate import format_date

        day = format_date(self.purged_at.date(), lang)
        if lang == "th":
            return (f"สำเนาในเครื่องของเวทีนี้ถูกลบตามระยะเวลาเก็บเมื่อ {day} (ส่งถึงแพลตฟอร์มกลางแล้ว) "
                    f"เดิมมีความคิดเห็น {self.contributions} รายการ จากผู้พูด {self.speakers} คน "
                    f"บันทึกผู้ดำเนินการ {self.observations} รายการ ภาพ {self.photos} ภาพ")
        return (f"This session's local copy was purged under the retention setting on {day} (it is on the "
                f"central platform). It held {self.contributions} contributions from {self.speakers} speakers, "
                f"{self.observations} observations and {self.photos} photos.")

    def type_counts(self, lang: str) -> list[tuple[str, int]]:
        """Contributions per type, as a summary prints them (every type, in order)."""
        return [(t.label(lang), int(self.by_type.get(t.value, 0))) for t in e.ContributionType]

    def stance_counts(self, lang: str) -> list[tuple[str, int]]:
        none = "ไม่ระบุ" if lang == "th" else "Not stated"
        return [(st.label(lang), int(self.by_stance.get(st.value, 0))) for st in e.Stance] + \
            [(none, int(self.by_stance.get("none", 0)))]


def purged_summary(s: OrmSession, session_id: str) -> PurgedSummary | None:
    """The kept counts of a purged session, or None when it was not purged."""
    value = Setting(PURGED_PREFIX + session_id, dict).get(s)
    if not value:
        return None
    try:
        return PurgedSummary(datetime.fromisoformat(value["purged_at"]), datetime.fromisoformat(value["acked_at"]),
                             int(value["contributions"]), int(value["speakers"]), dict(value["by_type"]),
                             dict(value["by_stance"]), int(value["observations"]), int(value["contacts"]),
                             int(value["photos"]), int(value["comments"]))
    except (KeyError, TypeError, ValueError):
        return None


class RetentionService:
    def __init__(self, db: Database, attachments: Path, *, clock: Clock = now) -> None:
        self._db = db
        self._attachments = attachments
        self.clock = clock

    # -- the setting ---------------------------------------------------------------------------
    def months(self) -> int | None:
        """The retention period in months, or None (off: nothing is ever purged)."""
        with self._db.read() as s:
            return MONTHS.get(s)

    def set_months(self, months: int | str | None, role: str = audit.SUPERVISOR) -> int | None:
        """Store the period (None turns retention off); written in the audit log."""
        value = None if months in (None, "") else check_months(months)
        with self._db.write() as s:
            MONTHS.put(s, value)
            audit.append(s, role, audit.SETTINGS_CHANGE,
                         f"retention {value} months" if value else "retention off")
        return value

    # -- what a run would do -------------------------------------------------------------------
    def preview(self, months: int | None = None) -> Preview:
        with self._db.read() as s:
            return self._preview(s, self._months(s, months))

    def _months(self, s: OrmSession, months: int | None) -> int:
        if months is not None:
            return check_months(months)
        stored = MONTHS.get(s)
        if stored is None:
            raise ValidationError("retention_months", "ยังไม่ได้ตั้งระยะเวลาเก็บข้อมูล (การตั้งค่า ▸ ระยะเวลาเก็บ)",
                                  "No retention period is set (Settings ▸ Retention)")
        return check_months(stored)

    def _preview(self, s: OrmSession, months: int) -> Preview:
        cutoff = months_before(self.clock(), months)
        finalized = list(s.execute(select(Session.id, Session.title, Session.session_date)
                                   .where(Session.status == e.SessionStatus.FINALIZED)
                                   .order_by(Session.session_date, Session.id)))
        chosen: list[Candidate] = []
        waiting = 0
        for sid, title, day in finalized:
            if Setting(PURGED_PREFIX + sid, dict).get(s):
                continue  # purged before: only its summary is left
            acked = _acknowledged_at(s, sid)
            if acked is None:
                waiting += 1 if _older_than_cutoff(s, sid, cutoff) else 0
                continue
            if acked < cutoff:
                chosen.append(_measure(s, sid, title, day, acked, self._attachments))
        return Preview(months, cutoff, chosen, waiting)

    # -- the purge -----------------------------------------------------------------------------
    def run(self, months: int | None = None, role: str = audit.SUPERVISOR) -> RunResult:
        """Purge what :meth:`preview` lists, in one transaction; then remove unused photo files."""
        doomed_files: list[str] = []
        with self._db.write(preserve_origin=True) as s:
            s.execute(text("PRAGMA secure_delete=ON"))  # freed pages are zeroed, not left readable
            preview = self._preview(s, self._months(s, months))
            if not preview.sessions:
                return RunResult(preview, 0)
            stamp = self.clock()
            ids = [c.session_id for c in preview.sessions]
            for c in preview.sessions:
                doomed_files += _purge(s, c, stamp)
            # the search index marks a deleted text deleted but keeps its pieces (three
            # characters each, in order: the words can be read back from the file) until its
            # segments merge; merged now, the pages they were on are freed, and zeroed
            s.execute(text("INSERT INTO contribution_fts(contribution_fts) VALUES('optimize')"))
            audit.append(s, role, audit.RETENTION_PURGE,
                         f"older than {preview.months} months: {len(ids)} sessions, {preview.records} records",
                         ids)
        self._db.forget_freed_pages()
        removed, errors = 0, []
        for sha in dict.fromkeys(doomed_files):
            path = blob_path(self._attachments, sha)
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                pass
            except OSError as exc:  # left behind unused; said, never a half-done purge
                errors.append(f"{path}: {exc.strerror}")
        return RunResult(preview, removed, errors)

    def purged(self, session_id: str) -> PurgedSummary | None:
        with self._db.read() as s:
            return purged_summary(s, session_id)


def _acknowledged_at(s: OrmSession, sid: str) -> datetime | None:
    """When the platform last acknowledged a part of the session, if every part is acknowledged."""
    states = dict(s.execute(select(OutboxEntry.state, func.count()).where(OutboxEntry.session_id == sid)
                            .group_by(OutboxEntry.state)).all())
    if not states or any(state not in ACKED for state in states):
        return None
    unsealed = s.scalar(select(func.count()).select_from(ParticipantContact)
                        .join(Participant, Participant.id == ParticipantContact.participant_id)
                        .where(Participant.session_id == sid, ParticipantContact.sealed.is_(None)))
    if unsealed:
        return None  # a contact waits for the platform's key: not on the platform yet
    shas = select(Attachment.sha256).where(Attachment.session_id == sid)
    if s.scalar(select(func.count()).select_from(BlobUpload)
                .where(BlobUpload.sha256.in_(shas), BlobUpload.state != "done")):
        return None  # a photo not uploaded (or missing, or damaged)
    last = s.scalar(select(func.max(OutboxEntry.updated_at)).where(OutboxEntry.session_id == sid))
    photos = s.scalar(select(func.max(BlobUpload.updated_at)).where(BlobUpload.sha256.in_(shas)))
    return max(x for x in (last, photos) if x is not None)


def _older_than_cutoff(s: OrmSession, sid: str, cutoff: datetime) -> bool:
    finalized = s.scalar(select(Session.finalized_at).where(Session.id == sid))
    return finalized is not None and finalized < cutoff


def _photo_files(s: OrmSession, sid: str, root: Path) -> tuple[list[str], int]:
    """The session's photo files no other kept record uses, and their size on disk."""
    shas = set(s.scalars(select(Attachment.sha256).where(Attachment.session_id == sid)))
    shared = set(s.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(shas), Attachment.session_id != sid)))
    files, size = [], 0
    for sha in sorted(shas - shared):
        path = blob_path(root, sha)
        files.append(sha)
        try:
            size += path.stat().st_size
        except OSError:
            pass
    return files, size


def _count(s: OrmSession, model: Any, sid: str, *extra: Any) -> int:
    return int(s.scalar(select(func.count()).select_from(model).where(model.session_id == sid, *extra)) or 0)


def _contacts(sid: str) -> Any:
    return select(ParticipantContact.participant_id).join(Participant).where(Participant.session_id == sid)


def _measure(s: OrmSession, sid: str, title: str, day: Any, acked: datetime, root: Path) -> Candidate:
    text_bytes = int(s.scalar(select(func.coalesce(func.sum(func.length(Contribution.text)), 0))
                              .where(Contribution.session_id == sid)) or 0)
    text_bytes += int(s.scalar(select(func.coalesce(func.sum(func.length(Observation.text)), 0))
                               .where(Observation.session_id == sid)) or 0)
    text_bytes += int(s.scalar(select(func.coalesce(func.sum(OutboxEntry.size), 0))
                               .where(OutboxEntry.session_id == sid,
                                      OutboxEntry.record_type.in_(_PURGED_TYPES))) or 0)
    _files, photo_bytes = _photo_files(s, sid, root)
    contacts = int(s.scalar(select(func.count()).select_from(_contacts(sid).subquery())) or 0)
    return Candidate(
        session_id=sid, title=title, session_date=day, acked_at=acked,
        contributions=_count(s, Contribution, sid), observations=_count(s, Observation, sid), contacts=contacts,
        photos=_count(s, Attachment, sid), comments=_count(s, Rating, sid, Rating.comment != ""),
        amendments=_count(s, Amendment, sid, Amendment.target_type.in_(_PURGED_TYPES)),
        bytes=text_bytes + photo_bytes,
    )


def _purge(s: OrmSession, c: Candidate, stamp: datetime) -> list[str]:
    """Delete one session's purged parts and keep its counts; returns the photo files to remove."""
    sid = c.session_id
    speakers = int(s.scalar(select(func.count(func.distinct(Contribution.participant_id)))
                            .where(Contribution.session_id == sid)) or 0)
    by_type = Counter({str(k.value if isinstance(k, e.ContributionType) else k): int(n) for k, n in s.execute(
        select(Contribution.type, func.count()).where(Contribution.session_id == sid).group_by(Contribution.type))})
    by_stance = Counter({str(getattr(k, "value", k) or "none"): int(n) for k, n in s.execute(
        select(Contribution.stance, func.count()).where(Contribution.session_id == sid)
        .group_by(Contribution.stance))})
    files, _size = _photo_files(s, sid, Path("."))
    summary = {"purged_at": stamp.isoformat(), "acked_at": c.acked_at.isoformat(),
               "contributions": c.contributions, "speakers": speakers, "by_type": dict(by_type),
               "by_stance": dict(by_stance), "observations": c.observations, "contacts": c.contacts,
               "photos": c.photos, "comments": c.comments}
    Setting(PURGED_PREFIX + sid, dict).put(s, summary)
    s.execute(delete(Amendment).where(Amendment.session_id == sid, Amendment.target_type.in_(_PURGED_TYPES)))
    s.execute(delete(Contribution).where(Contribution.session_id == sid))
    s.execute(delete(Observation).where(Observation.session_id == sid))
    s.execute(delete(ParticipantContact).where(ParticipantContact.participant_id.in_(_contacts(sid))))
    s.execute(delete(Attachment).where(Attachment.session_id == sid))
    s.execute(update(Rating).where(Rating.session_id == sid, Rating.comment != "").values(comment=""))
    if files:
        s.execute(delete(BlobUpload).where(BlobUpload.sha256.in_(files)))
    _scrub_outbox(s, sid)
    return files


def _scrub_outbox(s: OrmSession, sid: str) -> None:
    """Delivered copies keep their id, seq and hash (the ledger of what was sent) but not the text:
    purged records, amendments of them, and visitors' comments in rating records."""
    rows: Iterable[OutboxEntry] = s.scalars(select(OutboxEntry).where(
        OutboxEntry.session_id == sid, OutboxEntry.record_type.in_((*_PURGED_TYPES, "amendment", "rating"))))
    for entry in rows:
        rec = json.loads(entry.envelope)
        body = rec.get("body") if isinstance(rec.get("body"), dict) else {}
        if entry.record_type == "rating":
            if not body.get("comment"):
                continue
            rec["body"] = body | {"comment": ""}
        elif entry.record_type == "amendment" and body.get("target_type") not in _PURGED_TYPES:
            continue
        else:
            rec["body"] = {"purged": True}
        entry.envelope = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        entry.size = len(entry.envelope.encode("utf-8"))
