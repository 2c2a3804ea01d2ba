"""The architecture, checked in the source: which layer may import which, and no import cycles.

Every import statement counts, including the ones inside functions and ``TYPE_CHECKING`` blocks,
so a lazy import cannot slip a rule. The layers are the top-level packages and modules of
``sala`` (``desktop/sala/<layer>``); DESIGN.md's "Shape of the code" says what each is for.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "desktop" / "sala"
QT = ("PySide6", "shiboken6", "pyqtgraph")

# What each layer may import besides itself and the standard library / third-party packages.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "paths": set(),
    # Durable file writes and the blob layout: a leaf shared by the laptop and the central service.
    "files": set(),
    "wire": {"domain"},
    "storage": {"domain", "paths", "files"},
    "sync": {"domain", "paths", "files", "storage", "wire"},
    # Use cases; a finalize or an amendment writes its outbox snapshot in the same transaction.
    # wire: the privacy record kinds (audit entries, erasures) both ends check the same way.
    "services": {"domain", "paths", "files", "storage", "sync", "wire"},
    "reports": {"domain", "paths", "files", "storage", "services"},
    "central": {"wire", "files"},
    "logging_setup": {"paths"},
    # Audience mode's server for phones (no Qt): uses the services, the UI starts it.
    "audience": {"domain", "paths", "storage", "services"},
    "bootstrap": {"domain", "paths", "storage", "services", "sync", "audience"},
    "self_check": {"domain", "paths", "storage", "reports"},
    "commands": {"domain", "paths", "storage", "services", "sync", "wire", "reports", "bootstrap", "audience"},
    "ui": {"domain", "paths", "files", "storage", "services", "sync", "wire", "reports", "bootstrap",
           "logging_setup", "self_check", "audience"},
    "cli": {"domain", "paths", "bootstrap", "logging_setup", "commands", "self_check", "ui"},
    "__main__": {"cli"},
    "__init__": set(),
}
MAY_IMPORT_QT = {"ui"}


def _module_name(path: Path) -> str:
    parts = ["sala", *path.relative_to(ROOT).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module an import statement in ``path`` reaches."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)
    return found


def _sources() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


def _layer(module: str) -> str:
    return module.split(".")[1] if "." in module else "__init__"


def test_every_layer_is_known():
    """A new top-level package or module must be given its place in ALLOWED first."""
    unknown = {_layer(_module_name(p)) for p in _sources()} - set(ALLOWED)
    assert unknown == set()


def test_each_layer_imports_only_what_it_may():
    bad = []
    for path in _sources():
        own = _layer(_module_name(path))
        for name in sorted(_imports(path)):
            root = name.split(".")[0]
            if root == "sala" and "." in name:
                other = name.split(".")[1]
                if other != own and other in ALLOWED and other not in ALLOWED[own]:
                    bad.append(f"{path.relative_to(ROOT)} ({own}) imports {name}")
            elif root in QT and own not in MAY_IMPORT_QT:
                bad.append(f"{path.relative_to(ROOT)} ({own}) imports {name}")
    assert bad == []


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in _sources()}
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for target in _imports(path):
            # "from sala.x import y" reaches sala.x.y when y is a module, else sala.x
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and target != "sala":
                graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_lazy_imports_included():
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
