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

import errno
import hashlib
import logging
import os
import stat
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
NOTICE = Setting("deployment.notice", dict)
"""What became of the file beside the app at start, for the window to say once (:func:`take_notice`):
``{"kind": "adopted" | "refused", "key", "shown", ...}``."""
# The report and session preferences (services/preferences.py reads them under these keys).
_AGENCY, _UNIT, _PROVINCE = "report.agency", "report.unit", "session.default_province"
NAME_MAX = 200
"""The longest agency or unit name, as the settings screen allows (services/preferences.NAME_MAX)."""

_WHY: dict[str, tuple[str, str]] = {
    "unreadable": ("อ่านไฟล์ไม่ได้", "the file cannot be read"),
    "missing": ("ไม่พบไฟล์นี้", "there is no such file"),
    "not_a_file": ("นี่ไม่ใช่ไฟล์ (อาจเป็นโฟลเดอร์หรืออุปกรณ์)", "it is not a file (a folder or a device)"),
    "symlink": ("ไฟล์ข้างโปรแกรมเป็นลิงก์ไปยังที่อื่น ต้องวางไฟล์จริงไว้ข้างโปรแกรม",
                "the file beside the app is a link to somewhere else; put the file itself there"),
    "altered": ("ไฟล์ถูกแก้ไขหลังจากระบบกลางลงนาม (ไม่ตรงกับที่ระบบกลางเขียนทุกไบต์)",
                "it was changed after the platform signed it (not byte for byte what the platform wrote)"),
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


def read(path: Path, *, follow_links: bool = True) -> wire.Deployment:
    """The checked deployment in ``path``, else :class:`DeploymentRefusedError`.

    Only a regular file is read, and at most one byte more than a deployment file may hold: a
    folder, a device or a pipe (which would block ``open`` for ever) is refused. ``follow_links``
    False refuses a symbolic link (the file beside the app: it must be in the app's folder, with
    that folder's protection, not somewhere a link points to)."""
    raw = _read_bounded(path, follow_links)
    try:
        return wire.parse(raw, now())
    except wire.DeploymentInvalidError as exc:
        raise DeploymentRefusedError(exc.code, str(exc)) from None


def _read_bounded(path: Path, follow_links: bool) -> bytes:
    if not follow_links and path.is_symlink():
        raise DeploymentRefusedError("symlink", str(path))
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)  # a link put there after the check above
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DeploymentRefusedError("missing", str(path)) from None
    except OSError as exc:
        code = "symlink" if exc.errno == errno.ELOOP and not follow_links else "unreadable"
        raise DeploymentRefusedError(code, str(exc)) from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise DeploymentRefusedError("not_a_file", str(path))
    with os.fdopen(fd, "rb") as f:
        try:
            return f.read(wire.MAX_BYTES + 1)
        except OSError as exc:
            raise DeploymentRefusedError("unreadable", str(exc)) from None


def fingerprint(dep: wire.Deployment) -> str:
    return hashlib.sha256(canonical_json(dep.body())).hexdigest()


def adopt(db: Database, dep: wire.Deployment, *, allow_http: bool = False) -> dict[str, Any]:
    """Trust ``dep``'s platform (pinned), seal waiting contacts to it, set the report header
    and default province. Returns what was set (and how many contacts were sealed)."""
    try:
        province = validation.province(dep.province)
    except ValidationError:
        raise DeploymentRefusedError("malformed", "unknown province") from None
    agency, unit = _header_line(dep.agency), _header_line(dep.unit)
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
        settings.put(s, _AGENCY, agency or None)
        settings.put(s, _UNIT, unit or None)
        settings.put(s, _PROVINCE, province.code if province else None)
        ADOPTED.put(s, {"sha256": fingerprint(dep), "body": dep.body()})
    return {"server_id": dep.server_id, "url": url, "name": dep.name, "agency": agency,
            "unit": unit, "province": province.code if province else "",
            "expires_at": dep.expires_at, "sealed_contacts": sealed}


def _header_line(text: str) -> str:
    """An agency's or unit's name as the settings screen would store it (one clean line of at
    most :data:`NAME_MAX` characters), else the file is refused: it is printed on every report."""
    clean = validation.clean_text(text)
    if len(clean) > NAME_MAX or "\n" in clean or "\r" in clean:
        raise DeploymentRefusedError("malformed", "the agency or unit is not one line of at most "
                                                  f"{NAME_MAX} characters")
    return clean


def app_dir() -> Path:
    """Where the installed app lives: the frozen executable's folder, else the launcher's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def adopt_beside_app(db: Database, folder: Path | None = None) -> dict[str, Any] | None:
    """At start: adopt ``sala-deployment.json`` beside the app if it is there and new. A bad
    file is logged (Thai and English) and changes nothing; the app starts all the same, and the
    window says once what happened (:data:`NOTICE`), so the office learns its file was not used."""
    path = (folder or app_dir()) / wire.FILE_NAME
    if not os.path.lexists(path):
        return None
    try:
        dep = read(path, follow_links=False)
        with db.read() as s:
            done = ADOPTED.get(s)
        if isinstance(done, dict) and done.get("sha256") == fingerprint(dep):
            return None
        info = adopt(db, dep)
    except SalaError as exc:
        log.error("deployment file %s refused:\n%s", path, exc.bilingual())
        stat_ = os.lstat(path)
        _notify(db, {"kind": "refused", "key": f"{getattr(exc, 'code', '')}:{stat_.st_size}:{stat_.st_mtime_ns}",
                     "path": str(path), "th": exc.th, "en": exc.en})
        return None
    _notify(db, {"kind": "adopted", "key": fingerprint(dep), **info})
    return info


def _notify(db: Database, notice: dict[str, Any]) -> None:
    """Keep ``notice`` for the window, unless the same one (the same file) was kept already."""
    with db.write() as s:
        old = NOTICE.get(s)
        if isinstance(old, dict) and old.get("kind") == notice["kind"] and old.get("key") == notice["key"]:
            return
        NOTICE.put(s, {**notice, "shown": False})


def take_notice(db: Database) -> dict[str, Any] | None:
    """The notice about the file beside the app not yet shown (then marked shown), else None."""
    with db.read() as s:
        notice = NOTICE.get(s)
    if not isinstance(notice, dict) or notice.get("shown"):
        return None  # every start: only a read
    with db.write() as s:
        notice = NOTICE.get(s)
        if not isinstance(notice, dict) or notice.get("shown"):
            return None
        NOTICE.put(s, {**notice, "shown": True})
    return notice
