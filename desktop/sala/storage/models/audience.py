"""Audience mode's local tables (migration 0011): rooms, the phones that joined, what they sent
and their votes. Local only; nothing here names a person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sala.domain.ids import new_id
from sala.storage.models.base import Base
from sala.storage.types import AwareDateTime


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
