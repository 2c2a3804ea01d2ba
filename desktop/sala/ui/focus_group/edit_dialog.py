"""A small dialog to correct an answer or an observation of a session still being recorded.

Keyboard first: it opens with the text selected, Tab reaches the participant code, Ctrl+Enter
(or the Save button) accepts. What is typed is checked here against the same rules the service
applies, and a refusal is shown under the field in Thai and English; the page then turns the
accepted change into an undoable command.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QWidget

from sala.domain.errors import ValidationError
from sala.ui.common.errors import error_label, error_text

Check = Callable[[str | None, str], object]
"""Raises ValidationError if (code, text) would be refused."""


class EditEntryDialog(QDialog):
    """Text (and, for an answer, the participant code) of one entry."""

    def __init__(self, title: str, text: str, lang: str, check: Check, code: str | None = None,
                 codes: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._lang, self._check = lang, check
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(int(self.fontMetrics().height() * 5))
        self.text.selectAll()
        self.code: QComboBox | None = None
        self.errors = {"text": error_label(), "code": error_label()}
        form = QFormLayout(self)
        form.addRow(self.tr("Text"), self.text)
        form.addRow("", self.errors["text"])
        if codes is not None:
            self.code = QComboBox()
            self.code.setEditable(True)
            self.code.addItems(codes)
            self.code.setEditText(code or "")
            form.addRow(self.tr("Participant code"), self.code)
            form.addRow("", self.errors["code"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form.addRow(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.accept)
        self.resize(540, self.sizeHint().height())  # the text, first in tab order, takes the focus on show

    def new_text(self) -> str:
        return self.text.toPlainText()

    def new_code(self) -> str | None:
        return (self.code.currentText().strip() or None) if self.code is not None else None

    def accept(self) -> None:
        for label in self.errors.values():
            label.hide()
        try:
            self._check(self.new_code(), self.new_text())
        except ValidationError as exc:
            label = self.errors.get(exc.field, self.errors["text"])
            label.setText(error_text(exc, self._lang))
            label.show()
            return
        super().accept()
