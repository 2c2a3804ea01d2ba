"""The audience server's way to write: through the app's one writer, waiting for the commit.

A phone is told "received" only once its submission is committed to the laptop's database. The
server's request threads therefore hand each write to the app's single writer (the
:class:`~sala.ui.common.tasks.TaskRunner`, so SQLite keeps one writer and writes keep their order)
and wait, on their own thread, until the transaction has committed. The UI thread never waits here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from sqlalchemy.orm import Session as OrmSession

from sala.audience.errors import WriterBusyError
from sala.domain.errors import SalaError
from sala.storage.database import Database
from sala.ui.common.tasks import TaskRunner

T = TypeVar("T")
__all__ = ["COMMIT_WAIT_S", "AudienceStoppedError", "WriterBridge", "WriterBusyError"]

COMMIT_WAIT_S = 30.0
"""How long a phone's request waits for the writer before it is told to try again."""


class AudienceStoppedError(SalaError):
    """The audience mode was turned off: nothing more is written for phones."""

    def __init__(self) -> None:
        super().__init__("โหมดผู้ฟังปิดแล้ว ไม่ได้บันทึกอะไรเพิ่ม",
                         "Audience mode has been turned off; nothing more was saved")


class WriterBridge:
    """``commit(fn)``: run ``fn(session)`` in one write transaction on the app's writer; return its
    result once committed. Called from the server's threads (never from the UI thread)."""

    def __init__(self, db: Database, tasks: TaskRunner, wait_s: float = COMMIT_WAIT_S) -> None:
        self._db = db
        self._tasks = tasks
        self._wait_s = wait_s
        self._closed = threading.Event()
        self._ui_thread = threading.current_thread()

    def commit(self, fn: Callable[[OrmSession], T]) -> T:
        """Run ``fn`` in a write transaction on the writer thread; its result after the commit.

        Raises what ``fn`` raised (nothing was written), :class:`AudienceStoppedError` once closed, or
        :class:`WriterBusyError` when the writer did not start it in time (then it never runs).
        """
        if threading.current_thread() is self._ui_thread:
            raise RuntimeError("WriterBridge.commit would block the UI thread")
        if self._closed.is_set():
            raise AudienceStoppedError()
        done: Future[T] = Future()

        def write() -> None:
            if not done.set_running_or_notify_cancel():
                return  # the request gave up waiting: it was told nothing was saved, so save nothing
            if self._closed.is_set():
                done.set_exception(AudienceStoppedError())
                return
            try:
                with self._db.write() as s:
                    result = fn(s)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting request thread
                done.set_exception(exc)
            else:
                done.set_result(result)

        self._tasks.run(write)
        try:
            return done.result(timeout=self._wait_s)
        except FutureTimeout:
            if done.cancel():
                raise WriterBusyError() from None
            return done.result()  # it started meanwhile: wait for its commit (or its error)

    def close(self) -> None:
        """Refuse every later write; writes already running finish and commit."""
        self._closed.set()

    @property
    def closed(self) -> bool:
        return self._closed.is_set()
