"""Undoable add / edit / delete of a minitalk's contributions.

The generic machinery (optimistic change, ordered save, reconcile; the undo commands) lives in
``ui.common.record_undo``; this module only says how a contribution is stored and where it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from sala.services.contributions import ContributionService, ContributionView
from sala.ui.common.contribution_store import ContributionStore
from sala.ui.common.record_undo import AddRecord, DeleteRecord, EditRecord, RecordOps
from sala.ui.common.tasks import TaskRunner
from sala.ui.minitalk.contribution_model import ContributionModel


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
