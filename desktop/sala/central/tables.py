"""The central ledger's tables (SQLAlchemy Core), shared by the app and its migrations.

Core rather than ORM: the hot path inserts thousands of rows per batch with ``executemany``
and the ORM's unit of work would only cost time. Times are Unix epoch floats: portable across
SQLite and PostgreSQL, and never used for ordering records (seq and rev are).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Float, Integer, MetaData, String, Table, Text, UniqueConstraint

metadata = MetaData()

server_meta = Table(
    "server_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

devices = Table(
    "devices", metadata,
    Column("device_id", String(64), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("public_key", String(64), nullable=False),
    Column("token_hash", String(64), unique=True, nullable=True),
    # enrolled=False: key pinned on first use from a forwarded batch (see PROTOCOL.md)
    Column("enrolled", Boolean, nullable=False, default=False),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("first_seen_via", String(64), nullable=True),
    # a laptop registered offline: the enrolled device that vouched for it, and when (c0003)
    Column("vouched_by", String(64), nullable=True),
    Column("vouched_at", Float, nullable=True),
    # when an administrator last released the id from its key: no vouch made before binds it (c0004)
    Column("released_at", Float, nullable=True),
    Column("high_water", BigInteger, nullable=False, default=0),
    Column("max_seq", BigInteger, nullable=False, default=0),
    Column("created_at", Float, nullable=False),
)

enroll_codes = Table(
    "enroll_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("used_at", Float, nullable=True),
    Column("used_by", String(64), nullable=True),
)

records = Table(
    "records", metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("type", String(40), nullable=False),
    Column("schema", Integer, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("body", Text, nullable=False),     # canonical JSON of the body
    Column("blobs", Text, nullable=False),    # JSON list of sha256
    Column("batch_id", String(36), nullable=False),
    Column("received_at", Float, nullable=False),
    UniqueConstraint("device_id", "seq", name="uq_records_device_seq"),
)

batches = Table(
    "batches", metadata,
    Column("batch_id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("sender_device_id", String(64), nullable=False),
    Column("body_sha256", String(64), nullable=False),
    Column("record_count", Integer, nullable=False),
    Column("first_received_at", Float, nullable=False),
    Column("last_received_at", Float, nullable=False),
    Column("times_received", Integer, nullable=False, default=1),
    Column("counts", Text, nullable=False, default="{}"),
)

blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("completed_at", Float, nullable=False),
)

catalog_items = Table(
    "catalog_items", metadata,
    Column("kind", String(20), primary_key=True),
    Column("item_id", String(64), primary_key=True),
    Column("rev", BigInteger, nullable=False, index=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("data", Text, nullable=False),
    Column("updated_at", Float, nullable=False),
)

# A participant's erasure as the platform applied it (migration c0002, ``central/erasures.py``):
# personal records of these participants arriving later, by any path, are scrubbed on arrival.
erasures = Table(
    "erasures", metadata,
    Column("participant_id", String(36), primary_key=True),
    Column("device_id", String(64), primary_key=True),
    Column("erasure_record_id", String(36), nullable=False),
    Column("received_at", Float, nullable=False),
)
