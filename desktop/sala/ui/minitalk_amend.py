"""Correcting a contribution of a finalized session: an amendment with a required reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget,
)

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.services.amendments import AmendmentService, AmendmentView
from sala.services.contributions import ContributionView
from sala.ui.minitalk_side import error_label
from sala.ui.tasks import TaskRunner
from sala.ui.widgets import show_error


class AmendDialog(QDialog):
    """Shows the current (possibly already amended) values; saves only what changed, with why."""

    def __init__(self, amendments: AmendmentService, tasks: TaskRunner, lang: str, view: ContributionView,
                 current: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Amend a finalized contribution"))
        self._svc, self._tasks, self._lang, self._view = amendments, tasks, lang, view
        self.result_view: AmendmentView | None = None
        self._before = {"text": current.get("text", view.text),
                        "type": current.get("type", view.type.value),
                        "stance": current.get("stance", view.stance.value if view.stance else None)}
        self.original = QLabel(view.text)
        self.original.setWordWrap(True)
        self.original.setStyleSheet("color: #555;")
        self.text = QPlainTextEdit(self._before["text"])
        self.type = QComboBox()
        for t in e.ContributionType:
            self.type.addItem(t.label(lang), t.value)
        self.type.setCurrentIndex(self.type.findData(self._before["type"]))
        self.stance = QComboBox()
        self.stance.addItem("—", None)
        for s in e.Stance:
            self.stance.addItem(s.label(lang), s.value)
        self.stance.setCurrentIndex(max(0, self.stance.findData(self._before["stance"])))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why is this corrected? (required)"))
        self.errors = {f: error_label() for f in ("text", "reason", "changes")}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form = QFormLayout(self)
        form.addRow(self.tr("Original"), self.original)
        form.addRow(self.tr("Corrected text"), self.text)
        form.addRow("", self.errors["text"])
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Stance"), self.stance)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.errors["reason"])
        form.addRow("", self.errors["changes"])
        form.addRow(buttons)
        self.resize(560, 380)

    def changes(self) -> dict[str, Any]:
        now = {"text": self.text.toPlainText(), "type": self.type.currentData(), "stance": self.stance.currentData()}
        return {k: v for k, v in now.items() if v != self._before[k]}

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        vid, changes, reason = self._view.id, self.changes(), self.reason.text()
        self.save_button.setEnabled(False)
        self._tasks.run(lambda: self._svc.amend("contribution", vid, changes, reason), self._saved, self._failed)

    def _saved(self, view: AmendmentView) -> None:
        self.result_view = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            label = self.errors.get(exc.field, self.errors["changes"])
            first, second = (exc.th, exc.en) if self._lang == "th" else (exc.en, exc.th)
            label.setText(f"{first}\n{second}")
            label.show()
        else:
            show_error(self, exc, self._lang)
