"""``sala --self-check`` from the checkout: six checks pass; a missing part is named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import ROOT, clean_env

CHECKS = ("files", "database", "Thai PDF", "Thai window", "Thai translation", "charts")


def _self_check(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = clean_env(tmp_path / "home", tmp_path / "tmp")
    env["PYTHONPATH"] = str(ROOT / "desktop")
    env.update(extra)
    return subprocess.run([sys.executable, "-m", "sala", "--self-check"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def test_self_check_passes_in_the_checkout(tmp_path: Path) -> None:
    done = _self_check(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for name in CHECKS:
        assert any(line.startswith("ok") and f"/ {name}:" in line for line in lines), (name, done.stdout)
    assert "Sarabun resolved" in done.stdout and "(offscreen)" in done.stdout
    assert "'&File' → 'แ&ฟ้ม'" in done.stdout
    assert lines[-1] == "ตรวจผ่านทั้งหมด / all 6 checks passed"
    # (PyThaiNLP makes ~/pythainlp-data when imported, as at any start; Sala's folders must not appear)
    assert not [p for p in (tmp_path / "home").rglob("*") if "sala" in p.name.lower()], "user data touched"


def test_self_check_names_what_is_missing(tmp_path: Path) -> None:
    empty = tmp_path / "no-resources"
    empty.mkdir()
    done = _self_check(tmp_path, SALA_RESOURCES=str(empty))  # no fonts: Thai cannot be drawn
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("FAIL") and "Thai PDF" in line and "font" in line for line in lines), done.stdout
    assert any(line.startswith("FAIL") and "Thai window" in line for line in lines), done.stdout
    assert any(line.startswith("ok") and "database" in line for line in lines), done.stdout
    assert lines[-1].endswith("3 checks failed: files, Thai PDF, Thai window"), lines[-1]


def test_a_file_only_one_feature_reads_is_named(tmp_path: Path) -> None:
    """Before, a bundle without the audience page (or the English catalogue) passed every check: only
    the phones, in the field, would find out."""
    import shutil

    resources = tmp_path / "resources"
    shutil.copytree(ROOT / "resources", resources)
    (resources / "audience" / "app.js").unlink()
    done = _self_check(tmp_path, SALA_RESOURCES=str(resources))
    assert done.returncode == 1, done.stdout + done.stderr
    (line,) = [x for x in done.stdout.splitlines() if x.startswith("FAIL")]
    assert "/ files:" in line and str(resources / "audience" / "app.js") in line, line
    assert done.stdout.splitlines()[-1].endswith("1 check failed: files")


def test_the_files_checked_are_those_the_app_opens() -> None:
    from sala.audience.server import STATIC
    from sala.reports import fonts
    from sala.self_check import AUDIENCE_PAGE, FONT_STYLES

    assert set(FONT_STYLES) == set(fonts._FACES.values())
    assert set(AUDIENCE_PAGE) == {filename for filename, _type in STATIC.values()}


def test_self_check_module_imports_no_qt() -> None:
    code = "import sys, sala.self_check; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT / "desktop"), "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "False"
