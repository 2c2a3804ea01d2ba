"""Logging to a rotating file in the user's log folder (kept light: the GUI sets it up first)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from sala.paths import PRIVATE_DIR, PRIVATE_FILE, AppPaths, tighten


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files are readable by their owner only (logs name files and people)."""

    def _open(self):  # the base class's signature
        stream = super()._open()
        tighten(Path(self.baseFilename), PRIVATE_FILE)
        return stream


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the user's log folder (1 MB × 5), owner-only.

    Returns the log file, or None when the folder cannot be written (a read-only data folder):
    the app still runs and says so once on stderr, rather than failing on its log.
    """
    log_file = paths.log_dir / "sala.log"
    root = logging.getLogger()
    root.setLevel(level)
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return log_file
    try:
        paths.log_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        tighten(paths.log_dir, PRIVATE_DIR)
        handler = _PrivateRotatingHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError as exc:
        print(f"เขียนไฟล์บันทึกใน {paths.log_dir} ไม่ได้ ({exc.strerror})\n"
              f"Cannot write the log in {paths.log_dir} ({exc.strerror})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_file
