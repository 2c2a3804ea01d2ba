"""Work-arounds for defects in the Qt binding we ship, each tested for before it is applied.

PySide6/shiboken6 6.12.0 returns ``None`` from every void method, and ``True``/``False`` from
``Signal.emit()``, without taking a reference. Each such call from Python steals one reference
from the interpreter's singleton; ``None`` starts with about 5,000, so after a few thousand
``setText``/``setChecked``/``emit`` calls CPython 3.11 aborts ("none_dealloc: deallocating
None"). The real fix is a corrected PySide6; until then :func:`install` detects the leak and
keeps a reserve of references to the three singletons (lists holding them, never freed),
topped up by a timer, so the stolen references come out of the reserve instead.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

RESERVE = 400_000     # references kept per singleton (8 bytes each)
LOW_WATER = 200_000   # top up when the count falls below this
CHECK_MS = 500

_reserve: list[list[object]] = []


def _keep(refs: list[object]) -> None:
    """Hold ``refs`` for the life of the process, past interpreter shutdown (freeing them then
    would hand the stolen references back as a crash)."""
    import ctypes  # only where the leak is found: not on every start (~2 ms)

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(refs))
    _reserve.append(refs)
_timer: QTimer | None = None
_needed: bool | None = None


class _Probe(QObject):
    sig = Signal()


def leaks() -> bool:
    """Whether this binding drops singleton references (measured, not assumed)."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(16):
        probe.setObjectName("probe")
        probe.sig.emit()
    leaked = sys.getrefcount(None) < none_before - 8 or sys.getrefcount(True) < true_before - 8
    if leaked:
        _keep([None] * 64 + [True] * 64)  # pay back the probe's own losses
    return leaked


def top_up() -> None:
    for obj in (None, True, False):
        count = sys.getrefcount(obj)
        if count < LOW_WATER:
            _keep([obj] * (RESERVE - count))


def install() -> bool:
    """Detect the leak once; if present, fill the reserve and (once an app exists) keep it full."""
    global _needed, _timer
    if _needed is None:
        _needed = leaks()
    if not _needed:
        return False
    top_up()
    app = QCoreApplication.instance()
    if _timer is None and app is not None:
        _timer = QTimer(app)
        _timer.setInterval(CHECK_MS)
        _timer.timeout.connect(top_up)
        _timer.start()
    return True
