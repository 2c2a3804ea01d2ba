"""Bounds and shape checks for a USB bundle, applied before anything in it is believed or written.

A bundle comes from a USB stick: anyone may have made it. Its cost to the importing laptop is
bounded whatever it holds:

- only a regular file is opened (``/dev/zero``, a FIFO or a directory is "damaged"), of at most
  :data:`MAX_BUNDLE_BYTES`, with at most :data:`MAX_MEMBERS` members;
- every member is *stored* (the exporter never compresses: batch bodies are gzip already and
  photos are JPEG), so a member's unpacked size is its size in the file — a deflated photo that
  would unpack to 400 MB is refused from the zip directory alone, before a byte is read;
- each member has a cap by kind (:data:`MAX_INDEX_BYTES`, :data:`MAX_BATCH_BYTES`,
  :data:`MAX_PHOTO_BYTES`); a batch body is decompressed only up to
  :data:`MAX_BATCH_UNCOMPRESSED` and refused when it holds more JSON values than its records
  could need (a gzip bomb of ``[{},{},…]`` is never parsed);
- ``index.json`` is parsed with bounded nesting and integer length and then checked field by
  field (:func:`check_index`), so ``[]``, deep nesting or ``"first_seq": "abc"`` are "damaged";
- names from the bundle are shown only through :func:`printable` (no terminal escape codes).
"""

from __future__ import annotations

import json
import re
import stat
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from sala.wire import protocol

MAX_BUNDLE_BYTES = 8 << 30          # far above a month of one laptop's sessions and photos
MAX_MEMBERS = 200_000
MAX_INDEX_BYTES = 16 << 20
MAX_BATCH_BYTES = 32 << 20          # a gzip batch body
MAX_BATCH_UNCOMPRESSED = 64 << 20
MAX_BATCH_RECORDS = 50_000
MAX_PHOTO_BYTES = 64 << 20
VALUES_PER_RECORD = 200             # as the service counts them (central/bodies.py)
MIN_VALUES = 100_000
MAX_INT_DIGITS = 20
MAX_NAME_CHARS = 120
READ_STEP = 1 << 20

SHA_RE = re.compile(r"^[0-9a-f]{64}\Z")


