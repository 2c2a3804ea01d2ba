"""SQLAlchemy 2.0 models for Sala's local store, by feature. No Qt.

Every synced record carries a device-made UUIDv7 ``id``, the ``device_id`` that made it, a
per-device change ``seq`` (assigned at flush, in the same transaction: see ``database.py``) and
aware ``created_at``/``updated_at``. Personal contact details live in their own table
(``participant_contact``, ``contacts.py``) and never travel in plain text.

All tables share one metadata, ``Base.metadata`` (``base.py``); importing this package imports
every module below, so Alembic's env and ``create_all`` see every table. The modules import
``base`` only, never this package, so there is no import cycle; code outside imports from here.
"""

from __future__ import annotations

from sala.storage.models.audience import AudiencePhone, AudienceRoom, AudienceSubmission, AudienceVote
from sala.storage.models.audit import AuditEntry
from sala.storage.models.base import NAMING, Base, SyncRecord
from sala.storage.models.contacts import ParticipantContact
from sala.storage.models.local import Device, LocalSetting
from sala.storage.models.records import (
    SYNCED_MODELS,
    ActionItem,
    Amendment,
    Attachment,
    Contribution,
    Guide,
    GuideQuestion,
    Observation,
    Participant,
    Proposal,
    Rating,
    Session,
    Tally,
    Topic,
    Venue,
    Vote,
    session_topic,
)
from sala.storage.models.sync_state import BlobUpload, CatalogLink, OutboxEntry, SyncBatch, SyncRun

__all__ = [
    "NAMING", "SYNCED_MODELS", "ActionItem", "Amendment", "Attachment", "AudiencePhone", "AudienceRoom",
    "AudienceSubmission", "AudienceVote", "AuditEntry", "Base", "BlobUpload", "CatalogLink",
    "Contribution", "Device", "Guide", "GuideQuestion", "LocalSetting", "Observation", "OutboxEntry",
    "Participant", "ParticipantContact", "Proposal", "Rating", "Session", "SyncBatch", "SyncRecord", "SyncRun",
    "Tally", "Topic", "Venue", "Vote", "session_topic",
]
