"""Read-only queries off the UI thread, latest request wins.

Why not ``TaskRunner``: that is the one *writer*; a 100 ms dashboard aggregate queued there
would delay a kiosk visitor's save by as much. SQLite in WAL mode lets a reader run beside the
writer, so charts get their own reader thread. Only the latest request matters (a user clicking
through filters wants the chart for the last click), so a request waiting to run is replaced by
a newer one and results of superseded requests are dropped, never drawn.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class LatestReader(QObject):
    """One background thread running the newest submitted read; results come back on the UI thread."""

    sig_busy_changed = Signal(bool)
    """True while a read is waiting or running; False when the last result has been delivered."""

    _sig_finished = Signal(int, object, object)

    def __init__(self, name: str = "sala-reader", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cond = threading.Condition()
        self._next: tuple[int, Callable[[], Any]] | None = None
        self._generation = 0
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self._stopping = False
        self._sig_finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # pages are not closed one by one at quit; stop before SQLite is closed
            app.aboutToQuit.connect(self.shutdown)

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> int:
        """Run ``fn`` soon; any request not yet started is dropped in its favour."""
        with self._cond:
            self._generation += 1
            gen = self._generation
            self._next = (gen, fn)
            self._callbacks = {gen: (on_done, on_error)}
            self._cond.notify()
        self.sig_busy_changed.emit(True)
        return gen

    def busy(self) -> bool:
        with self._cond:
            return bool(self._callbacks)

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the thread (a running query finishes first; its result is dropped)."""
        with self._cond:
            self._stopping = True
            self._next = None
            self._callbacks = {}
            self._cond.notify()
        self._thread.join(timeout)

    def _work(self) -> None:
        while True:
            with self._cond:
                while self._next is None and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                assert self._next is not None
                gen, fn = self._next
                self._next = None
            try:
                result, error = fn(), None
            except BaseException as exc:  # handed to on_error on the UI thread
                result, error = None, exc
            with self._cond:
                if self._stopping:
                    return
            try:
                self._sig_finished.emit(gen, result, error)
            except RuntimeError:  # the owner was deleted while the query ran: nobody to tell
                return

    @Slot(int, object, object)
    def _deliver(self, gen: int, result: Any, error: BaseException | None) -> None:
        with self._cond:
            callbacks = self._callbacks.pop(gen, None)
            idle = not self._callbacks
        if callbacks is None:
            return  # superseded by a newer request: its result would draw stale figures
        on_done, on_error = callbacks
        try:
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                log.error("dashboard read failed", exc_info=error)
        finally:
            if idle:
                self.sig_busy_changed.emit(False)
