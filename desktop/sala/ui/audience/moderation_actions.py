"""The facilitator's decisions on what phones sent: accept, hide, merge, accept all.

Each is one write on the app's single writer (never on the UI thread); the queue is read again
after it, done or refused. A refused decision (the session closed meanwhile, the duplicate was
accepted already) is said in both languages and its card can be decided again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from sala.services import audience as svc
from sala.storage.database import Database
from sala.ui.audience.moderation_panel import MergeDialog, ModerationPanel
from sala.ui.common.tasks import LatestReader, TaskRunner


class ModerationActions:
    """Writes the decisions for one session's queue; the controller supplies where to say things."""

    def __init__(self, db: Database, tasks: TaskRunner, reader: LatestReader, window: QWidget,
                 lang: Callable[[], str], panel: Callable[[], ModerationPanel | None],
                 tell: Callable[[BaseException], None], refresh: Callable[[], None]) -> None:
        self._db, self._tasks, self._reader, self._window = db, tasks, reader, window
        self._lang, self._panel, self._tell, self._refresh = lang, panel, tell, refresh
        self.switching = 0
        """Accept-all writes under way: reads begun before one must not flip the switch back."""
        self.merge_dialog: MergeDialog | None = None
        """The merge dialog while it is open (tests reach it here)."""

    def _write(self, fn: Callable[[Any], Any], failed_id: str | None = None) -> None:
        db = self._db

        def work() -> Any:
            with db.write() as s:
                return fn(s)

        def failed(exc: BaseException) -> None:
            panel = self._panel()
            if failed_id is not None and panel is not None:
                panel.decision_failed(failed_id)
            self._tell(exc)
            self._refresh()

        self._tasks.run(work, lambda _r: self._refresh(), failed)

    def accept(self, submission_id: str) -> None:
        self._write(lambda s: svc.accept(s, submission_id), submission_id)

    def hide(self, submission_id: str) -> None:
        self._write(lambda s: svc.hide(s, submission_id), submission_id)

    def set_accept_all(self, session_id: str, on: bool) -> None:
        self.switching += 1

        def done(_result: object) -> None:
            self.switching -= 1
            self._refresh()

        def failed(exc: BaseException) -> None:
            self.switching -= 1
            self._tell(exc)
            self._refresh()

        db = self._db

        def work() -> None:
            with db.write() as s:
                svc.set_accept_all(s, session_id, on)

        self._tasks.run(work, done, failed)

    def ask_merge(self, session_id: str, duplicate_id: str) -> None:
        """Ask which submission ``duplicate_id`` repeats (candidates read on the reader), then merge."""
        db = self._db

        def read() -> list[svc.QueueItem]:
            with db.read() as s:
                return svc.queue(s, session_id, include_decided=True)

        self._reader.submit(read, lambda items: self._pick(duplicate_id, items), self._tell)

    def _pick(self, duplicate_id: str, items: list[svc.QueueItem]) -> None:
        dup = next((i for i in items if i.id == duplicate_id), None)
        if dup is None or self._panel() is None:
            return  # decided meanwhile, or the mode was turned off
        candidates = [i for i in items if i.id != dup.id and i.kind == dup.kind
                      and i.state in (svc.State.PENDING, svc.State.ACCEPTED)]
        candidates.sort(key=lambda i: (i.state != svc.State.ACCEPTED, i.created_at))
        dlg = MergeDialog(dup, candidates, self._lang(), self._window)
        self.merge_dialog = dlg
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._merge(dlg.chosen(), dup.id))
        dlg.destroyed.connect(lambda _o=None: setattr(self, "merge_dialog", None))
        dlg.open()

    def _merge(self, keep_id: str | None, duplicate_id: str) -> None:
        if keep_id:
            self._write(lambda s: svc.merge(s, keep_id, duplicate_id), duplicate_id)
