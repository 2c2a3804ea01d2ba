"""One way to run work off the UI thread, and one relay of its results back to the UI thread.

Widgets never touch the database from a worker: they hand a callable to a lane and get
``on_done(result)`` or ``on_error(exc)`` called later on the UI thread.

- :class:`TaskRunner` is the one *writer*: a single thread, so SQLite has one writer and writes
  happen in the order they were asked for (the order of keystrokes). Pages get it from the
  composition root.
- :class:`LatestReader` runs read-only queries beside the writer (SQLite in WAL mode lets a reader
  work while the writer commits): a query waiting to run is replaced by a newer one, and the
  result of a superseded query is dropped, never drawn (a user clicking through filters wants
  the chart of the last click). A 100 ms aggregate queued on the writer would hold up saves.
- :class:`FileLane` copies and decodes files (photos) on threads of their own, so neither typing
  nor a save waits for a big photo.
- :func:`start` runs one long job (a PDF report, a sync run) on a thread of its own, with
  progress and cancel through its :class:`Job`.

Every result crosses to the UI thread through the one :class:`_Relay`, and every failure goes through
:func:`_hand_over`: a failure that is not a :class:`~sala.domain.errors.SalaError` (not the user's
trouble, a bug) is logged with its traceback *before* any ``on_error`` handler shows it, so a bug
shown in a dialog is never lost from the log.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from sala.domain.errors import SalaError

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


_CALL = QEvent.Type(QEvent.registerEventType())


class _Call(QEvent):
    """A callable on its way to the UI thread."""

    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__(_CALL)
        self.fn = fn


class _Relay(QObject):
    """Runs callables posted from any thread on the UI thread.

    One for the process, made on the UI thread and never deleted: a worker must never emit on an
    object the UI thread may be deleting (that races into a crash). Whether the widget that
    asked is still there is checked on the UI thread, when the result arrives (:func:`_alive`).
    Each callable is posted as an event (what a queued connection does too): a connection type is
    a ``Qt`` enum, and building that namespace's ~90 enum classes (~12 ms) made the first task,
    the start-up's, hold up the UI thread just after the session list's first paint.
    """

    def post(self, fn: Callable[[], None]) -> None:
        """Queue ``fn`` for the UI thread."""
        QCoreApplication.postEvent(self, _Call(fn))

    def event(self, event: QEvent) -> bool:  # Qt name
        if isinstance(event, _Call):
            event.fn()
            return True
        return super().event(event)


_the_relay: _Relay | None = None


def _relay() -> _Relay:
    """The relay, made on first use (always from the UI thread: work is submitted there)."""
    global _the_relay
    if _the_relay is None:
        _the_relay = _Relay()
    return _the_relay


def _alive(obj: QObject) -> bool:
    """The QObject is still there (its widget was not closed and deleted while the work ran)."""
    return shiboken6.isValid(obj)


def _hand_over(what: str, error: BaseException, on_error: OnError | None) -> None:
    """Give a failure to its handler (UI thread); a bug is logged with its traceback first."""
    if not isinstance(error, SalaError):
        log.error("%s failed (a bug)", what, exc_info=error)
        if on_error is not None:
            on_error(error)
    elif on_error is not None:
        on_error(error)
    else:
        log.warning("%s failed and nobody showed it: %s", what, error.en, exc_info=error)


class Job:
    """A handle on one piece of background work: cancel it, wait for it, report progress from it."""

    def __init__(self, fn: Callable[..., Any], on_done: OnDone | None, on_error: OnError | None,
                 on_progress: Callable[..., None] | None = None, relay: _Relay | None = None,
                 owner: QObject | None = None) -> None:
        self.fn, self.on_done, self.on_error, self.on_progress = fn, on_done, on_error, on_progress
        self._owner = owner
        self.cancel_event = threading.Event()
        """Set by :meth:`cancel`; long work checks it (or passes it on, e.g. to a sync run)."""
        self._relay = relay
        self._ran = threading.Event()
        self._dropped = False  # superseded (latest-wins): its result is never delivered

    def cancel(self) -> None:
        """Ask the work to stop: not started, it never runs; running, it sees :attr:`cancelled`."""
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def progress(self, *values: Any) -> None:
        """Called by the work (any thread): ``on_progress(*values)`` runs on the UI thread."""
        if self.on_progress is not None and self._relay is not None and not self._dropped:
            on_progress, owner = self.on_progress, self._owner
            self._relay.post(lambda: on_progress(*values) if owner is None or _alive(owner) else None)

    def done(self) -> bool:
        """The work has run (or was skipped); its result may still be on its way to the UI thread."""
        return self._ran.is_set()

    def wait(self, timeout: float | None = 60.0) -> bool:
        """Block until the work has run (tests, shutdown); results still arrive by event."""
        return self._ran.wait(timeout)


class _Lane(QObject):
    """``threads`` worker threads over one queue; results relayed to the UI thread."""

    sig_busy_changed = Signal(bool)
    """True while work is queued or running; False when the last result has been delivered."""

    def __init__(self, name: str, threads: int = 1, latest: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name, self._latest = name, latest
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._relay = _relay()
        self._lock = threading.Condition()
        self._pending = 0       # submitted, result not yet delivered on the UI thread
        self._outstanding = 0   # submitted, not yet run on a worker
        self._waiting: Job | None = None  # latest-wins: the newest job not yet started
        self._running: list[Job] = []
        self._stopping = False
        self._threads = [threading.Thread(target=self._work, name=name if threads == 1 else f"{name}-{i}",
                                          daemon=True) for i in range(threads)]
        for t in self._threads:
            t.start()
        # Owned by a widget that goes away: let its idle threads end too (not self: it is gone by then).
        self.destroyed.connect(lambda *_a, q=self._queue, n=threads: [q.put(None) for _ in range(n)])

    def submit(self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None) -> Job:
        job = Job(fn, on_done, on_error, relay=self._relay)
        with self._lock:
            self._pending += 1
            self._outstanding += 1
            first = self._pending == 1
            if self._latest:
                if self._waiting is not None:
                    self._waiting._dropped = True
                    self._waiting.cancel()
                for running in self._running:
                    running._dropped = True
                self._waiting = job
        if first:
            self.sig_busy_changed.emit(True)
        self._queue.put(job)
        return job

    def pending(self) -> int:
        """Work submitted whose result has not yet been delivered."""
        with self._lock:
            return self._pending

    def busy(self) -> bool:
        return self.pending() > 0

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until everything submitted so far has run (tests, shutdown)."""
        with self._lock:
            return self._lock.wait_for(lambda: self._outstanding == 0, timeout)

    def shutdown(self, timeout: float = 10.0, finish_queued: bool = True) -> None:
        """Stop the threads; with ``finish_queued`` queued work runs first (nothing typed is dropped)."""
        with self._lock:
            if not finish_queued:
                self._stopping = True
                for job in self._running:
                    job._dropped = True
        for _ in self._threads:
            self._queue.put(None)
        for t in self._threads:
            if t is not threading.current_thread():
                t.join(timeout)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            with self._lock:
                if self._waiting is job:
                    self._waiting = None
                skip = job.cancelled or self._stopping
                if not skip:
                    self._running.append(job)
            result: Any = None
            error: BaseException | None = None
            if not skip:
                try:
                    result = job.fn()
                except BaseException as exc:  # noqa: BLE001 - handed over on the UI thread
                    error = exc
            with self._lock:
                if job in self._running:
                    self._running.remove(job)
                self._outstanding -= 1
                self._lock.notify_all()
            job._ran.set()
            self._relay.post(partial(self._deliver, job, result, error, skip))

    def _deliver(self, job: Job, result: Any, error: BaseException | None, skipped: bool) -> None:
        unwanted = skipped or job._dropped or not _alive(self)
        if unwanted and error is not None and not isinstance(error, SalaError):
            log.error("%s failed (a bug; nobody waits for its result)", self._name, exc_info=error)
        if not _alive(self):
            return  # the owner was closed while the work ran: nobody to tell
        with self._lock:
            self._pending -= 1
            idle = self._pending == 0
        try:
            if unwanted:
                return
            if error is not None:
                _hand_over(self._name, error, job.on_error)
            elif job.on_done is not None:
                job.on_done(result)
        finally:
            if idle:
                self.sig_busy_changed.emit(False)


