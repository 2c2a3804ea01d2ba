"""Where Sala finds its bundled resources and keeps the user's data. No Qt.

Every path can be pointed elsewhere (tests, portable installs): ``SALA_DATA_DIR`` for the data
folder, ``--db`` for the database, ``SALA_RESOURCES`` for the resources folder.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Sala"
APP_AUTHOR = "OpenGovSpace"


def resources_dir() -> Path:
    """The ``resources/`` folder: next to the frozen app, or at the top of the source tree."""
    override = os.environ.get("SALA_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def font_path(style: str = "Regular") -> Path:
    """A bundled Sarabun TTF: Regular, Bold, Italic, BoldItalic, SemiBold or Light."""
    return resources_dir() / "fonts" / f"Sarabun-{style}.ttf"


def i18n_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "i18n"
    return Path(__file__).resolve().parents[2] / "i18n"


@dataclass(frozen=True)
class AppPaths:
    """The user's folders for this app; the one place that decides them."""

    data_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "sala.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    @classmethod
    def default(cls) -> AppPaths:
        override = os.environ.get("SALA_DATA_DIR")
        if override:
            base = Path(override)
            return cls(base, base / "logs")
        import platformdirs

        return cls(
            Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
            Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        )

    @classmethod
    def resolve(cls, db: Path | None) -> AppPaths:
        """``--db`` if given, else the user's data folder."""
        return cls.for_database(db) if db else cls.default()

    @classmethod
    def for_database(cls, db: Path) -> AppPaths:
        """Data lives beside an explicitly chosen database file."""
        check_database_path(db)
        base = db.resolve().parent
        return cls(base, base / "logs") if db.name == "sala.sqlite3" else _Beside(base, base / "logs", db)

    def ensure(self) -> AppPaths:
        """Check the database location, then make (or tighten) the app's folders, owner-only.

        Nothing is created for a location that cannot hold a database (``--db /dev/null``):
        :func:`check_database_path` raises a bilingual UnusableLocationError first.
        """
        check_database_path(self.database)
        mine = [self.log_dir, self.backups, self.attachments]
        if self.owns_data_dir:
            mine.insert(0, self.data_dir)
        try:
            self.data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
            for p in mine:
                p.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
                tighten(p, PRIVATE_DIR)
        except OSError as exc:
            raise _folder_error(exc.filename or self.data_dir, exc) from exc
        return self

    @property
    def owns_data_dir(self) -> bool:
        """The data folder is the app's own (not a folder the user chose to put a ``--db`` file in)."""
        return True


class UnusableLocationError(Exception):
    """A database location that cannot be used, in Thai and English (``storage`` turns it into a
    StorageError; ``paths`` sits below ``domain`` and imports nothing of the app)."""

    def __init__(self, th: str, en: str) -> None:
        super().__init__(en)
        self.th = th
        self.en = en

    def bilingual(self) -> str:
        return f"{self.th}\n{self.en}"


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
_SYSTEM_TREES = ("/dev", "/proc", "/sys")


def tighten(path: Path, mode: int) -> None:
    """Take group and other access away from ``path`` if it has any (best effort: a folder on a
    FAT stick has no modes, and a file we do not own cannot be changed)."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode & 0o077:
            path.chmod(current & mode)
    except OSError:
        pass


def _folder_error(where: object, exc: OSError) -> UnusableLocationError:
    reason = exc.strerror or str(exc)
    return UnusableLocationError(f"สร้างหรือใช้โฟลเดอร์ข้อมูล {where} ไม่ได้ ({reason}) "
                        "กรุณาเลือกโฟลเดอร์อื่นหรือตรวจสอบสิทธิ์ของโฟลเดอร์",
                        f"Cannot create or use the data folder {where} ({reason}). "
                        "Choose another folder or check its permissions.")


def check_database_path(db: Path) -> None:
    """Raise a bilingual UnusableLocationError when ``db`` cannot be a Sala database file: a device
    (``/dev/null``), a folder, a pipe, a path under /dev, /proc or /sys, or a path whose
    parent is a file. Creates nothing."""
    absolute = Path(os.path.abspath(db))
    try:
        real = absolute.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        real = absolute
    try:
        st = real.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _folder_error(real.parent, exc) from exc
    if st is not None and not stat.S_ISREG(st.st_mode):
        folder = stat.S_ISDIR(st.st_mode)
        what = ("โฟลเดอร์", "a folder") if folder else ("ไฟล์อุปกรณ์หรือไฟล์พิเศษ", "a device or special file")
        raise _not_a_database(db, *what)
    if os.name == "posix" and any(str(real) == t or str(real).startswith(t + "/") for t in _SYSTEM_TREES):
        raise _not_a_database(db, "ตำแหน่งของระบบ", "a system location")
    for parent in real.parents:
        if parent.exists():
            if not parent.is_dir():
                raise _not_a_database(db, f"เส้นทางที่มีไฟล์ {parent} อยู่แทนโฟลเดอร์",
                                      f"part of its path ({parent}) is a file")
            break


def _not_a_database(db: Path, what_th: str, what_en: str) -> UnusableLocationError:
    return UnusableLocationError(f"ใช้ {db} เป็นฐานข้อมูลไม่ได้ เพราะเป็น{what_th} ไม่ได้สร้างไฟล์ใดไว้ "
                        "กรุณาระบุไฟล์ฐานข้อมูลในโฟลเดอร์ที่เขียนได้ เช่น --db ~/sala/sala.sqlite3",
                        f"{db} cannot be used as a database: it is {what_en}. Nothing was created. "
                        "Give a database file in a writable folder, e.g. --db ~/sala/sala.sqlite3")


@dataclass(frozen=True)
class _Beside(AppPaths):
    db_file: Path = Path()

    @property
    def database(self) -> Path:
        return self.db_file

    @property
    def backups(self) -> Path:
        return self.data_dir / f"{self.db_file.stem}-backups"

    @property
    def attachments(self) -> Path:
        return self.data_dir / f"{self.db_file.stem}-attachments"

    @property
    def owns_data_dir(self) -> bool:
        return False
