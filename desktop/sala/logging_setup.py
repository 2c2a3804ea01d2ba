"""Logging to a rotating file in the user's log folder (kept light: the GUI sets it up first)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from sala.paths import AppPaths


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> Path:
    """Log to a rotating file in the user's log folder (1 MB × 5)."""
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    log_file = paths.log_dir / "sala.log"
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(level)
    return log_file
