"""One way to run work off the UI thread: a single worker (the one writer), results posted back.

Widgets never touch the database from a worker: they hand a callable to :meth:`TaskRunner.run`
and get ``on_done(result)`` or ``on_error(exc)`` called later on the UI thread. One worker
thread means one writer for SQLite and an order of writes that matches the order of keystrokes.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class TaskRunner(QObject):
    """Runs callables in order on one background thread and reports back on the UI thread."""

    sig_busy_changed = Signal(bool)
    """True while tasks are queued or running; False when the queue drains."""

    _sig_finished = Signal(object, object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[tuple | None] = queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._sig_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._work, name="sala-writer", daemon=True)
        self._thread.start()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        with self._lock:
            self._pending += 1
            first = self._pending == 1
        if first:
            self.sig_busy_changed.emit(True)
        self._queue.put(("task", fn, on_done, on_error))

    def pending(self) -> int:
        with self._lock:
            return self._pending

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until queued work has run (tests and shutdown); results still arrive by event."""
        done = threading.Event()
        self._queue.put(("marker", done.set, None, None))
        return done.wait(timeout)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Finish queued writes, then stop the worker (called at quit: nothing typed is dropped)."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            kind, fn, on_done, on_error = item
            if kind == "marker":
                fn()
                continue
            try:
                result, error = fn(), None
            except BaseException as exc:  # delivered to on_error on the UI thread
                result, error = None, exc
            self._sig_finished.emit(result, error, on_done, on_error)

    @Slot(object, object, object, object)
    def _deliver(self, result: Any, error: BaseException | None, on_done: Any, on_error: Any) -> None:
        with self._lock:
            self._pending -= 1
            idle = self._pending == 0
        try:
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    log.error("background task failed", exc_info=error)
            elif on_done is not None:
                on_done(result)
        finally:
            if idle:
                self.sig_busy_changed.emit(False)
