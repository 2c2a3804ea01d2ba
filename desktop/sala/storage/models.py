"""SQLAlchemy 2.0 models for Sala's local store. No Qt.

Every synced record carries a device-made UUIDv7 ``id``, the ``device_id`` that made it, a
per-device change ``seq`` (assigned at flush, in the same transaction: see ``database.py``) and
aware ``created_at``/``updated_at``. Personal contact details live in their own table
(``participant_contact``) and never travel in plain text.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from sala.domain import enums as e
from sala.domain.ids import new_id
from sala.storage.types import AwareDateTime, EnumText, IsoDate, JsonText

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncRecord:
    """Columns every synced record has; filled in by storage, never by hand: the flush hook
    for ORM objects, ``database.stamp_new_record`` for a Core insert (the capture fast path)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    device_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime())


class Device(Base):
    """This laptop (``is_local``) and devices whose records arrived by bundle."""

    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    last_change_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())


class Topic(SyncRecord, Base):
    __tablename__ = "topic"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_th: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def label(self, lang: str = "th") -> str:
        return self.name_th if lang == "th" else self.name_en


class Venue(SyncRecord, Base):
    __tablename__ = "venue"
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[e.VenueKind] = mapped_column(EnumText(e.VenueKind))
    province_code: Mapped[str] = mapped_column(String(8))
    district: Mapped[str] = mapped_column(String(120), default="")
    last_used_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)


session_topic = Table(
    "session_topic",
    Base.metadata,
    Column("session_id", ForeignKey("session.id", ondelete="CASCADE"), primary_key=True),
    Column("topic_id", ForeignKey("topic.id"), primary_key=True),
    Index("ix_session_topic_topic", "topic_id"),
)


class Session(SyncRecord, Base):
    __tablename__ = "session"
    kind: Mapped[e.SessionKind] = mapped_column(EnumText(e.SessionKind))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[e.SessionStatus] = mapped_column(EnumText(e.SessionStatus), default=e.SessionStatus.DRAFT)
    venue_id: Mapped[str | None] = mapped_column(ForeignKey("venue.id"), nullable=True)
    province_code: Mapped[str] = mapped_column(String(8))
    district: Mapped[str] = mapped_column(String(120), default="")
    facilitators: Mapped[str] = mapped_column(String(400), default="")
    planned_start: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    planned_end: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    finalized_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # The day the session happens (planned or actual start, local time): list order and filters.
    session_date: Mapped[date] = mapped_column(IsoDate())
    # The head count (everyone in the room or at the stand), apart from those who spoke; the
    # optional breakdown is {"age_band": {...}, "gender": {...}, "occupation": {...}} of enum values.
    attendance_total: Mapped[int | None] = mapped_column(Integer, nullable=True)
    attendance_detail: Mapped[dict[str, dict[str, int]] | None] = mapped_column(JsonText, nullable=True)

    venue: Mapped[Venue | None] = relationship(lazy="joined")
    topics: Mapped[list[Topic]] = relationship(secondary=session_topic, lazy="selectin", order_by="Topic.code")

    __table_args__ = (
        Index("ix_session_date", "session_date"),
        Index("ix_session_kind_status", "kind", "status"),
        Index("ix_session_province", "province_code"),
    )


class Participant(SyncRecord, Base):
    __tablename__ = "participant"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(16))
    age_band: Mapped[e.AgeBand] = mapped_column(EnumText(e.AgeBand), default=e.AgeBand.NOT_STATED)
    gender: Mapped[e.Gender] = mapped_column(EnumText(e.Gender), default=e.Gender.NOT_STATED)
    occupation: Mapped[e.Occupation] = mapped_column(EnumText(e.Occupation), default=e.Occupation.NOT_STATED)
    province_code: Mapped[str | None] = mapped_column(String(8), nullable=True)
    consent: Mapped[e.ConsentKind] = mapped_column(EnumText(e.ConsentKind), default=e.ConsentKind.NONE)
    consent_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    consent_purpose: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("session_id", "code", name="uq_participant_session_code"),
                      Index("ix_participant_dashboard", "age_band", "gender", "session_id"))