class TaskRunner(_Lane):
    """The one writer: runs callables in order on one background thread, reports on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("sala-writer", threads=1, parent=parent)

    def run(self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None) -> Job:
        """Queue a write; ``on_done(result)`` or ``on_error(exc)`` follow on the UI thread, in order."""
        return self.submit(fn, on_done, on_error)


class LatestReader(_Lane):
    """One reader thread for read-only queries; only the newest request's result is delivered."""

    def __init__(self, name: str = "sala-reader", parent: QObject | None = None) -> None:
        super().__init__(name, threads=1, latest=True, parent=parent)
        app = QCoreApplication.instance()
        if app is not None:  # pages are not closed one by one at quit; stop before SQLite is closed
            app.aboutToQuit.connect(self.shutdown)

    def shutdown(self, timeout: float = 5.0, finish_queued: bool = False) -> None:
        """Stop the thread (a running query finishes first; its result is dropped)."""
        super().shutdown(timeout, finish_queued)


class FileLane(_Lane):
    """File work (copying photos in, decoding thumbnails) on threads of its own."""

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__("sala-files", threads=threads, parent=parent)

    def run(self, fn: Callable[[], Any], on_done: OnDone | None = None, on_error: OnError | None = None) -> Job:
        return self.submit(fn, on_done, on_error)


def start(fn: Callable[[Job], Any], owner: QObject, on_done: OnDone | None = None, on_error: OnError | None = None,
          *, on_progress: Callable[..., None] | None = None, name: str = "sala-job") -> Job:
    """Run one long job on a thread of its own; it gets its :class:`Job` for progress and cancel.

    ``owner`` (a QObject on the UI thread) receives the result: if it is deleted first, the
    result and any progress are dropped. A cancelled job still delivers what ``fn`` returned (it
    decides how to stop).
    """
    relay = _relay()
    job = Job(fn, on_done, on_error, on_progress, relay, owner)

    def deliver(result: Any, error: BaseException | None) -> None:
        if not _alive(owner):
            if error is not None and not isinstance(error, SalaError):
                log.error("%s failed (a bug) after its window closed", name, exc_info=error)
            return
        if error is not None:
            _hand_over(name, error, on_error)
        elif on_done is not None:
            on_done(result)

    def work() -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = fn(job)
        except BaseException as exc:  # noqa: BLE001 - handed over on the UI thread
            error = exc
        job._ran.set()
        relay.post(lambda: deliver(result, error))

    threading.Thread(target=work, name=name, daemon=True).start()
    return job
