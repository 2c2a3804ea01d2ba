"""Every string the UI code passes to tr() has a finished Thai translation in ``i18n/sala_th.ts``.

The window walks (test_i18n_coverage) see what a window shows; a file dialog's filter, a status-bar
message or an error box built on demand is seen by no walk. Here Qt's own extractor reads the code
as ``make translations --update`` would, into a copy of the catalogue: a source it adds, or leaves
unfinished, is a string a Thai user would meet in English (before: the USB bundle and deployment
file dialogs' "Sala bundle (*.sala)", "Sala deployment (*.json)")."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from sala.ui import i18n_build


def _unfinished(ts: Path) -> list[str]:
    out = []
    for context in ET.parse(ts).iter("context"):
        for msg in context.iter("message"):
            tr = msg.find("translation")
            if tr is not None and (tr.get("type") == "unfinished" or not (tr.text or "").strip()
                                   and not tr.findall("numerusform")):
                where = msg.find("location")
                at = f" ({where.get('filename')}:{where.get('line')})" if where is not None else ""
                out.append(f"{context.findtext('name')}: {msg.findtext('source')!r}{at}")
    return out


def test_every_tr_string_in_the_ui_code_has_a_thai_translation(tmp_path: Path) -> None:
    ts = tmp_path / "sala_th.ts"
    shutil.copy(i18n_build.ts_path("th"), ts)
    sources = sorted(str(p) for p in i18n_build.UI_DIR.rglob("*.py"))
    subprocess.run([i18n_build._tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-no-obsolete",
                    "-source-language", "en", "-target-language", "th"], check=True, capture_output=True, timeout=120)
    missing = _unfinished(ts)
    assert not missing, "tr() strings with no Thai translation in i18n/sala_th.ts:\n" + "\n".join(missing)


def test_a_string_missing_from_the_catalogue_is_caught(tmp_path: Path) -> None:
    code = tmp_path / "page.py"
    code.write_text('from PySide6.QtWidgets import QWidget\n\n\nclass Page(QWidget):\n'
                    '    def f(self):\n        return self.tr("A string nobody translated")\n', encoding="utf-8")
    ts = tmp_path / "sala_th.ts"
    shutil.copy(i18n_build.ts_path("th"), ts)
    subprocess.run([i18n_build._tool("pyside6-lupdate"), str(code), "-ts", str(ts), "-source-language", "en",
                    "-target-language", "th"], check=True, capture_output=True, timeout=120)
    assert any("A string nobody translated" in m for m in _unfinished(ts))