class ParticipantContact(Base):
    """Personal data (PDPA): only with consent, apart from the rest; never plain at rest
    (``services/contact_vault.py``): encrypted under the device key, sealed at finalize."""

    __tablename__ = "participant_contact"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    sealed_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    # migration 0010: encrypted under the device key until sealed; blind index to find a person
    box: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    key_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    name_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    phone_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)


class Guide(SyncRecord, Base):
    """An ordered question guide: a reusable template, or a session's own copy."""

    __tablename__ = "guide"
    title: Mapped[str] = mapped_column(String(200))
    is_template: Mapped[bool] = mapped_column(Boolean, default=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), nullable=True)
    questions: Mapped[list[GuideQuestion]] = relationship(
        order_by="GuideQuestion.position", cascade="all, delete-orphan", lazy="selectin"
    )


class GuideQuestion(SyncRecord, Base):
    __tablename__ = "guide_question"
    guide_id: Mapped[str] = mapped_column(ForeignKey("guide.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    __table_args__ = (Index("ix_guide_question_guide", "guide_id", "position"),)


class Contribution(SyncRecord, Base):
    __tablename__ = "contribution"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    type: Mapped[e.ContributionType] = mapped_column(EnumText(e.ContributionType))
    text: Mapped[str] = mapped_column(Text)
    stance: Mapped[e.Stance | None] = mapped_column(EnumText(e.Stance), nullable=True)
    tags: Mapped[list[str]] = mapped_column(JsonText, default=list)
    participant_id: Mapped[str | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"), nullable=True)
    question_id: Mapped[str | None] = mapped_column(ForeignKey("guide_question.id", ondelete="SET NULL"), nullable=True)
    topic_id: Mapped[str | None] = mapped_column(ForeignKey("topic.id"), nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(AwareDateTime())

    __table_args__ = (
        Index("ix_contribution_session", "session_id", "recorded_at"),
        # Covers the session list's per-row counts (entries and distinct speakers) and their sorts.
        Index("ix_contribution_session_speaker", "session_id", "participant_id"),
        Index("ix_contribution_topic_type", "topic_id", "type"),
        Index("ix_contribution_dashboard", "topic_id", "type", "stance", "session_id"),
    )


class Observation(SyncRecord, Base):
    """A facilitator's note in a focus group, optionally tied to a question."""

    __tablename__ = "observation"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str | None] = mapped_column(ForeignKey("guide_question.id", ondelete="SET NULL"), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(AwareDateTime())


class Tally(SyncRecord, Base):
    """A show of hands: a question and the counts for, against and abstaining."""

    __tablename__ = "tally"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(Text)
    count_for: Mapped[int] = mapped_column(Integer, default=0)
    count_against: Mapped[int] = mapped_column(Integer, default=0)
    count_abstain: Mapped[int] = mapped_column(Integer, default=0)


class ActionItem(SyncRecord, Base):
    __tablename__ = "action_item"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(IsoDate(), nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class Proposal(SyncRecord, Base):
    """A proposal on display at an exhibition, for visitors' dot-votes."""

    __tablename__ = "proposal"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="", server_default="")
    """The English name, optional: shown in English, with ``title`` when it is empty (migration 0012)."""


class Rating(SyncRecord, Base):
    """One exhibition visitor's entry: a 1–5 face rating, optional comment and age band."""

    __tablename__ = "rating"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    age_band: Mapped[e.AgeBand | None] = mapped_column(EnumText(e.AgeBand), nullable=True)
    recorded_at: Mapped[datetime] = mapped_column(AwareDateTime())
    comment_hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    __table_args__ = (Index("ix_rating_session", "session_id", "score"),
                      Index("ix_rating_dashboard", "score", "session_id"))


class Vote(SyncRecord, Base):
    """A visitor's dot-vote for one proposal (a visitor may vote for several)."""

    __tablename__ = "vote"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    rating_id: Mapped[str | None] = mapped_column(ForeignKey("rating.id", ondelete="CASCADE"), nullable=True)
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id", ondelete="CASCADE"))
    __table_args__ = (Index("ix_vote_session_proposal", "session_id", "proposal_id"),)


class Attachment(SyncRecord, Base):
    """A photo or file, stored content-addressed by sha256 in the data folder."""

    __tablename__ = "attachment"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    media_type: Mapped[str] = mapped_column(String(80))
    size: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255), default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    question_id: Mapped[str | None] = mapped_column(ForeignKey("guide_question.id", ondelete="SET NULL"), nullable=True)


class Amendment(SyncRecord, Base):
    """A correction to a finalized record: the changed fields and why; it supersedes, never edits."""

    __tablename__ = "amendment"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), index=True)
    target_type: Mapped[str] = mapped_column(String(40))
    target_id: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[dict[str, Any]] = mapped_column(JsonText)
    reason: Mapped[str] = mapped_column(Text)
    supersedes_id: Mapped[str | None] = mapped_column(String(36), nullable=True)


class AuditEvent(Base):
    """What happened on this device, in order (local only)."""

    __tablename__ = "audit_event"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(AwareDateTime())
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36))
    detail: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    __table_args__ = (Index("ix_audit_entity", "entity_id"),)


