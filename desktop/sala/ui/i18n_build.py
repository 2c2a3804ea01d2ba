"""Build Qt translations: ``i18n/*.ts`` (committed sources) → ``.qm`` (built, not committed).

``python -m sala.ui.i18n_build`` compiles; ``--update`` first refreshes the .ts files from the
``tr()`` calls in ``sala/ui`` with pyside6-lupdate, keeping existing translations.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sala.paths import i18n_dir

LANGS = ("th", "en")
UI_DIR = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    import shutil

    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def ts_path(lang: str) -> Path:
    return i18n_dir() / f"sala_{lang}.ts"


def qm_path(lang: str) -> Path:
    return i18n_dir() / f"sala_{lang}.qm"


def update_sources() -> None:
    import subprocess

    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    for lang in LANGS:
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts_path(lang)), "-no-obsolete",
                        "-source-language", "en", "-target-language", lang], check=True, capture_output=True)


def build(force: bool = False) -> list[Path]:
    """Compile each .ts whose .qm is missing or older; returns the .qm files written."""
    written = []
    for lang in LANGS:
        ts, qm = ts_path(lang), qm_path(lang)
        if not ts.exists():
            continue
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            import subprocess  # only when building: the app's start checks dates and moves on

            from sala.files import atomic_path

            # Compiled beside it, then renamed over it: a running Sala (another window, the kiosk)
            # has the old .qm mapped in memory, and rewriting that file in place crashed it.
            with atomic_path(qm) as tmp:
                subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(tmp)], check=True)
            written.append(qm)
    return written


PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"
"""The pseudo-locale's markers: a text on screen without them was never translated."""


def pseudo_text(source: str) -> str:
    """``source`` marked, a third longer and taller (Thai needs room above and below the line):
    clipped text and hard-coded strings both show (see tests/ui/test_i18n_coverage.py)."""
    return f"{PSEUDO_OPEN}{source}{' ญู้' * max(1, len(source) // 9)}{PSEUDO_CLOSE}"


def build_pseudo(out_dir: Path) -> Path:
    """Compile a pseudo-locale from ``sala_en.ts`` into ``out_dir/sala_pseudo.qm``; returns it."""
    import subprocess
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts_path("en"))
    for msg in tree.iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            continue
        tr.attrib.pop("type", None)
        forms = tr.findall("numerusform")
        if msg.get("numerus") == "yes" and not forms:
            forms = [ET.SubElement(tr, "numerusform") for _ in range(2)]
        if forms:
            for form in forms:
                form.text = pseudo_text(src)
        else:
            tr.text = pseudo_text(src)
    out_dir.mkdir(parents=True, exist_ok=True)
    ts, qm = out_dir / "sala_pseudo.ts", out_dir / "sala_pseudo.qm"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def fill(lang: str, pairs: dict[str, str]) -> int:
    """Set translations in ``sala_<lang>.ts`` for matching source texts not yet translated; returns how many."""
    import xml.etree.ElementTree as ET

    tree = ET.parse(ts_path(lang))
    n = 0
    for msg in tree.iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if src in pairs and tr is not None and tr.get("type") == "unfinished":  # never overwrite a translation
            if msg.find("numerusform") is not None or tr.find("numerusform") is not None:
                for form in tr.findall("numerusform"):
                    form.text = pairs[src]
            else:
                tr.text = pairs[src]
            tr.attrib.pop("type", None)
            n += 1
    tree.write(ts_path(lang), encoding="utf-8", xml_declaration=True)
    return n


def untranslated(lang: str) -> list[str]:
    import xml.etree.ElementTree as ET

    out = []
    for msg in ET.parse(ts_path(lang)).iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") == "unfinished":
            out.append(msg.findtext("source") or "")
    return out


def unfinished_plurals(lang: str) -> list[str]:
    """Messages counted with ``%n`` whose forms in ``lang`` are not all written, or still say "(s)".

    Left unfinished, Qt shows the source itself: "1 phone(s) joined" on an English screen, even
    though English needs no other translation (its sources are English).
    """
    import xml.etree.ElementTree as ET

    out = []
    for msg in ET.parse(ts_path(lang)).iter("message"):
        if msg.get("numerus") != "yes":
            continue
        tr = msg.find("translation")
        forms = [] if tr is None else [f.text or "" for f in tr.findall("numerusform")]
        if (tr is None or tr.get("type") == "unfinished" or not forms
                or any(not f.strip() or "(s)" in f for f in forms)):
            out.append(msg.findtext("source") or "")
    return out


if __name__ == "__main__":
    # --fill FILE: lines "English source<TAB>Thai" fill sala_th.ts (use \n for newlines).
    if "--update" in sys.argv:
        update_sources()
    if "--fill" in sys.argv:
        src = Path(sys.argv[sys.argv.index("--fill") + 1])
        pairs = {}
        for line in src.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                en, th = line.split("\t", 1)
                pairs[en.replace("\\n", "\n")] = th.replace("\\n", "\n")
        print(f"filled {fill('th', pairs)} Thai translations")
    if "--pseudo" in sys.argv:  # --pseudo DIR: the pseudo-locale, for looking at every window stretched
        print(f"built {build_pseudo(Path(sys.argv[sys.argv.index('--pseudo') + 1]))}")
    if "--missing" in sys.argv:
        for text in untranslated("th"):
            print(text)
        for lang in LANGS:
            for text in unfinished_plurals(lang):
                print(f"{lang} plural forms: {text}")
    for path in build(force="--force" in sys.argv):
        print(f"built {path}")
