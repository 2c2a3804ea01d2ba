"""The Qt-free layers import no PySide6, checked in a clean interpreter and in the source."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = ("domain", "storage", "services", "wire", "sync", "central", "reports")
ROOT = Path(__file__).resolve().parents[2] / "desktop" / "sala"


def _modules() -> list[str]:
    names = []
    for layer in CORE:
        for path in sorted((ROOT / layer).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            rel = path.relative_to(ROOT.parent).with_suffix("")
            names.append(".".join(p for p in rel.parts if p != "__init__"))
    return names


def test_importing_every_core_module_loads_no_qt():
    code = (
        "import importlib, sys\n"
        f"for name in {_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_core_source_mentions_qt_imports():
    offenders = []
    for layer in CORE:
        for path in (ROOT / layer).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6") or n.startswith("sala.ui")
                       for n in names):
                    offenders.append(str(path))
    assert offenders == []
