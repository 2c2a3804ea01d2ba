"""``sala --self-check``: is this installation whole? Run from an installed (frozen) app or a checkout.

Each check prints one line, ``ok``/``FAIL``/``skip``, its name in Thai and English and what it
found; the exit status is 0 when nothing failed, else 1 (the failed checks are named last).

- files: every file the app reads at run time from its resources and translations is there (the
  fonts, the window icon, the audience page phones load, both compiled translations);
- database: a temporary database is created and brought to the newest revision with the
  migrations that ship with the app;
- PDF: a Thai paragraph is typeset with the report code and read back from the file itself (the
  ``/ActualText`` spans the report code writes around shaped Thai, decoded here without reportlab);
- window, translation: Qt's part (``sala.ui.shell.self_check``), run offscreen, so the check works
  on a machine with no display.

This module imports no Qt; the Qt part is imported only when its checks run.
"""

from __future__ import annotations

import base64
import os
import re
import sys
import tempfile
import traceback
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sala.domain.counts import count_en

SAMPLE_TH = "ศาลาประชาคมรับฟังความคิดเห็นเรื่องฝุ่นละอองขนาดเล็ก"
"""Thai with marks above and below the line (ุ ่ ็ ิ ั), the text every Thai check renders."""


@dataclass(frozen=True)
class Check:
    """One line of the report."""

    name_th: str
    name_en: str
    status: str  # "ok", "FAIL" or "skip"
    detail: str

    @property
    def failed(self) -> bool:
        return self.status == "FAIL"

    def line(self) -> str:
        return f"{self.status:<4}  {self.name_th} / {self.name_en}: {self.detail}"


FONT_STYLES = ("Regular", "Bold", "Italic", "BoldItalic", "SemiBold", "Light")
"""The Sarabun faces reports register (``sala.reports.fonts``); the window uses the same files."""
AUDIENCE_PAGE = ("index.html", "app.js", "app.css")
"""The page phones load in audience mode (``sala.audience.server.STATIC``)."""


def check_files() -> Check:
    """Every resource the app opens by name is in place (a bundle built without one, a file removed)."""
    from sala.paths import font_path, i18n_dir, resources_dir

    res = resources_dir()
    needed = [font_path(style) for style in FONT_STYLES] + [res / "fonts" / "OFL.txt",
                                                              res / "icons" / "sala-256.png"]
    needed += [res / "audience" / name for name in AUDIENCE_PAGE]
    needed += [i18n_dir() / f"sala_{lang}.qm" for lang in ("th", "en")]
    missing = [p for p in needed if not p.is_file()]
    if missing:
        return Check("ไฟล์ของโปรแกรม", "files", "FAIL", "missing " + ", ".join(str(p) for p in missing))
    return Check("ไฟล์ของโปรแกรม", "files", "ok", f"{len(needed)} files in {res} and {i18n_dir()}")


def check_database(folder: Path) -> Check:
    """Create a database in ``folder`` and migrate it with the bundled Alembic scripts."""
    from sala.storage import migrate
    from sala.storage.database import open_database

    versions = sorted((migrate.MIGRATIONS / "versions").glob("*.py"))
    if not versions:
        return Check("ฐานข้อมูล", "database", "FAIL", f"no migration scripts in {migrate.MIGRATIONS}")
    db, report = open_database(folder / "sala.sqlite3")
    try:
        current = migrate.current_revision(db.engine)
    finally:
        db.close()
    head = migrate.head_revision()
    if not report.created or current != head:
        return Check("ฐานข้อมูล", "database", "FAIL", f"revision {current!r}, expected {head!r}")
    return Check("ฐานข้อมูล", "database", "ok",
                 f"created and migrated to {head} ({len(versions)} revision files in {migrate.MIGRATIONS})")


