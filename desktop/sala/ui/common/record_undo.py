"""Undoable add / edit / delete of captured records, applied optimistically and saved in order.

Shared by the capture pages (the minitalk's contributions, the focus group's answers and
observations). Each operation changes what is shown at once and queues the write on the one
writer thread; the writer's answer reconciles the row. Ids are made by the page, so undoing a
delete (or redoing an add) puts the same record back with the same id and time.

Once a session is finalized nothing can be taken back: :class:`UndoActions` refuses Ctrl+Z /
Ctrl+Shift+Z with a message in both languages instead of letting a write fail on the writer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from sala.domain.errors import SalaError

V = TypeVar("V")
ViewIn = TypeVar("ViewIn", contravariant=True)  # a sink only takes records in


class RecordSink(Protocol[ViewIn]):
    """Where records are shown: a model or list that can be changed ahead of the database."""

    def insert(self, view: ViewIn, pending: bool = True) -> None: ...
    def replace(self, view: ViewIn, pending: bool = False) -> None: ...
    def confirm(self, view: ViewIn) -> None: ...
    def remove(self, record_id: str) -> None: ...


class RecordStore(Protocol[V]):
    """The service calls behind the three operations (run on the writer thread)."""

    def add(self, view: V) -> V: ...
    def update(self, view: V) -> V: ...
    def delete(self, view: V) -> Any: ...


class RecordOps(Generic[V]):
    """The three writes, each: show now, save on the writer, reconcile or report."""

    def __init__(self, store: RecordStore[V], tasks: Any, sink: RecordSink[V],
                 on_error: Callable[[BaseException], None]) -> None:
        self._store = store
        self._tasks = tasks
        self.sink = sink
        self._on_error = on_error
        self.on_saved: Callable[[V], None] | None = None
        """Called with each stored record (benchmarks and tests watch it)."""
        self.on_refused: Callable[[str, V], None] | None = None
        """Called before ``on_error`` when a write is refused, with "add", "update" or "delete"
        and the record, so a page can give back what was typed."""

    def add(self, v: V) -> None:
        self.sink.insert(v, pending=True)
        store = self._store
        self._tasks.run(lambda: store.add(v), self._saved, self._refused("add", v))

    def update(self, v: V) -> None:
        self.sink.replace(v, pending=True)
        store = self._store
        self._tasks.run(lambda: store.update(v), self._saved, self._refused("update", v))

    def delete(self, v: V) -> None:
        self.sink.remove(v.id)  # type: ignore[attr-defined]
        store = self._store
        self._tasks.run(lambda: store.delete(v), None, self._refused("delete", v))

    def _refused(self, op: str, v: V) -> Callable[[BaseException], None]:
        if self.on_refused is None:
            return self._on_error  # the hot path (every Enter) makes no closure

        def refused(exc: BaseException) -> None:
            if self.on_refused is not None:
                self.on_refused(op, v)
            self._on_error(exc)
        return refused

    def _saved(self, v: V) -> None:
        self.sink.confirm(v)
        if self.on_saved is not None:
            self.on_saved(v)


class AddRecord(QUndoCommand):
    def __init__(self, ops: RecordOps[Any], view: Any, label: str) -> None:
        super().__init__(label)
        self._ops, self._view = ops, view

    def redo(self) -> None:
        self._ops.add(self._view)

    def undo(self) -> None:
        self._ops.delete(self._view)


class DeleteRecord(QUndoCommand):
    def __init__(self, ops: RecordOps[Any], view: Any, label: str) -> None:
        super().__init__(label)
        self._ops, self._view = ops, view

    def redo(self) -> None:
        self._ops.delete(self._view)

    def undo(self) -> None:
        self._ops.add(self._view)


class EditRecord(QUndoCommand):
    def __init__(self, ops: RecordOps[Any], old: Any, new: Any, label: str) -> None:
        super().__init__(label)
        self._ops, self._old, self._new = ops, old, new

    def redo(self) -> None:
        self._ops.update(self._new)

    def undo(self) -> None:
        self._ops.update(self._old)


def finalized_undo_error() -> SalaError:
    return SalaError(
        "เวทีนี้ยืนยันแล้ว จึงย้อนกลับหรือทำซ้ำไม่ได้ หากต้องการแก้ไขให้บันทึกการแก้ไขเพิ่มเติมพร้อมเหตุผล",
        "This session is finalized, so nothing can be undone or redone; "
        "record a correction as an amendment with a reason instead",
    )


class UndoActions:
    """Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) anywhere on ``page``, refused once it is read-only.

    The keys stay live on a finalized session on purpose: a silent key would look like a
    bug, a message says why and what to do instead.
    """

    def __init__(self, page: QWidget, stack: QUndoStack, read_only: Callable[[], bool],
                 refused: Callable[[SalaError], None]) -> None:
        self._stack, self._read_only, self._refused = stack, read_only, refused
        self.undo_action = self._action(page, [QKeySequence(QKeySequence.StandardKey.Undo)], self.undo)
        self.redo_action = self._action(page, [QKeySequence(QKeySequence.StandardKey.Redo),
                                               QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], self.redo)

    @staticmethod
    def _action(page: QWidget, keys: list[QKeySequence], fn: Callable[[], None]) -> QAction:
        act = QAction(page)
        unique: list[QKeySequence] = []
        for k in keys:
            if not k.isEmpty() and k not in unique:
                unique.append(k)
        act.setShortcuts(unique)
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(fn)
        page.addAction(act)
        return act

    def undo(self) -> None:
        if self._read_only():
            self._refused(finalized_undo_error())
        else:
            self._stack.undo()

    def redo(self) -> None:
        if self._read_only():
            self._refused(finalized_undo_error())
        else:
            self._stack.redo()
