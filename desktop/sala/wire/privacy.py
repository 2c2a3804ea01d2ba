"""Two record kinds of the privacy work (issue 12), shared by the laptop and ``sala-central``.

``audit_entry``
    One entry of a laptop's append-only audit log, as it stands in the log: the chain hash is
    defined here (:func:`entry_hash`) so either end can check a chain it holds.

``participant_erasure``
    A participant's personal data was erased on a laptop, with a reason. It names the
    participant rows and the records that held their data; whoever holds those records applies
    :func:`scrub` to them (the laptop to its delivered outbox copies, the platform to what it
    stored, now and when a copy arrives later by another path).

What erasure removes (PDPA: name, phone, e-mail and the link between the person and what they
said): the sealed contact box, a contribution's ``participant_id`` (and an amendment's that set
it), and the participant row's code (the demographic counts stay, without a handle on the
person). The contributions' words stay: they are the consultation's content and, without the
link, no longer about someone identifiable.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sala.wire.protocol import UUID_RE, RecordError, canonical_json

AUDIT_TYPE = "audit_entry"
ERASURE_TYPE = "participant_erasure"
#: The chain's start: the ``prev_hash`` of the first entry.
GENESIS = "0" * 64
ROLES = ("field_staff", "supervisor")
ACTION_RE = re.compile(r"^[a-z][a-z0-9_.]{0,39}\Z")
ERASED_CODE_PREFIX = "ERASED-"
MAX_REASON = 2000
MAX_TARGETS = 10_000
#: Record types that can hold a participant's personal data (see :func:`scrub`).
PERSONAL_TYPES = frozenset({"sealed_personal_data", "participant", "contribution", "amendment"})

_AUDIT_FIELDS = frozenset({"id", "position", "at", "device_id", "actor_role", "action", "reason",
                           "target", "prev_hash", "hash"})
_ERASURE_FIELDS = frozenset({"participant_ids", "record_ids", "reason", "erased_at", "actor_role",
                             "audit_entry_id"})
_HEX64 = re.compile(r"^[0-9a-f]{64}\Z")


def entry_hash(*, id: str, position: int, at: str, device_id: str, actor_role: str, action: str,
               reason: str, target: Sequence[str], prev_hash: str) -> str:
    """sha256 hex of the canonical JSON of an entry's fields and the previous entry's hash."""
    return hashlib.sha256(canonical_json({
        "id": id, "position": position, "at": at, "device_id": device_id,
        "actor_role": actor_role, "action": action, "reason": reason, "target": list(target),
        "prev_hash": prev_hash})).hexdigest()


def _bad(code: str, message: str) -> RecordError:
    return RecordError(code, message)


def _text(body: Mapping[str, Any], key: str, limit: int) -> str:
    value = body[key]
    if not isinstance(value, str) or len(value) > limit:
        raise _bad("bad_body", f"{key} must be text of at most {limit} characters")
    return value


def _ids(body: Mapping[str, Any], key: str, *, min_len: int = 0) -> list[str]:
    value = body[key]
    if (not isinstance(value, list) or not min_len <= len(value) <= MAX_TARGETS
            or not all(isinstance(v, str) and UUID_RE.match(v) for v in value)):
        raise _bad("bad_body", f"{key} must be a list of {min_len} to {MAX_TARGETS} record ids")
    return value


def _aware(body: Mapping[str, Any], key: str) -> None:
    value = body[key]
    try:
        if not isinstance(value, str) or len(value) > 40 or datetime.fromisoformat(value).tzinfo is None:
            raise ValueError
    except ValueError:
        raise _bad("bad_body", f"{key} must be ISO-8601 with a UTC offset") from None


def check_audit_body(body: Mapping[str, Any]) -> None:
    """Raise :class:`RecordError` unless ``body`` is a well-formed, self-consistent entry."""
    if set(body) != _AUDIT_FIELDS:
        raise _bad("bad_body", "an audit entry has exactly: " + ", ".join(sorted(_AUDIT_FIELDS)))
    if not isinstance(body["id"], str) or not UUID_RE.match(body["id"]):
        raise _bad("bad_body", "id must be a lowercase UUID")
    if type(body["position"]) is not int or not 1 <= body["position"] < 2**62:
        raise _bad("bad_body", "position must be a positive integer")
    _aware(body, "at")
    _text(body, "device_id", 64)
    if body["actor_role"] not in ROLES:
        raise _bad("bad_body", "actor_role must be one of " + ", ".join(ROLES))
    if not isinstance(body["action"], str) or not ACTION_RE.match(body["action"]):
        raise _bad("bad_body", "action must match [a-z][a-z0-9_.]*")
    _text(body, "reason", MAX_REASON)
    target = body["target"]
    if (not isinstance(target, list) or len(target) > MAX_TARGETS
            or not all(isinstance(v, str) and 0 < len(v) <= 64 for v in target)):
        raise _bad("bad_body", "target must be a list of ids")
    for key in ("prev_hash", "hash"):
        if not isinstance(body[key], str) or not _HEX64.match(body[key]):
            raise _bad("bad_body", f"{key} must be lowercase sha256 hex")
    fields = {k: body[k] for k in _AUDIT_FIELDS - {"hash"}}
    if entry_hash(**fields) != body["hash"]:
        raise _bad("chain_hash_mismatch", "the entry's hash does not cover its fields")


def check_erasure_body(body: Mapping[str, Any]) -> None:
    """Raise :class:`RecordError` unless ``body`` is a well-formed erasure."""
    if set(body) != _ERASURE_FIELDS:
        raise _bad("bad_body", "an erasure has exactly: " + ", ".join(sorted(_ERASURE_FIELDS)))
    _ids(body, "participant_ids", min_len=1)
    _ids(body, "record_ids")
    if not _text(body, "reason", MAX_REASON).strip():
        raise _bad("bad_body", "an erasure needs a reason")
    _aware(body, "erased_at")
    if body["actor_role"] not in ROLES:
        raise _bad("bad_body", "actor_role must be one of " + ", ".join(ROLES))
    if not isinstance(body["audit_entry_id"], str) or not UUID_RE.match(body["audit_entry_id"]):
        raise _bad("bad_body", "audit_entry_id must be a lowercase UUID")


def check_body(type_: str, body: Mapping[str, Any]) -> None:
    """The shape rule of a privacy record kind; other types pass (they have their own rules)."""
    if type_ == AUDIT_TYPE:
        check_audit_body(body)
    elif type_ == ERASURE_TYPE:
        check_erasure_body(body)


def erased_code(participant_id: str) -> str:
    """What an erased participant's code becomes: unique in its session, says nothing."""
    return ERASED_CODE_PREFIX + hashlib.sha256(participant_id.encode()).hexdigest()[:8]


