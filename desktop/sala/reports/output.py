"""Writing a report or export file so a failure leaves nothing half-written under its name.

A PDF of a period report or an export of 250,000 rows takes seconds; the user must learn about a
read-only folder *before* that, and a full disk must not leave a truncated file that looks like
a finished one. So: check the folder first, write beside the target under a temporary name, then
publish it as every file is (:mod:`sala.files`: fsync, rename, fsync the folder). Device
files (``/dev/stdout``) are written directly.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sala.domain.errors import SalaError
from sala.files import publish, temp_path
from sala.paths import PRIVATE_FILE


class OutputError(SalaError):
    """The report or export could not be written where the user asked."""


def output_error(target: Path, exc: OSError) -> OutputError:
    """A Thai+English message for an OS error while writing ``target``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError(f"พื้นที่ดิสก์เต็ม บันทึกไฟล์ {target} ไม่สำเร็จ ลบไฟล์ที่ไม่ใช้หรือเลือกที่เก็บอื่นแล้วลองใหม่",
                           f"The disk is full; {target} was not written. Free some space or choose another place.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"ไม่มีสิทธิ์เขียนไฟล์ {target} เลือกโฟลเดอร์อื่น",
                           f"No permission to write {target}; choose another folder.")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return OutputError(f"ไม่พบโฟลเดอร์ของไฟล์ {target} เลือกโฟลเดอร์ที่มีอยู่",
                           f"The folder for {target} does not exist; choose an existing folder.")
    if exc.errno == errno.EISDIR:
        return OutputError(f"{target} เป็นโฟลเดอร์ ต้องระบุชื่อไฟล์",
                           f"{target} is a folder; give a file name.")
    return OutputError(f"บันทึกไฟล์ {target} ไม่สำเร็จ ({exc.strerror or exc})",
                       f"Could not write {target} ({exc.strerror or exc}).")


def check_writable(target: Path) -> None:
    """Fail fast (before minutes of work) when ``target`` cannot possibly be written."""
    target = Path(target)
    if target.is_dir():
        raise output_error(target, OSError(errno.EISDIR, "is a directory"))
    if target.exists() and not target.is_file():
        return  # a device such as /dev/null or /dev/stdout: try it
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise output_error(target, OSError(errno.ENOENT, "no such folder"))
    if not os.access(folder, os.W_OK | os.X_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise output_error(target, OSError(errno.EACCES, "permission denied"))


@contextmanager
def atomic_output(target: Path | str) -> Iterator[Path]:
    """Yield a path to write; on success it becomes ``target``, on any error it disappears."""
    target = Path(target)
    check_writable(target)
    if target.exists() and not target.is_file():
        try:
            yield target
        except OSError as exc:
            raise output_error(target, exc) from exc
        return
    try:
        tmp = temp_path(target)
        # Owner-only from the first byte (issue 12): an export or a summary may hold what
        # participants said, and with personal data included, who they are.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    except OSError as exc:
        raise output_error(target, exc) from exc
    try:
        yield tmp
        publish(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise output_error(target, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
