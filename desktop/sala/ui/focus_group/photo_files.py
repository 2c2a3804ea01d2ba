"""File work off the UI thread and off the database writer: copying photos in, thumbnails out.

A big photo can take a while to hash, copy or decode; that must never block typing (UI thread)
nor hold up a contribution's save (the writer thread). It runs on a small thread pool of its
own, and only the short database step goes through the TaskRunner afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QImageReader


THUMB = 160


def load_thumbnail(path: Path, size: int = THUMB) -> QImage:
    """Decode ``path`` scaled down while reading (QImageReader never builds the full image)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and (full.width() > size or full.height() > size):
        reader.setScaledSize(full.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return image


class _Relay(QObject):
    done = Signal(object, object, object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, on_done: Any, on_error: Any) -> None:
        super().__init__()
        self._fn, self._relay, self._on_done, self._on_error = fn, relay, on_done, on_error

    def run(self) -> None:
        try:
            result, error = self._fn(), None
        except BaseException as exc:  # delivered to on_error on the UI thread
            result, error = None, exc
        self._relay.done.emit(result, error, self._on_done, self._on_error)


class FileWorker(QObject):
    """Runs file jobs on its own pool; ``on_done``/``on_error`` are called on the UI thread."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._pending = 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        self._pending += 1
        self.pool.start(_Job(fn, self._relay, on_done, on_error))

    def pending(self) -> int:
        return self._pending

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    @Slot(object, object, object, object)
    def _deliver(self, result: Any, error: BaseException | None, on_done: Any, on_error: Any) -> None:
        self._pending -= 1
        if error is not None:
            if on_error is not None:
                on_error(error)
        elif on_done is not None:
            on_done(result)