class AuditEntry(Base):
    """One act in the append-only audit log (migration 0009; ``services/audit.py``).

    Each entry's ``hash`` covers its fields and the previous entry's hash, so an entry edited,
    removed or moved shows when the chain is checked. ``position`` counts from 1 without gaps.
    """

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[datetime] = mapped_column(AwareDateTime())
    device_id: Mapped[str] = mapped_column(String(64))
    actor_role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[list[str]] = mapped_column(JsonText, default=list)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """A record snapshot waiting for (or done with) the trip to the central platform.

    ``seq`` is the device's contiguous *sync* sequence, written in the same transaction as the
    data it snapshots (at finalize or amendment); ``state`` follows the server's answer.
    """

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    record_id: Mapped[str] = mapped_column(String(36), unique=True)
    record_type: Mapped[str] = mapped_column(String(40))
    session_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    hash: Mapped[str] = mapped_column(String(64))
    envelope: Mapped[str] = mapped_column(Text)  # the canonical JSON record as it goes on the wire
    size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|accepted|duplicate|conflict|rejected
    reason: Mapped[str] = mapped_column(Text, default="")
    batch_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime())
    __table_args__ = (Index("ix_outbox_state", "state", "seq"),)


class BlobUpload(Base):
    """An attachment's upload state, so a dropped link resumes where it stopped."""

    __tablename__ = "blob_upload"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    uploaded: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|done|missing
    updated_at: Mapped[datetime] = mapped_column(AwareDateTime())


class SyncRun(Base):
    """One sync attempt and its outcome, for the history the supervisor reads."""

    __tablename__ = "sync_run"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    started_at: Mapped[datetime] = mapped_column(AwareDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    outcome: Mapped[str] = mapped_column(String(24), default="running")
    via: Mapped[str] = mapped_column(String(16), default="network")  # network|bundle
    detail: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="")


