"""What a sync run reports (counts, bytes, per-batch results) and how patient it is.

Kept apart from the engine so the GUI, the CLI and the tests share these plain types.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sala.sync.messages import Outcome
from sala.wire import http, protocol


@dataclass
class RetryPolicy:
    """How patient one run is. The GUI keeps runs short (its link watcher retries later); the
    CLI waits longer; tests shrink the delays."""

    base: float = http.BACKOFF_BASE_S
    cap: float = http.BACKOFF_CAP_S
    network_attempts: int = 4      # consecutive network failures before "no link"
    busy_attempts: int = 30        # 429/503/409+Retry-After answers per batch before "busy"...
    # ...and at least this many seconds waited on them: a service that books its crowd by tenths
    # of a second (Retry-After-Ms) may answer 429 thirty times within a few seconds
    busy_patience: float = 30.0
    max_wait: float = 120.0        # a Retry-After longer than this ends the run as "busy"
    stall: float = http.STALL_S    # no progress on a request for this long: "the link stalled"
    sleep: Callable[[float], None] = time.sleep


@dataclass
class Progress:
    phase: str                     # "text" | "photos"
    records_done: int
    records_total: int
    bytes_sent: int
    blobs_done: int = 0
    blobs_total: int = 0


@dataclass
class RunReport:
    """What a run did; ``counts`` are of this run, ``pending`` what is left after it."""

    run_id: str
    outcome: Outcome
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(protocol.STATUSES, 0))
    pending: int = 0
    quarantined: int = 0
    bytes_up: int = 0
    bytes_down: int = 0
    batches: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, int] = field(default_factory=lambda: {"uploaded": 0, "missing": 0, "pending": 0})
    detail: str = ""
    reconcile: dict[str, Any] = field(default_factory=dict)   # reconcile.run's counts
    catalog: dict[str, int] = field(default_factory=dict)     # catalog_pull.apply_catalog's

    @property
    def sent(self) -> int:
        return self.counts["accepted"] + self.counts["duplicate"]

    def as_json(self) -> dict[str, Any]:
        return {"outcome": str(self.outcome), "sent": self.sent, **self.counts,
                "catalog_pulled": self.catalog.get("pulled", 0),
                "catalog_added": self.catalog.get("added", 0),
                "reconciled": self.reconcile.get("checked", 0),
                "reconcile_marked_sent": self.reconcile.get("marked_sent", 0),
                "reconcile_resend": self.reconcile.get("resend", 0),
                "reconcile_renumbered": self.reconcile.get("renumbered", 0),
                "pending": self.pending, "quarantined": self.quarantined,
                "bytes": self.bytes_up, "bytes_down": self.bytes_down,
                "photos_uploaded": self.blobs["uploaded"], "photos_missing": self.blobs["missing"],
                "photos_pending": self.blobs["pending"], "batches": len(self.batches),
                "run_id": self.run_id, "detail": self.detail}


# -- plain words for what the central platform answered ------------------------------------------
# The history shows these instead of HTTP statuses and wire codes (issue 10): a field officer reads
# what happened and what to do; the codes stay in the log and the run's stored detail.

_REASONS: dict[str, tuple[str, str]] = {
    "accepted": ("ระบบกลางรับแล้ว", "Received by the central platform"),
    "duplicate": ("ระบบกลางมีอยู่แล้ว (ไม่นับซ้ำ)", "Already on the central platform (not counted twice)"),
    "seq_taken": ("ลำดับรายการชนกับรายการอื่นจากเครื่องนี้ จะจัดลำดับใหม่และส่งอีกครั้ง",
                  "Its number clashed with another record from this laptop; it will be renumbered and sent again"),
    "id_taken": ("มีรายการอื่นใช้รหัสเดียวกันอยู่แล้วที่ระบบกลาง", "Another record already uses the same id "
                 "on the central platform"),
    "hash_differs": ("ระบบกลางมีรายการนี้ในฉบับที่ต่างกัน", "The central platform holds a different version "
                     "of this record"),
    "hash_mismatch": ("ข้อมูลเสียหายระหว่างทาง", "The record was damaged on the way"),
    "malformed": ("รูปแบบข้อมูลไม่ถูกต้อง", "The record is not in a form the central platform reads"),
    "too_large": ("ข้อมูลใหญ่เกินกว่าที่ระบบกลางรับได้", "Too large for the central platform"),
    "blob_too_large": ("ไฟล์รูปภาพใหญ่เกินกว่าที่ระบบกลางรับได้", "The photo file is too large for the central platform"),
    "too_many_records": ("ชุดข้อมูลใหญ่เกินไป จะแบ่งส่งเป็นชุดเล็กลง", "Too many records at once; they go in "
                         "smaller batches"),
    "split": ("ชุดข้อมูลใหญ่เกินไป แบ่งส่งเป็นชุดเล็กลงแล้ว", "Too large at once; sent again in smaller batches"),
    "busy": ("ระบบกลางมีงานมาก จะลองส่งใหม่ภายหลัง", "The central platform was busy; it will be tried again"),
    "unknown_origin": ("ระบบกลางไม่รู้จักเครื่องที่สร้างข้อมูลนี้", "The central platform does not know the laptop "
                       "that made this record"),
    "origin_revoked": ("เครื่องที่สร้างข้อมูลนี้ถูกยกเลิกสิทธิ์ที่ระบบกลาง", "The laptop that made this record "
                       "was revoked on the central platform"),
    "voucher_revoked": ("เครื่องของผู้ดูแลที่รับรองเครื่องต้นทางถูกยกเลิกสิทธิ์ที่ระบบกลาง", "The supervisor laptop "
                        "that vouched for the laptop of origin was revoked on the central platform"),
    "voucher_unknown": ("ระบบกลางไม่รู้จักเครื่องของผู้ดูแลที่รับรองเครื่องต้นทาง ต้องลงทะเบียนเครื่องนี้ก่อน",
                        "The central platform does not know the supervisor laptop that vouched for the "
                        "laptop of origin; enroll this laptop first"),
    "bad_vouch": ("การรับรองเครื่องต้นทางอ่านไม่ได้หรือทำไว้สำหรับระบบกลางอื่น", "The vouch for the laptop of "
                  "origin is unreadable or was made for another platform"),
    "bad_vouch_signature": ("ลายมือชื่อรับรองเครื่องต้นทางไม่ถูกต้อง", "The signature on the vouch for the laptop "
                            "of origin does not verify"),
    "vouch_expired": ("การรับรองเครื่องต้นทางเก่าเกิน 30 วัน ให้ตรวจวันที่และเวลาของเครื่องของผู้ดูแล "
                      "แล้วนำเข้าชุดข้อมูลเดิมอีกครั้งและส่งใหม่", "The vouch for the laptop of origin is "
                      "older than 30 days; check the supervisor laptop's date and time, then import the "
                      "bundle again and sync"),
    "vouch_before_release": ("การรับรองเครื่องต้นทางทำไว้ก่อนที่ผู้ดูแลระบบกลางจะปลดรหัสเครื่อง ให้ตรวจวันที่และ"
                             "เวลาของเครื่องของผู้ดูแล แล้วนำเข้าชุดข้อมูลเดิมอีกครั้งและส่งใหม่",
                             "The vouch for the laptop of origin was made before the platform's "
                             "administrator released the laptop's id; check the supervisor laptop's date "
                             "and time, then import the bundle again and sync"),
    "device_key_mismatch": ("รหัสเครื่องต้นทางลงทะเบียนไว้กับกุญแจอื่นแล้ว ให้ผู้ดูแลระบบกลางตรวจสอบ",
                            "The laptop of origin's id is registered with another key; ask the platform's "
                            "administrator to check it"),
    "not_your_device": ("ข้อมูลนี้เป็นของเครื่องอื่น", "This record belongs to another laptop"),
    "key_mismatch": ("ลายมือชื่อของเครื่องไม่ตรงกับที่ระบบกลางรู้จัก", "The laptop's signature does not match "
                     "what the central platform knows"),
    "bad_signature": ("ลายมือชื่อของเครื่องไม่ตรงกับที่ระบบกลางรู้จัก", "The laptop's signature does not match "
                      "what the central platform knows"),
    "reenroll": ("ระบบกลางไม่ยอมรับเครื่องนี้แล้ว ต้องลงทะเบียนใหม่", "The central platform no longer accepts "
                 "this laptop; enroll again"),
    "reconcile": ("ตรวจทานกับระบบกลางแล้ว", "Checked against the central platform"),
}

#: HTTP statuses, for an answer that carried no code of its own.
_STATUS_REASONS: dict[int, str] = {401: "reenroll", 403: "reenroll", 409: "seq_taken", 413: "too_large",
                                   429: "busy", 503: "busy"}

_UNKNOWN = ("ระบบกลางไม่รับ (รายละเอียดอยู่ในไฟล์บันทึก)", "Refused by the central platform "
            "(details are in the log)")


def reason_text(reason: str, lang: str = "th") -> str:
    """Plain words for a stored reason such as ``"seq_taken: seq 4 is taken"``, ``"http_413: …"``
    or ``"reconcile: …"``; never an HTTP status or a wire code."""
    code = (reason or "").split(":", 1)[0].strip()
    if code.startswith("http_") and code[5:].isdigit():
        code = _STATUS_REASONS.get(int(code[5:]), "")
    elif code.isdigit():
        code = _STATUS_REASONS.get(int(code), "")
    th, en = _REASONS.get(code, _UNKNOWN)
    return th if lang == "th" else en


def batch_text(entry: dict[str, Any], lang: str = "th") -> str:
    """One batch of a run's stored detail (``RunReport.batches``) in plain words: how many records
    each answer covered, or why the whole batch was refused."""
    counts = entry.get("counts") or {}
    parts = [f"{reason_text(k, lang)} {v}" for k, v in counts.items() if v]
    if parts:
        return " · ".join(parts)
    if entry.get("split"):
        return reason_text("split", lang)
    error = entry.get("error")
    if error:
        return reason_text(str(error), lang)
    status = entry.get("status")
    if isinstance(status, int) and status in _STATUS_REASONS:
        return reason_text(_STATUS_REASONS[status], lang)
    return reason_text("", lang)


def size_text(n: int, lang: str = "th") -> str:
    """A byte count as a reader says it (kB / MB)."""
    if n >= 100_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{max(1, round(n / 1000)) if n else 0} kB"