def participant_of(type_: str, record_id: str, body: Mapping[str, Any]) -> str | None:
    """The participant whose personal data a record of a :data:`PERSONAL_TYPES` type holds."""
    if type_ == "participant":
        return record_id
    if type_ == "amendment":
        changes = body.get("changes")
        value = changes.get("participant_id") if isinstance(changes, dict) else None
    else:
        value = body.get("participant_id")
    return value if isinstance(value, str) else None


def scrub(type_: str, record_id: str, body: Mapping[str, Any], erased: set[str] | frozenset[str],
          erasure_id: str) -> dict[str, Any] | None:
    """``body`` (of record ``record_id``) without the personal data of the participants in
    ``erased``; None when it holds none of theirs (nothing to change)."""
    if type_ == "sealed_personal_data":
        pid = body.get("participant_id")
        if pid in erased and "erased_by" not in body:
            return {"participant_id": pid, "erased_by": erasure_id}
    elif type_ == "contribution":
        if body.get("participant_id") in erased and "erased_by" not in body:
            return {**body, "participant_id": None, "erased_by": erasure_id}
    elif type_ == "participant":
        if record_id in erased and "erased_by" not in body:
            return {**body, "code": erased_code(record_id), "erased_by": erasure_id}
    elif type_ == "amendment":
        if participant_of(type_, record_id, body) in erased and "erased_by" not in body:
            return {**body, "changes": {**body["changes"], "participant_id": None}, "erased_by": erasure_id}
    return None
