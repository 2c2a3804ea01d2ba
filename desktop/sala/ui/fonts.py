"""Register the bundled Sarabun fonts so Thai renders on machines without Thai fonts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from sala.paths import resources_dir

log = logging.getLogger(__name__)
FAMILY = "Sarabun"


def register_fonts(app: QApplication, point_size: int = 11) -> str:
    """Add every bundled TTF to Qt and make Sarabun the application font; returns the family."""
    families: set[str] = set()
    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id < 0:
            log.warning("could not load font %s", ttf)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    family = FAMILY if FAMILY in families else (sorted(families)[0] if families else app.font().family())
    font = QFont(family, point_size)
    app.setFont(font)
    return family
