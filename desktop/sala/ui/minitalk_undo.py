"""Undoable add / edit / delete of contributions, applied optimistically and saved in order.

Each operation changes the list at once and queues the write on the one writer thread; the
writer's answer reconciles the row. Ids are made here, so undoing a delete (or redoing an add)
puts the same record back with the same id and time.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionService, ContributionView
from sala.ui.contribution_model import ContributionModel
from sala.ui.tasks import TaskRunner


def input_of(v: ContributionView) -> ContributionInput:
    return ContributionInput(v.type, v.text, v.stance, list(v.tags), v.participant_code, v.question_id, v.topic_id)


class ContributionOps:
    """The three writes, each: show now, save on the writer, reconcile or report."""

    def __init__(self, service: ContributionService, tasks: TaskRunner, model: ContributionModel,
                 on_error: Callable[[BaseException], None]) -> None:
        self._svc = service
        self._tasks = tasks
        self.model = model
        self._on_error = on_error
        self.on_saved: Callable[[ContributionView], None] | None = None
        """Called with each stored contribution (benchmarks and tests watch it)."""

    def add(self, v: ContributionView) -> None:
        self.model.insert(v, pending=True)
        data = input_of(v)
        self._tasks.run(lambda: self._svc.add(v.session_id, data, contribution_id=v.id, recorded_at=v.recorded_at),
                        self._saved, self._on_error)

    def update(self, v: ContributionView) -> None:
        self.model.replace(v, pending=True)
        data = input_of(v)
        self._tasks.run(lambda: self._svc.update(v.id, data), self._saved, self._on_error)

    def delete(self, v: ContributionView) -> None:
        self.model.remove(v.id)
        self._tasks.run(lambda: self._svc.delete(v.id), None, self._on_error)

    def _saved(self, v: ContributionView) -> None:
        self.model.confirm(v)
        if self.on_saved is not None:
            self.on_saved(v)


class AddContribution(QUndoCommand):
    def __init__(self, ops: ContributionOps, view: ContributionView, label: str) -> None:
        super().__init__(label)
        self._ops, self._view = ops, view

    def redo(self) -> None:
        self._ops.add(self._view)

    def undo(self) -> None:
        self._ops.delete(self._view)


class DeleteContribution(QUndoCommand):
    def __init__(self, ops: ContributionOps, view: ContributionView, label: str) -> None:
        super().__init__(label)
        self._ops, self._view = ops, view

    def redo(self) -> None:
        self._ops.delete(self._view)

    def undo(self) -> None:
        self._ops.add(self._view)


class EditContribution(QUndoCommand):
    def __init__(self, ops: ContributionOps, old: ContributionView, new: ContributionView, label: str) -> None:
        super().__init__(label)
        self._ops, self._old, self._new = ops, old, new

    def redo(self) -> None:
        self._ops.update(self._new)

    def undo(self) -> None:
        self._ops.update(self._old)
