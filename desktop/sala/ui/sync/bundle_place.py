"""Where a USB bundle is offered to be written: on the flash drive, named so a supervisor who
collects from several laptops can tell them apart.

Before, the save dialog opened in whatever folder the app was started from, on "sala-bundle.sala":
three laptops' bundles overwrote each other on the supervisor's drive. Now the first mounted
removable drive (else the Documents folder) and "Sala <laptop> 1 ธ.ค. 2569 10.45.sala".
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from sala.domain.clock import now, to_local
from sala.domain.thaidate import format_date
from sala.reports.filenames import safe_file_name
from sala.storage.database import Database
from sala.storage.models import Device


def removable_folders() -> list[Path]:
    """Mounted removable drives: drive letters Windows calls removable; on Linux what the desktop
    mounts under /media/<user> or /run/media/<user>."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes
        import string

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        return [Path(f"{d}:\\") for d in string.ascii_uppercase if kernel.GetDriveTypeW(f"{d}:\\") == 2]
    user = getpass.getuser()
    found: list[Path] = []
    for base in (Path("/media") / user, Path("/run/media") / user):
        try:
            found += sorted(p for p in base.iterdir() if os.path.ismount(p) and os.access(p, os.W_OK))
        except OSError:
            continue
    return found


def bundle_file_name(db: Database, lang: str) -> str:
    with db.read() as s:
        dev = s.get(Device, db.device_id)
        laptop = (dev.name if dev is not None else "") or db.device_id[:8]
    when = to_local(now())
    return safe_file_name(f"Sala {laptop} {format_date(when, lang, abbr=True)} {when:%H.%M}", ".sala")


def _first_drive_or(folder: str) -> Path:
    """The first mounted removable drive, else ``~/<folder>`` when it exists, else the home folder."""
    drives = removable_folders()
    if drives:
        return drives[0]
    home = Path.home()
    return home / folder if (home / folder).is_dir() else home


def default_bundle_path(db: Database, lang: str) -> Path:
    return _first_drive_or("Documents") / bundle_file_name(db, lang)


def default_open_folder() -> Path:
    """Where the dialogs that open a file the user was handed (a USB bundle, a deployment file)
    start: the first mounted removable drive, else Downloads, else the home folder; never the
    folder the app was started from (the install folder, on a field laptop)."""
    return _first_drive_or("Downloads")
