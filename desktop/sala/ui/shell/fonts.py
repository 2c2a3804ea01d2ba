"""Register the bundled Sarabun fonts so Thai renders on machines without Thai fonts."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from sala.paths import resources_dir

log = logging.getLogger(__name__)
FAMILY = "Sarabun"


FIRST_STYLES = ("Regular", "Bold")
"""What the first paint needs; start-up adds the other styles just after (see ``ui/startup``)."""


def register_fonts(app: QApplication, point_size: int = 11, styles: tuple[str, ...] | None = None) -> str:
    """Add the bundled TTFs (all, or just ``styles``) to Qt and make Sarabun the application
    font; returns the family."""
    families = _add(f for f in _bundled() if styles is None or _style(f) in styles)
    family = FAMILY if FAMILY in families else (sorted(families)[0] if families else app.font().family())
    if app.font().family() != family:
        app.setFont(QFont(family, point_size))
    return family


def register_other_fonts() -> None:
    """The styles :data:`FIRST_STYLES` left out (italic, light, semi-bold)."""
    _add(f for f in _bundled() if _style(f) not in FIRST_STYLES)


def _bundled() -> list[Path]:
    return sorted((resources_dir() / "fonts").glob("*.ttf"))


def _style(ttf: Path) -> str:
    return ttf.stem.split("-", 1)[-1]  # Sarabun-BoldItalic.ttf → BoldItalic


def _add(files: Iterable[Path]) -> set[str]:
    families: set[str] = set()
    for ttf in files:
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return families