def check_pdf(folder: Path) -> Check:
    """Typeset :data:`SAMPLE_TH` in Sarabun with the report code, then read it back from the file."""
    from sala.reports.thai_pdf import build_pdf, make_styles, thai_paragraph

    pdf = folder / "self-check.pdf"
    styles = make_styles("th")
    build_pdf(pdf, [thai_paragraph(SAMPLE_TH, styles.body)], title="Sala self-check", lang="th", styles=styles)
    data = pdf.read_bytes()
    if not re.search(rb"/BaseFont\s*/[A-Z]{6}\+Sarabun", data):
        return Check("PDF ภาษาไทย", "Thai PDF", "FAIL", "the Sarabun font is not embedded")
    text = "".join(actual_texts(data))
    if SAMPLE_TH not in "".join(text.split()):
        return Check("PDF ภาษาไทย", "Thai PDF", "FAIL", f"read back {text[:60]!r}, not the Thai written")
    return Check("PDF ภาษาไทย", "Thai PDF", "ok",
                 f"{len(data) // 1024} kB, Sarabun embedded, Thai read back from /ActualText")


_STREAM = re.compile(rb"<<((?:(?!>>\s*stream).)*?)>>\s*stream\r?\n", re.S)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_ACTUAL = re.compile(rb"/ActualText\s*<([0-9A-Fa-f\s]+)>")


def actual_texts(pdf: bytes) -> Iterable[str]:
    """The ``/ActualText`` strings of a PDF's streams, in order.

    Enough of PDF for the files reportlab writes: direct ``/Length``, the filters ASCII85 and
    Flate, in the order the stream's ``/Filter`` names them.
    """
    for match in _STREAM.finditer(pdf):
        head, start = match.group(1), match.end()
        length = _LENGTH.search(head)
        if length is None:
            continue
        data = pdf[start:start + int(length.group(1))]
        try:
            for name in re.findall(rb"/(ASCII85Decode|FlateDecode|A85|Fl)\b", head):
                if name in (b"ASCII85Decode", b"A85"):
                    data = base64.a85decode(b"".join(data.split()), adobe=True)
                else:
                    data = zlib.decompress(data)
        except (ValueError, zlib.error):
            continue  # a filter we do not read: it holds no text of ours
        for hexstr in _ACTUAL.findall(data):
            text = bytes.fromhex(b"".join(hexstr.split()).decode("ascii")).decode("utf-16-be")
            yield text.lstrip("\ufeff")


def _guarded(name_th: str, name_en: str, step: Callable[[], Check]) -> Check:
    """Run a check; anything it raises is that check's failure, named, not a crash of the others."""
    try:
        return step()
    except Exception as exc:  # noqa: BLE001 - the point is to report whatever is missing
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Check(name_th, name_en, "FAIL",
                     f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})")


# Loads the Qt part's ``qt_checks(guard)``; given by the caller (``sala.cli``), so this module,
# which the Qt part imports, never imports the UI itself.
QtChecksLoader = Callable[[], Callable[[Callable[..., Check]], list[Check]]]


def run_checks(load_qt: QtChecksLoader) -> list[Check]:
    """Every check, the Qt ones last (in a temporary folder removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="sala-self-check-") as tmp:
        folder = Path(tmp)
        checks = [_guarded("ไฟล์ของโปรแกรม", "files", check_files),
                  _guarded("ฐานข้อมูล", "database", lambda: check_database(folder)),
                  _guarded("PDF ภาษาไทย", "Thai PDF", lambda: check_pdf(folder))]
        # Offscreen, whatever the session has: the check must run where there is no display.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        try:
            qt_checks = load_qt()
        except Exception as exc:  # noqa: BLE001 - Qt missing or broken is a finding
            checks.append(Check("Qt", "Qt", "FAIL", f"cannot load Qt: {type(exc).__name__}: {exc}"))
        else:
            checks += qt_checks(_guarded)
    return checks


def main(load_qt: QtChecksLoader) -> int:
    checks = run_checks(load_qt)
    failed = [c for c in checks if c.failed]
    lines = [c.line() for c in checks]
    if failed:
        names = ", ".join(c.name_en for c in failed)
        lines.append(f"ตรวจไม่ผ่าน {len(failed)} รายการ / {count_en(len(failed), 'check', 'checks')} failed: {names}")
    else:
        lines.append(f"ตรวจผ่านทั้งหมด / all {len(checks)} checks passed")
    _emit("\n".join(lines))
    return 1 if failed else 0


def _emit(text: str) -> None:
    """Print; a windowed Windows build has no stdout, so there the report goes to a file too."""
    if sys.stdout is not None:
        print(text, flush=True)
        return
    out = Path(tempfile.gettempdir()) / "sala-self-check.txt"
    out.write_text(text + "\n", encoding="utf-8")
