"""Everything a session summary prints, read in one pass and already in the reader's language.

Kept apart from the layout (``session_summary.py``) so the rules that matter for PDPA and for
the record live in one testable place: contact details only when asked *and* consented, counts
from SQL ``GROUP BY``, amendments applied on top of the finalized record (which never changes)
and carried alongside it so the reader sees both. No Qt.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.domain.errors import NotFoundError
from sala.domain.provinces import find_province
from sala.domain.thaidate import format_date
from sala.files import blob_path
from sala.services.retention import purged_summary
from sala.storage.contact_vault import ContactVault
from sala.storage.database import Database
from sala.storage.models import (
    ActionItem,
    Amendment,
    Attachment,
    Contribution,
    Guide,
    Observation,
    Participant,
    ParticipantContact,
    Proposal,
    Rating,
    Session,
    Tally,
    Topic,
    Vote,
)
from sala.storage.rating_comments import hidden_comment_ids

CONSENTED = (e.ConsentKind.VERBAL, e.ConsentKind.WRITTEN)
# How a head count may be broken down (Session.attendance_detail's keys).
_DIMENSIONS: dict[str, type[e.Labelled]] = {"age_band": e.AgeBand, "gender": e.Gender, "occupation": e.Occupation}
# Amendable fields (see services/amendments.py) as a reader would name them.
FIELD_LABELS = {
    "text": ("ข้อความ", "Text"), "type": ("ประเภท", "Type"), "stance": ("จุดยืน", "Stance"), "tags": ("แท็ก", "Tags"),
    "question": ("คำถาม", "Question"), "count_for": ("เห็นด้วย", "For"), "count_against": ("ไม่เห็นด้วย", "Against"),
    "count_abstain": ("งดออกเสียง", "Abstain"), "what": ("สิ่งที่ต้องทำ", "What"), "who": ("ผู้รับผิดชอบ", "Who"),
    "due": ("กำหนดเสร็จ", "Due"), "done": ("สถานะ", "Status"), "title": ("ชื่อเวที", "Title"),
    "notes": ("หมายเหตุ", "Notes"), "facilitators": ("ผู้ดำเนินรายการ", "Facilitators"),
    "attendance_total": ("จำนวนผู้เข้าร่วม", "Attendance"),
    "attendance_detail": ("ผู้เข้าร่วมจำแนกตามกลุ่ม", "Attendance by group"),
}
Counts = list[tuple[str, int]]


@dataclass
class AmendmentNote:
    """Corrections to one record: ``fields`` maps a field to (original, corrected) display text;
    ``labels`` names each field for the reader."""

    fields: dict[str, tuple[str, str]]
    labels: dict[str, str]
    reasons: list[tuple[str, str]]  # (BE date, reason), oldest first


@dataclass
class Line:
    """A contribution as printed (text already corrected by any amendment)."""

    text: str
    type_label: str
    stance_label: str
    participant_code: str
    amendment: AmendmentNote | None = None


@dataclass
class Photo:
    path: Path | None  # None when the file is missing from this laptop
    caption: str
    filename: str


@dataclass
class Attendance:
    """How many people were in the room (a head count), apart from those who spoke.

    ``age_bands``, ``genders`` and ``occupations`` are optional breakdowns as (label, count) in
    display order; an empty list means that breakdown was not recorded.
    """

    total: int
    age_bands: Counts = field(default_factory=list)
    genders: Counts = field(default_factory=list)
    occupations: Counts = field(default_factory=list)


@dataclass
class SessionData:
    lang: str
    id: str
    kind: e.SessionKind
    title: str
    status_label: str
    kind_label: str
    topics: list[str]
    venue: str
    province: str
    district: str
    date_text: str
    time_text: str  # local (Asia/Bangkok) times, saying planned and/or actual; "" when none
    facilitators: str
    notes: str
    session_amendment: AmendmentNote | None
    participants_total: int  # participants registered with a code (exhibition: visitors who rated)
    age_bands: Counts
    genders: Counts
    occupations: Counts
    type_counts: Counts
    stance_counts: Counts
    by_topic: list[tuple[str, list[tuple[str, list[Line]]]]]
    by_question: list[tuple[str, list[Line]]]
    observations: list[tuple[str, str]]  # (question or "", text)
    tallies: list[tuple[str, int, int, int, AmendmentNote | None]]
    ratings: Counts  # score label -> count, 5..1
    rating_total: int
    rating_average: float | None
    rating_comments: Counts  # distinct comment -> how many visitors wrote it
    votes: Counts
    actions: list[tuple[str, str, str, bool, AmendmentNote | None]]
    photos: list[Photo]
    contacts: list[tuple[str, str, str, str]] | None = None  # only when asked for
    contacts_withheld: int = 0  # sealed on this laptop: cannot be printed
    attendance: Attendance | None = None  # head count; None = not recorded
    speakers: int = 0  # distinct participant codes that contributed
    extra: dict[str, Any] = field(default_factory=dict)


def _counts(s: OrmSession, column: Any, where: Any, members: list[e.Labelled], lang: str) -> Counts:
    got: dict[Any, int] = dict(s.execute(select(column, func.count()).where(where).group_by(column)).all())
    return [(m.label(lang), int(got.get(m, 0))) for m in members]


def _display(value: Any, lang: str) -> str:
    if value is None:
        return "-"
    for enum in (e.ContributionType, e.Stance):
        try:
            return enum(value).label(lang)
        except ValueError:
            pass
    if isinstance(value, bool):
        return ("เสร็จแล้ว" if value else "ยังไม่เสร็จ") if lang == "th" else ("done" if value else "not done")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):  # an attendance breakdown: {"gender": {"female": 17}, ...}
        parts = []
        for dim, counts in value.items():
            dim_enum = _DIMENSIONS.get(dim)
            for key, n in (counts or {}).items() if isinstance(counts, dict) else ():
                try:
                    label = dim_enum(key).label(lang) if dim_enum else str(key)
                except ValueError:
                    label = str(key)
                parts.append(f"{label} {n}")
        return ", ".join(parts) or "-"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return format_date(date.fromisoformat(value), lang)
        except ValueError:
            pass
    return str(value)


def _amendments(s: OrmSession, session_id: str, lang: str) -> dict[str, tuple[dict[str, Any], list[Amendment]]]:
    out: dict[str, tuple[dict[str, Any], list[Amendment]]] = {}
    for a in s.scalars(select(Amendment).where(Amendment.session_id == session_id).order_by(Amendment.seq)):
        fields, history = out.setdefault(a.target_id, ({}, []))
        fields.update(a.changes)  # later amendments supersede earlier ones, field by field
        history.append(a)
    return out


def _note(amended: dict[str, tuple[dict[str, Any], list[Amendment]]], target_id: str, original: Any,
          lang: str) -> AmendmentNote | None:
    if target_id not in amended:
        return None
    fields, history = amended[target_id]
    shown = {k: (_display(getattr(original, k, None), lang), _display(v, lang)) for k, v in fields.items()}
    labels = {k: FIELD_LABELS.get(k, (k, k))[0 if lang == "th" else 1] for k in fields}
    return AmendmentNote(shown, labels, [(format_date(a.created_at, lang), a.reason) for a in history])


def _effective(note: AmendmentNote | None, name: str, value: str) -> str:
    return note.fields[name][1] if note and name in note.fields else value


def _tr(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


def _clock(value: datetime, lang: str, day: date | None) -> str:
    local = to_local(value)
    text = local.strftime("%H:%M")
    if day is not None and local.date() != day:  # ended after midnight, or on another day
        text = f"{format_date(local, lang, abbr=True)} {text}"
    return text


def _span(start: datetime | None, end: datetime | None, lang: str, day: date | None) -> str:
    unit = " น." if lang == "th" else ""
    if start and end:
        return f"{_clock(start, lang, day)}–{_clock(end, lang, day)}{unit}"
    if start:
        return _tr(lang, f"เริ่ม {_clock(start, lang, day)} น.", f"from {_clock(start, lang, day)}")
    if end:
        return _tr(lang, f"ถึง {_clock(end, lang, day)} น.", f"until {_clock(end, lang, day)}")
    return ""


def session_time_text(planned_start: datetime | None, planned_end: datetime | None, started_at: datetime | None,
                      ended_at: datetime | None, lang: str = "th") -> str:
    """The session's times in Thailand's local time, saying which are planned and which actual.

    Planned and actual times are never mixed in one range (a planned start with an actual end
    printed "09:00–01:43"). Both are shown when both exist and differ.
    """
    first = next((v for v in (started_at, planned_start, ended_at, planned_end) if v), None)
    day = to_local(first).date() if first else None
    planned = _span(planned_start, planned_end, lang, day)
    actual = _span(started_at, ended_at, lang, day)
    if planned and actual and planned != actual:
        return _tr(lang, f"ตามกำหนดการ {planned} เวลาจริง {actual}", f"planned {planned}; actual {actual}")
    if actual:
        return _tr(lang, f"{actual} (เวลาจริง)", f"{actual} (actual)")
    if planned:
        return _tr(lang, f"{planned} (ตามกำหนดการ)", f"{planned} (planned)")
    return ""


def attendance_from_stored(total: Any, detail: Any, lang: str) -> Attendance | None:
    """An :class:`Attendance` from the stored form: ``Session.attendance_total`` (int or None) and
    ``Session.attendance_detail`` (``{"age_band": {"18_24": 12}, "gender": {...}, "occupation": {...}}``).

    A group that adds up to less than the total has the rest counted as "not stated".
    """
    if not isinstance(total, int) or isinstance(total, bool):
        return None
    detail = detail if isinstance(detail, dict) else {}

    def counts(key: str) -> Counts:
        got = detail.get(key)
        if not isinstance(got, dict) or not got:
            return []
        members = list(_DIMENSIONS[key])
        values = {m.value: int(got.get(m.value, 0) or 0) for m in members}
        rest = total - sum(values.values())
        if rest > 0:
            values["not_stated"] = values.get("not_stated", 0) + rest
        return [(m.label(lang), values.get(m.value, 0)) for m in members]

    return Attendance(total, counts("age_band"), counts("gender"), counts("occupation"))


def load_session_data(db: Database, session_id: str, *, lang: str = "th", include_personal_data: bool = False,
                      attachments_dir: Path | None = None, attendance: Attendance | None = None) -> SessionData:
    """Read one session for its summary. Raises NotFoundError for an unknown id.

    ``attendance`` is the head count to print; when not given, the one stored with the session
    (``attendance_total``/``attendance_detail``, as corrected by any amendment) is used; when the
    session has none, the summary says that attendance was not recorded.
    """
    with db.read() as s:
        x = s.get(Session, session_id)
        if x is None:
            raise NotFoundError("เวที / session", session_id)
        amended = _amendments(s, session_id, lang)
        session_note = _note(amended, x.id, x, lang)
        prov = find_province(x.province_code)
        time_text = session_time_text(x.planned_start, x.planned_end, x.started_at, x.ended_at, lang)
        in_session = Participant.session_id == session_id
        is_exhibition = x.kind == e.SessionKind.EXHIBITION
        if is_exhibition:
            age_bands = _counts(s, Rating.age_band, Rating.session_id == session_id, list(e.AgeBand), lang)
            total = s.scalar(select(func.count()).select_from(Rating).where(Rating.session_id == session_id)) or 0
        else:
            age_bands = _counts(s, Participant.age_band, in_session, list(e.AgeBand), lang)
            total = s.scalar(select(func.count()).select_from(Participant).where(in_session)) or 0
        data = SessionData(
            lang=lang, id=x.id, kind=x.kind, title=_effective(session_note, "title", x.title),
            status_label=x.status.label(lang), kind_label=x.kind.label(lang),
            topics=[t.label(lang) for t in x.topics],
            venue=x.venue.name if x.venue else "", province=prov.label(lang) if prov else x.province_code,
            district=x.district, date_text=format_date(x.session_date, lang), time_text=time_text,
            facilitators=_effective(session_note, "facilitators", x.facilitators),
            notes=_effective(session_note, "notes", x.notes), session_amendment=session_note,
            participants_total=int(total), age_bands=age_bands,
            genders=[] if is_exhibition else _counts(s, Participant.gender, in_session, list(e.Gender), lang),
            occupations=[] if is_exhibition else _counts(s, Participant.occupation, in_session, list(e.Occupation),
                                                         lang),
            type_counts=_counts(s, Contribution.type, Contribution.session_id == session_id,
                                list(e.ContributionType), lang),
            stance_counts=_stances(s, session_id, lang),
            by_topic=[], by_question=[], observations=[], tallies=[], ratings=[], rating_total=0,
            rating_average=None, rating_comments=[], votes=[], actions=[], photos=[])
        if attendance is None:
            attendance = attendance_from_stored(
                _effective_raw(amended, x.id, "attendance_total", getattr(x, "attendance_total", None)),
                _effective_raw(amended, x.id, "attendance_detail", getattr(x, "attendance_detail", None)), lang)
        data.attendance = attendance
        data.speakers = int(s.scalar(select(func.count(func.distinct(Contribution.participant_id)))
                                     .where(Contribution.session_id == session_id,
                                            Contribution.participant_id.isnot(None))) or 0)
        _contributions(s, data, amended, x)
        _focus_and_minitalk(s, data, amended)
        _exhibition(s, data)
        data.photos = _photos(s, session_id, attachments_dir)
        purged = purged_summary(s, session_id)
        if purged is not None:  # retention removed the words here; the summary says so, with the kept counts
            data.notes = purged.note(lang) + (f"\n{data.notes}" if data.notes else "")
            data.type_counts, data.stance_counts = purged.type_counts(lang), purged.stance_counts(lang)
            data.speakers = purged.speakers
        if include_personal_data:
            data.contacts, data.contacts_withheld = _contacts(s, session_id, ContactVault(db.device_id))
        return data


def _stances(s: OrmSession, session_id: str, lang: str) -> Counts:
    got = dict(s.execute(select(Contribution.stance, func.count()).where(Contribution.session_id == session_id)
                         .group_by(Contribution.stance)).all())
    none = "ไม่ระบุ" if lang == "th" else "Not stated"
    return [(m.label(lang), int(got.get(m, 0))) for m in e.Stance] + [(none, int(got.get(None, 0)))]


def _contributions(s: OrmSession, data: SessionData, amended: dict, x: Session) -> None:
    lang = data.lang
    codes = dict(s.execute(select(Participant.id, Participant.code).where(Participant.session_id == x.id)).all())
    topics = {t.id: t.label(lang) for t in s.scalars(select(Topic))}
    own = list(x.topics)
    # A contribution without a topic id belongs to one of the session's topics when a tag names
    # it (the capture box tags with the topic's name), or to the only one when there is one.
    by_tag = {name.casefold(): t.label(lang) for t in own for name in (t.name_th, t.name_en, t.code) if name}
    only = own[0].label(lang) if len(own) == 1 else None
    guide = s.scalars(select(Guide).where(Guide.session_id == x.id).order_by(Guide.created_at)).first()
    questions = list(guide.questions) if guide else []
    by_q: dict[str, list[Line]] = defaultdict(list)
    by_topic: dict[str, dict[e.ContributionType, list[Line]]] = defaultdict(lambda: defaultdict(list))
    general = "ไม่ระบุประเด็น" if lang == "th" else "No topic"
    for c in s.scalars(select(Contribution).where(Contribution.session_id == x.id).order_by(Contribution.recorded_at)):
        note = _note(amended, c.id, c, lang)
        ctype = e.ContributionType(_effective_raw(amended, c.id, "type", c.type))
        stance = _effective_raw(amended, c.id, "stance", c.stance)
        line = Line(_effective(note, "text", c.text), ctype.label(lang),
                    e.Stance(stance).label(lang) if stance else "-",
                    codes.get(c.participant_id, "") if c.participant_id else "", note)
        if c.question_id and any(q.id == c.question_id for q in questions):
            by_q[c.question_id].append(line)
        else:
            tags = _effective_raw(amended, c.id, "tags", c.tags) or []
            tagged = next((by_tag[t.casefold()] for t in tags if isinstance(t, str) and t.casefold() in by_tag), None)
            topic = topics.get(c.topic_id) if c.topic_id else None
            by_topic[topic or tagged or only or general][ctype].append(line)
    data.by_question = [(f"{i}. {q.text}", by_q.get(q.id, [])) for i, q in enumerate(questions, 1)]
    data.by_topic = [(topic, [(t.label(lang), groups[t]) for t in e.ContributionType if groups.get(t)])
                     for topic, groups in sorted(by_topic.items(), key=lambda kv: kv[0] == general)]
    data.extra["questions"] = {q.id: q.text for q in questions}


def _effective_raw(amended: dict, target_id: str, name: str, value: Any) -> Any:
    fields = amended.get(target_id, ({}, []))[0]
    return fields.get(name, value)


def _focus_and_minitalk(s: OrmSession, data: SessionData, amended: dict) -> None:
    lang, sid = data.lang, data.id
    questions = data.extra.get("questions", {})
    observations = s.scalars(select(Observation).where(Observation.session_id == sid).order_by(Observation.recorded_at))
    data.observations = [(questions.get(o.question_id, ""), _effective_raw(amended, o.id, "text", o.text))
                         for o in observations]
    for t in s.scalars(select(Tally).where(Tally.session_id == sid).order_by(Tally.created_at)):
        note = _note(amended, t.id, t, lang)
        data.tallies.append((_effective(note, "question", t.question),
                             int(_effective_raw(amended, t.id, "count_for", t.count_for)),
                             int(_effective_raw(amended, t.id, "count_against", t.count_against)),
                             int(_effective_raw(amended, t.id, "count_abstain", t.count_abstain)), note))
    for a in s.scalars(select(ActionItem).where(ActionItem.session_id == sid).order_by(ActionItem.created_at)):
        note = _note(amended, a.id, a, lang)
        due = _effective_raw(amended, a.id, "due", a.due)
        due_text = _display(due if isinstance(due, str) or due is None else due.isoformat(), lang) if due else "-"
        data.actions.append((_effective(note, "what", a.what), _effective(note, "who", a.who) or "-", due_text,
                             bool(_effective_raw(amended, a.id, "done", a.done)), note))


def _exhibition(s: OrmSession, data: SessionData) -> None:
    sid = data.id
    dist = dict(s.execute(select(Rating.score, func.count()).where(Rating.session_id == sid)
                          .group_by(Rating.score)).all())
    data.rating_total = int(sum(dist.values()))
    if data.rating_total:
        data.ratings = [(f"{score} ★" if data.lang == "en" else f"{score} คะแนน", int(dist.get(score, 0)))
                        for score in (5, 4, 3, 2, 1)]
        average = s.scalar(select(func.avg(Rating.score)).where(Rating.session_id == sid))
        data.rating_average = float(average) if average is not None else None
    hidden = hidden_comment_ids(s, sid)  # staff hid these (abusive, personal data) from the summary
    data.rating_comments = [(text, int(n)) for text, n in s.execute(
        select(Rating.comment, func.count()).where(Rating.session_id == sid, Rating.comment != "",
                                                   Rating.id.not_in(hidden))
        .group_by(Rating.comment).order_by(func.count().desc(), Rating.comment)).all()]
    votes = func.count(Vote.id)
    data.votes = [(title_en if data.lang == "en" and title_en else title, int(n)) for title, title_en, n in s.execute(
        select(Proposal.title, Proposal.title_en, votes).outerjoin(Vote, Vote.proposal_id == Proposal.id)
        .where(Proposal.session_id == sid).group_by(Proposal.id).order_by(Proposal.position)).all()]


def _photos(s: OrmSession, session_id: str, attachments_dir: Path | None) -> list[Photo]:
    out = []
    for a in s.scalars(select(Attachment).where(Attachment.session_id == session_id).order_by(Attachment.created_at)):
        if not a.media_type.startswith("image/"):
            continue
        path = blob_path(attachments_dir, a.sha256) if attachments_dir else None
        out.append(Photo(path if path is not None and path.is_file() else None, a.caption, a.filename))
    return out


def _contacts(s: OrmSession, session_id: str, vault: ContactVault) -> tuple[list[tuple[str, str, str, str]], int]:
    """Contact details of consenting participants (opened from their encryption at rest);
    sealed ones are only counted."""
    rows = s.execute(
        select(Participant.code, ParticipantContact)
        .join(ParticipantContact, ParticipantContact.participant_id == Participant.id)
        .where(Participant.session_id == session_id, Participant.consent.in_(CONSENTED))
        .order_by(Participant.code)).all()
    shown = []
    for code, row in rows:
        contact = vault.decrypt_contact(row) if row.sealed is None else None
        if contact is not None and not contact.is_empty():
            shown.append((code, contact.name, contact.phone, contact.email))
    return shown, sum(1 for _, row in rows if row.sealed is not None)
