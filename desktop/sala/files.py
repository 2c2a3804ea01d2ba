"""Files written so that a power cut leaves either the old file or the whole new one.

The one way to write a file in place: write a temporary file in the same folder (so the rename
stays on one file system), flush and fsync it, ``os.replace`` it onto the target, then fsync
the folder so the rename itself survives. Used for backups, bundles, keys and tokens, photos,
reports, and the reference service's blob store. A leaf module (nothing of Sala's is imported), so
both the laptop's layers and the central service use the same code.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def blob_path(root: Path, sha256: str) -> Path:
    """Where a content-addressed file (a photo) lives under ``root``: ``<root>/<ab>/<abcd…>``,
    fanned out by the first two hex digits of its sha256. The laptop's photo store, its bundles
    and the reference service's blob store all use this layout."""
    return root / sha256[:2] / sha256


def temp_path(target: Path) -> Path:
    """A fresh hidden name beside ``target`` for its temporary file."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: some systems cannot open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def publish(tmp: Path, target: Path) -> None:
    """Put the finished temporary file ``tmp`` in place of ``target``, durably."""
    fd = os.open(tmp, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    fsync_dir(target.parent)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write ``target``'s new content to (by any means: a zip, an
    SQLite backup); on leaving the block it is published, on an error removed."""
    tmp = temp_path(target)
    try:
        yield tmp
        publish(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(target: Path, data: bytes, *, mode: int = 0o666) -> None:
    """Write ``data`` to ``target`` atomically and durably; ``mode`` 0o600 keeps a secret
    readable by the user only from the first byte."""
    with atomic_path(target) as tmp:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            if hasattr(os, "fchmod") and mode != 0o666:
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
