"""Adopting a deployment file: the laptop trusts its platform before it ever meets a link.

``sala setup FILE`` (or the file beside the installed app, looked up at start) hands the file
here. It is checked (``wire/deployment.py``: size, shape, the platform's signature, expiry) and
then, in one local transaction: the platform's id and signing key are pinned (the sync
handshake will accept no other server), its address becomes the sync address, its sealing key
is the one personal data is sealed to (contacts of finalized sessions waiting for a key are
sealed now), and the agency, unit and default province are set. A laptop that already trusts
another platform refuses the file; nothing is written when anything is refused.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path
from typing import Any

from sala.domain import validation
from sala.domain.clock import now
from sala.domain.errors import SalaError, ValidationError
from sala.storage import settings
from sala.storage.database import Database
from sala.storage.settings import Setting
from sala.sync import identity, outbox
from sala.wire import deployment as wire
from sala.wire.protocol import canonical_json

log = logging.getLogger(__name__)

ADOPTED = Setting("deployment.adopted", dict)   # the file's body and its sha256
# The report and session preferences (services/preferences.py reads them under these keys).
_AGENCY, _UNIT, _PROVINCE = "report.agency", "report.unit", "session.default_province"

_WHY: dict[str, tuple[str, str]] = {
    "unreadable": ("อ่านไฟล์ไม่ได้", "the file cannot be read"),
    "too_large": ("ไฟล์ใหญ่เกินกว่าจะเป็นไฟล์ตั้งค่า", "the file is too large to be a deployment file"),
    "not_json": ("ไฟล์ไม่ใช่ไฟล์ตั้งค่าของ Sala", "the file is not a Sala deployment file"),
    "malformed": ("เนื้อหาในไฟล์ไม่ครบหรือผิดรูปแบบ", "its content is incomplete or malformed"),
    "unsigned": ("ไฟล์ไม่มีลายมือชื่อของระบบกลาง", "it carries no signature of the platform"),
    "bad_signature": ("ลายมือชื่อไม่ตรงกับเนื้อหา (ไฟล์ถูกแก้ไขหรือเสียหาย)",
                      "its signature does not match its content (altered or damaged)"),
    "expired": ("ไฟล์หมดอายุแล้ว", "it has expired"),
    "other_platform": ("เครื่องนี้เชื่อถือระบบกลางอื่นอยู่แล้ว",
                       "this laptop already trusts another central platform"),
}


class DeploymentRefusedError(SalaError):
    """A deployment file this laptop will not use; nothing was changed."""

    exit_code = 2

    def __init__(self, code: str, detail: str = "") -> None:
        th, en = _WHY.get(code, _WHY["malformed"])
        super().__init__(f"ไม่ได้ใช้ไฟล์ตั้งค่าระบบกลาง: {th} ไม่มีการเปลี่ยนแปลงใด ๆ "
                         "โปรดขอไฟล์ที่ถูกต้องจากผู้ดูแลระบบ",
                         f"The deployment file was not used: {en}. Nothing was changed; ask "
                         "your administrator for a good file.")
        self.code = code
        self.detail = detail


def read(path: Path) -> wire.Deployment:
    """The checked deployment in ``path``, else :class:`DeploymentRefusedError`."""
    try:
        with open(path, "rb") as f:
            raw = f.read(wire.MAX_BYTES + 1)
    except OSError as exc:
        raise DeploymentRefusedError("unreadable", str(exc)) from None
    try:
        return wire.parse(raw, now())
    except wire.DeploymentInvalidError as exc:
        raise DeploymentRefusedError(exc.code, str(exc)) from None


def fingerprint(dep: wire.Deployment) -> str:
    return hashlib.sha256(canonical_json(dep.body())).hexdigest()


def adopt(db: Database, dep: wire.Deployment, *, allow_http: bool = False) -> dict[str, Any]:
    """Trust ``dep``'s platform (pinned), seal waiting contacts to it, set the report header
    and default province. Returns what was set (and how many contacts were sealed)."""
    try:
        province = validation.province(dep.province)
    except ValidationError:
        raise DeploymentRefusedError("malformed", "unknown province") from None
    with db.read() as s:
        allow_http = allow_http or bool(identity.ALLOW_HTTP.get(s))
    url = identity.check_url(dep.url, allow_http)
    with db.write() as s:
        pin = identity.pinned(s)
        if pin is not None and pin.signing_key != dep.signing_key:
            raise DeploymentRefusedError("other_platform",
                                    f"pinned {pin.server_id}, file names {dep.server_id}")
        if pin is None and (identity.SERVER_ID.get(s) or dep.server_id) != dep.server_id:
            raise DeploymentRefusedError("other_platform", "enrolled with another server id")
        old_url = identity.URL.get(s)
        if old_url and old_url != url:
            log.info("deployment file moves the sync address from %s to %s", old_url, url)
        identity.URL.put(s, url)
        identity.pin(s, identity.Pin(dep.server_id, dep.signing_key, "deployment"))
        if allow_http:
            identity.ALLOW_HTTP.put(s, True)
        outbox.SEALING_KEY.put(s, dep.sealing_key)
        sealed = outbox.seal_pending_contacts(s)
        settings.put(s, _AGENCY, dep.agency.strip() or None)
        settings.put(s, _UNIT, dep.unit.strip() or None)
        settings.put(s, _PROVINCE, province.code if province else None)
        ADOPTED.put(s, {"sha256": fingerprint(dep), "body": dep.body()})
    return {"server_id": dep.server_id, "url": url, "name": dep.name, "agency": dep.agency,
            "unit": dep.unit, "province": province.code if province else "",
            "expires_at": dep.expires_at, "sealed_contacts": sealed}


def app_dir() -> Path:
    """Where the installed app lives: the frozen executable's folder, else the launcher's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def adopt_beside_app(db: Database, folder: Path | None = None) -> dict[str, Any] | None:
    """At start: adopt ``sala-deployment.json`` beside the app if it is there and new. A bad
    file is logged (Thai and English) and changes nothing; the app starts all the same."""
    path = (folder or app_dir()) / wire.FILE_NAME
    if not path.is_file():
        return None
    try:
        dep = read(path)
        with db.read() as s:
            done = ADOPTED.get(s)
        if isinstance(done, dict) and done.get("sha256") == fingerprint(dep):
            return None
        return adopt(db, dep)
    except SalaError as exc:
        log.error("deployment file %s refused:\n%s", path, exc.bilingual())
        return None
