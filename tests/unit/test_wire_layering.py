"""The wire format stands on its own: ``sala.central`` speaks it without the laptop's ``sala.sync``.

Checked in the source (every import statement, including the ones inside functions and
``TYPE_CHECKING`` blocks), so a lazy import cannot slip the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "desktop" / "sala"


def _imported(source: str, package: list[str]) -> set[str]:
    """Every absolute module name an import statement in ``source`` reaches (relative ones resolved)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def _offenders(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for path in sorted((ROOT / layer).rglob("*.py")):
        package = ["sala", *path.relative_to(ROOT).parent.parts]
        for name in sorted(_imported(path.read_text(encoding="utf-8"), package)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)}: {name}")
    return bad


def test_central_never_imports_the_laptops_sync_package():
    assert _offenders("central", ("sala.sync",)) == []


def test_wire_imports_neither_sync_central_storage_nor_qt():
    forbidden = ("sala.sync", "sala.central", "sala.storage", "sala.ui",
                 "PySide6", "shiboken6", "pyqtgraph")
    assert _offenders("wire", forbidden) == []


def test_the_scan_sees_lazy_relative_and_parent_imports():
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ..sync.engine import SyncEngine\n"
        "def f():\n    from sala import sync\n"
        "def g():\n    import sala.sync.client\n"
    )
    names = _imported(source, ["sala", "central"])
    assert {"sala.sync.engine", "sala.sync", "sala.sync.client"} <= names
