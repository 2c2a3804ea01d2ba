"""The laptop's side of sync, kept with the data: the outbox, uploads, runs, batches and the
catalogue pulled down."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sala.domain.ids import new_id
from sala.storage.models.base import Base
from sala.storage.types import AwareDateTime, JsonText


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
