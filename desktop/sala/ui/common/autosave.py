"""Save-as-you-type without a Save button: at most ``interval`` ms after the first unsaved change.

Not a debounce that restarts on every key (steady typing would then never be saved), but a
throttle: the first change starts the clock, the save takes whatever is there when it fires.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

AUTOSAVE_MS = 500  # with the write itself, well inside the "lose at most one second" promise


class Autosave(QObject):
    def __init__(self, save: Callable[[], None], interval: int = AUTOSAVE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self, singleShot=True, interval=interval)
        self._timer.timeout.connect(self._fire)
        self._dirty = False

    def poke(self) -> None:
        """Something changed: save it soon."""
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Save now if anything is unsaved (page hidden, window closing)."""
        self._timer.stop()
        if self._dirty:
            self._fire()

    def cancel(self) -> None:
        self._timer.stop()
        self._dirty = False

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _fire(self) -> None:
        self._dirty = False
        self._save()
