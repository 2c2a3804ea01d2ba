"""How a captured contribution (a minitalk's, or a focus group answer) is stored, for undoable writes."""

from __future__ import annotations

from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionService, ContributionView


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
