"""Undoable add / edit / delete of a minitalk's contributions.

The generic machinery (optimistic change, ordered save, reconcile; the undo commands) lives in
``ui.common.record_undo``; this module only says how a contribution is stored and where it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionService, ContributionView
from sala.ui.common.record_undo import AddRecord, DeleteRecord, EditRecord, RecordOps
from sala.ui.minitalk.contribution_model import ContributionModel
from sala.ui.common.tasks import TaskRunner


def input_of(v: ContributionView) -> ContributionInput:
    return ContributionInput(v.type, v.text, v.stance, list(v.tags), v.participant_code, v.question_id, v.topic_id)


class ContributionStore:
    """Contributions as a :class:`~sala.ui.common.record_undo.RecordStore`: an add keeps its id and time."""

    def __init__(self, service: ContributionService) -> None:
        self._svc = service

    def add(self, v: ContributionView) -> ContributionView:
        return self._svc.add(v.session_id, input_of(v), contribution_id=v.id, recorded_at=v.recorded_at)

    def update(self, v: ContributionView) -> ContributionView:
        return self._svc.update(v.id, input_of(v))

    def delete(self, v: ContributionView) -> ContributionView:
        return self._svc.delete(v.id)


class ContributionOps(RecordOps[ContributionView]):
    """Contribution writes shown in a :class:`ContributionModel`."""

    def __init__(self, service: ContributionService, tasks: TaskRunner, model: ContributionModel,
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__(ContributionStore(service), tasks, model, on_error)
        self.model = model
        self._svc = service  # the service the store writes through (the capture bench times its add)


# The generic commands under the names the minitalk page has always used.
AddContribution = AddRecord
DeleteContribution = DeleteRecord
EditContribution = EditRecord