class SyncBatch(Base):
    """One signed batch kept until the server has answered it (migrations 0003, 0006).

    ``via`` is ``own`` (made on this laptop) or ``bundle`` (from another laptop's USB bundle,
    forwarded unchanged); see ``sync/batch_store.py`` for why a batch is persisted before it is
    sent.
    """

    __tablename__ = "sync_batch"
    batch_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))          # origin device (the signer)
    via: Mapped[str] = mapped_column(String(16), default="own")
    state: Mapped[str] = mapped_column(String(16), default="open")  # open|done|failed|split
    record_count: Mapped[int] = mapped_column(Integer)
    first_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    body: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # gzip; dropped when done
    signature: Mapped[str] = mapped_column(Text)
    public_key: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(255), default="")  # bundle file name, for people
    result: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    # migration 0006: the origin's seal over the batch's Merkle root (bundles), and for a
    # forwarded piece which records of which sealed batch it carries (``wire.pieces.PieceInfo``)
    seal: Mapped[str | None] = mapped_column(Text, nullable=True)
    piece: Mapped[dict[str, Any] | None] = mapped_column(JsonText, nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    __table_args__ = (Index("ix_sync_batch_state", "state", "via", "created_at"),)


class CatalogLink(Base):
    """A central catalogue item as last pulled and the local row it became (migration 0006);
    see ``sync/catalog_pull.py``."""

    __tablename__ = "catalog_link"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    rev: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    local_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    data: Mapped[str] = mapped_column(Text)
    pulled_at: Mapped[datetime] = mapped_column(AwareDateTime())


class LocalSetting(Base):
    """Small device-local values that must survive with the data (kiosk PIN hash, server URL)."""

    __tablename__ = "local_setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JsonText)


class AudienceRoom(Base):
    """A session's audience mode (migration 0010): its join code and moderation switch. Local only."""

    __tablename__ = "audience_room"
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"), primary_key=True)
    join_code: Mapped[str] = mapped_column(String(16))
    accept_all: Mapped[bool] = mapped_column(Boolean, default=False)
    opened_at: Mapped[datetime] = mapped_column(AwareDateTime())


class AudiencePhone(Base):
    """A phone that joined a session's audience: an anonymous code, never a person's details.

    ``token_hash`` is the SHA-256 of the random token in the phone's cookie (the token itself is
    not stored, so the file alone cannot impersonate a phone)."""

    __tablename__ = "audience_phone"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    age_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    occupation: Mapped[str | None] = mapped_column(String(20), nullable=True)
    joined_at: Mapped[datetime] = mapped_column(AwareDateTime())
    __table_args__ = (UniqueConstraint("session_id", "code", name="uq_audience_phone_session_code"),)


class AudienceSubmission(Base):
    """What a phone sent (an opinion, a question, a rating), waiting for or past moderation.

    ``state``: pending | accepted | hidden | merged; ``record_id`` is the contribution (or rating)
    it became. ``client_key`` is the phone's own key for the send, so a retried send is one row."""

    __tablename__ = "audience_submission"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    phone_id: Mapped[str] = mapped_column(ForeignKey("audience_phone.id", ondelete="CASCADE"))
    client_key: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))
    type: Mapped[str | None] = mapped_column(String(16), nullable=True)
    stance: Mapped[str | None] = mapped_column(String(16), nullable=True)
    topic_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into: Mapped[str | None] = mapped_column(String(36), nullable=True)
    record_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(AwareDateTime(), nullable=True)
    __table_args__ = (UniqueConstraint("phone_id", "client_key", name="uq_audience_submission_phone_key"),
                      Index("ix_audience_submission_queue", "session_id", "state", "created_at"))


class AudienceVote(Base):
    """A phone's up-vote of a question or dot on a proposal: one per phone and target."""

    __tablename__ = "audience_vote"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    phone_id: Mapped[str] = mapped_column(ForeignKey("audience_phone.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(36))
    record_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(AwareDateTime())
    __table_args__ = (UniqueConstraint("phone_id", "target_kind", "target_id", name="uq_audience_vote_phone_target"),
                      Index("ix_audience_vote_target", "session_id", "target_kind", "target_id"))


SYNCED_MODELS: tuple[type[SyncRecord], ...] = (
    Topic, Venue, Session, Participant, Guide, GuideQuestion, Contribution, Observation, Tally,
    ActionItem, Proposal, Rating, Vote, Attachment, Amendment,
)
