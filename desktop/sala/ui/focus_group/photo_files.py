"""Thumbnails of photo files, decoded scaled down (run on a :class:`~sala.ui.common.tasks.FileLane`).

A big photo can take a while to decode; that must never block typing (UI thread) nor hold up a
contribution's save (the writer thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader

THUMB = 160


def load_thumbnail(path: Path, size: int = THUMB) -> QImage:
    """Decode ``path`` scaled down while reading (QImageReader never builds the full image)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image
