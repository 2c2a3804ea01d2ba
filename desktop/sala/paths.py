"""Where Sala finds its bundled resources and keeps the user's data. No Qt.

Every path can be pointed elsewhere (tests, portable installs): ``SALA_DATA_DIR`` for the data
folder, ``--db`` for the database, ``SALA_RESOURCES`` for the resources folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Sala"
APP_AUTHOR = "OpenGovSpace"


def blob_path(root: Path, sha256: str) -> Path:
    """Where a content-addressed file (a photo) lives under ``root``: ``<root>/<ab>/<abcd…>``,
    fanned out by the first two hex digits of its sha256. The laptop's photo store, its bundles
    and the reference service's blob store all use this layout."""
    return root / sha256[:2] / sha256


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
        base = db.resolve().parent
        return cls(base, base / "logs") if db.name == "sala.sqlite3" else _Beside(base, base / "logs", db)

    def ensure(self) -> AppPaths:
        for p in (self.data_dir, self.log_dir, self.backups, self.attachments):
            p.mkdir(parents=True, exist_ok=True)
        return self


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
