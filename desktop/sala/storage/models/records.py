"""The records a consultation is made of and that sync to the central platform: topics, venues,
sessions, participants (their contact details are in ``contacts.py``), guides and everything
said, counted, voted, photographed or amended in a session."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sala.domain import enums as e
from sala.storage.models.base import Base, SyncRecord
from sala.storage.types import AwareDateTime, EnumText, IsoDate, JsonText


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


SYNCED_MODELS: tuple[type[SyncRecord], ...] = (
    Topic, Venue, Session, Participant, Guide, GuideQuestion, Contribution, Observation, Tally,
    ActionItem, Proposal, Rating, Vote, Attachment, Amendment,
)