class DamagedError(Exception):
    """The bundle breaks a bound or a shape rule; ``detail`` says which (never quoting input)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def printable(text: Any, limit: int = MAX_NAME_CHARS) -> str:
    """``text`` safe to print on a terminal or show in a label: control and format characters
    (escape codes, bidi overrides) become U+FFFD, and it is cut to ``limit`` characters."""
    s = text if isinstance(text, str) else ""
    out = "".join("\ufffd" if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn")
                  and c not in "\u200b\u200c\u200d" else c for c in s[: limit])
    return out


def open_zip(path: Path) -> zipfile.ZipFile:
    """Open ``path`` as a bundle zip after checking it is a regular file of bounded size and
    every member is stored within its cap."""
    try:
        st = path.stat()
    except OSError as exc:
        raise DamagedError(f"cannot read the file: {exc.strerror}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise DamagedError("not a regular file")
    if st.st_size > MAX_BUNDLE_BYTES:
        raise DamagedError(f"larger than {MAX_BUNDLE_BYTES} bytes")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise DamagedError(f"not a readable zip ({type(exc).__name__})") from exc
    try:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise DamagedError(f"more than {MAX_MEMBERS} members")
        if len({i.filename for i in infos}) != len(infos):
            raise DamagedError("a member name appears twice")
        for info in infos:
            if info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size:
                raise DamagedError("a member is compressed (bundles are never compressed)")
            if info.file_size > _cap(info.filename):
                raise DamagedError("a member is larger than allowed")
    except BaseException:
        zf.close()
        raise
    return zf


def _cap(name: str) -> int:
    if name.startswith("batches/"):
        return MAX_BATCH_BYTES
    if name.startswith("blobs/"):
        return MAX_PHOTO_BYTES
    if name in ("index.json", "index.sig"):
        return MAX_INDEX_BYTES
    return 0                         # nothing else belongs in a bundle


def read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes (CRC checked by zipfile), within its cap."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise DamagedError("a listed member is missing") from None
    if info.file_size > _cap(name):
        raise DamagedError("a member is larger than allowed")
    with zf.open(info) as fh:
        data = fh.read(_cap(name) + 1)
    if len(data) > _cap(name):
        raise DamagedError("a member is larger than allowed")
    return data


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError("integer too long")
    return int(text)


def _constant(name: str) -> Any:
    raise ValueError("not JSON")


def loads(raw: bytes) -> Any:
    """Parse JSON within bounds (nesting, integer length, no NaN); :class:`DamagedError` otherwise."""
    try:
        return json.loads(raw.decode("utf-8"), parse_int=_int, parse_constant=_constant)
    except RecursionError:
        raise DamagedError("index nested too deeply") from None
    except (UnicodeDecodeError, ValueError):
        raise DamagedError("index is not valid JSON") from None


def _is_int(v: Any, lo: int = 0, hi: int = 1 << 62) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


def _is_str(v: Any, limit: int = 4096) -> bool:
    return isinstance(v, str) and len(v) <= limit


def check_index(index: Any) -> dict[str, Any]:
    """Every field of a parsed ``index.json`` has the type and range the exporter writes."""
    if not isinstance(index, dict):
        raise DamagedError("index is not an object")
    if index.get("format") != "sala-bundle" or index.get("version") != 1:
        raise DamagedError("not a Sala bundle of a known version")
    dev = index.get("device_id")
    if not isinstance(dev, str) or not protocol.DEVICE_ID_RE.match(dev):
        raise DamagedError("bad device id")
    if not _is_str(index.get("public_key"), 200) or not _is_str(index.get("device_name", ""), 10_000):
        raise DamagedError("bad key or device name")
    if not _is_str(index.get("created_at", ""), 64):
        raise DamagedError("bad creation time")
    batches, blobs = index.get("batches"), index.get("blobs")
    if not isinstance(batches, list) or not isinstance(blobs, list):
        raise DamagedError("batches and blobs must be lists")
    for b in batches:
        if not isinstance(b, dict):
            raise DamagedError("a batch entry is not an object")
        if not (isinstance(b.get("batch_id"), str) and protocol.UUID_RE.match(b["batch_id"])):
            raise DamagedError("a batch id is not a UUID")
        if not (_is_int(b.get("records"), 0, MAX_BATCH_RECORDS) and _is_int(b.get("first_seq"))
                and _is_int(b.get("last_seq")) and b["first_seq"] <= b["last_seq"]):
            raise DamagedError("a batch's record count or sequence numbers are not valid")
        if not _is_int(b.get("size", 0), 0, MAX_BATCH_BYTES):
            raise DamagedError("a batch size is not valid")
        if b.get("file") != f"batches/{b['batch_id']}.gz":
            raise DamagedError("a batch file name does not match its id")
        if not (_is_str(b.get("sha256"), 64) and SHA_RE.match(b["sha256"])):
            raise DamagedError("a batch hash is not valid")
        for k in ("device_id", "signature", "public_key"):
            if not _is_str(b.get(k), 200):
                raise DamagedError("a batch's signature fields are not valid")
        if b.get("seal") is not None and not _is_str(b["seal"], 200):
            raise DamagedError("a batch seal is not valid")
    for p in blobs:
        if not isinstance(p, dict) or not (_is_str(p.get("sha256"), 64) and SHA_RE.match(p["sha256"])):
            raise DamagedError("a photo entry is not valid")
        if p.get("file") != f"blobs/{p['sha256']}" or not _is_int(p.get("size"), 0, MAX_PHOTO_BYTES):
            raise DamagedError("a photo entry is not valid")
    return index


def check_batch_json(raw: bytes, records: int) -> None:
    """Refuse an uncompressed batch holding more JSON values than ``records`` records need,
    before it is parsed (the same bound the service applies)."""
    budget = max(MIN_VALUES, VALUES_PER_RECORD * records)
    if raw.count(b",") + raw.count(b"[") + raw.count(b"{") > budget:
        raise DamagedError("a batch holds more values than its records could")
