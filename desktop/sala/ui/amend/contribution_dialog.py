"""Correcting a contribution of a finalized session: an amendment with a required reason.

Text, type and stance can be corrected; the generic dialog shows each beside the original.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sala.domain import enums as e
from sala.services.amendments import AmendmentService
from sala.services.contributions import ContributionView
from sala.services.supervisor_pin import SupervisorPin
from sala.ui.amend.record_dialog import AmendField, AmendRecordDialog
from sala.ui.common.tasks import TaskRunner


class AmendDialog(AmendRecordDialog):
    """Shows the current (possibly already amended) values; saves only what changed, with why."""

    def __init__(self, amendments: AmendmentService, tasks: TaskRunner, lang: str, view: ContributionView,
                 current: dict[str, Any], parent: QWidget | None = None,
                 *, supervisor: SupervisorPin | None = None) -> None:
        # The labels are needed before the QDialog exists, so not self.tr; same context as before.
        stance = view.stance.value if view.stance else None
        fields = [
            AmendField("text", QCoreApplication.translate("AmendDialog", "Corrected text"), view.text,
                       current.get("text", view.text), "text"),
            AmendField("type", QCoreApplication.translate("AmendDialog", "Type"), view.type.value,
                       current.get("type", view.type.value), "choice",
                       tuple((t.value, t.label(lang)) for t in e.ContributionType)),
            AmendField("stance", QCoreApplication.translate("AmendDialog", "Stance"), stance,
                       current.get("stance", stance), "choice",
                       ((None, "—"),) + tuple((s.value, s.label(lang)) for s in e.Stance)),
        ]
        super().__init__(amendments, tasks, lang, "contribution", view.id, fields,
                         QCoreApplication.translate("AmendDialog", "Amend a finalized contribution"), parent,
                         supervisor=supervisor)
        self.text, self.type, self.stance = (self.editors[n] for n in ("text", "type", "stance"))
