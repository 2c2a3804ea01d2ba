"""Correcting any record of a finalized session: an amendment, with a required reason.

One dialog for every amendable record (a contribution or answer, an observation, a tally, an
action item, the session itself): each field shows its current value to edit and, under it,
what the finalized record says, so the correction is made beside the original. Only the fields
that changed are sent, through the writer thread; a refusal is shown under the field it is
about, in Thai and English, and the dialog stays open with everything typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sala.domain.errors import ValidationError
from sala.domain.thaidate import format_date
from sala.services.amendments import AmendmentService, AmendmentView
from sala.services.supervisor_pin import AMEND_FINALIZED, SupervisorPin
from sala.services.tallies import COUNT_MAX
from sala.ui.common.errors import error_label, error_text, show_error
from sala.ui.common.supervisor_guard import require_supervisor
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.widgets import BuddhistDateEdit, py_date


@dataclass(frozen=True)
class AmendField:
    """One amendable field: its service name, label, the finalized value and the value now."""

    name: str
    label: str
    original: Any
    current: Any
    kind: str = "line"
    """line | text | count | choice | date | check"""
    choices: tuple[tuple[Any, str], ...] = ()




def _iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


class AmendRecordDialog(QDialog):
    """Edit the fields of one finalized record; Save records an amendment with the reason."""

    def __init__(self, amendments: AmendmentService, tasks: TaskRunner, lang: str, target_type: str,
                 target_id: str, fields: Sequence[AmendField], title: str, parent: QWidget | None = None,
                 *, supervisor: SupervisorPin | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._svc, self._tasks, self._lang = amendments, tasks, lang
        self._supervisor = supervisor  # correcting a finalized session is a supervisor act
        self._target_type, self._target_id = target_type, target_id
        self._fields = {f.name: f for f in fields}
        self.result_view: AmendmentView | None = None
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._readers: dict[str, Callable[[], Any]] = {}

        form = QFormLayout()
        for f in fields:
            editor, read = self._editor(f)
            self.editors[f.name], self._readers[f.name] = editor, read
            self.errors[f.name] = error_label()
            original = QLabel(self.tr("Original: %1").replace("%1", self.shown(f, f.original)))
            original.setWordWrap(True)
            original.setStyleSheet("color: #555;")
            original.setObjectName(f"original_{f.name}")
            form.addRow(f.label, editor)
            form.addRow("", original)
            form.addRow("", self.errors[f.name])
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why is this corrected? (required)"))
        for name in ("reason", "changes"):
            self.errors[name] = error_label()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.errors["reason"])
        form.addRow("", self.errors["changes"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(580, self.sizeHint().height())
        # The first editor is first in tab order, so it has the focus when the dialog shows.
        # (Calling setFocus before the dialog is shown leaves Qt a dangling focus pointer once
        # the page that owned the dialog is deleted: a crash later, far from here.)

    # -- editors --------------------------------------------------------------------------------
    def _editor(self, f: AmendField) -> tuple[QWidget, Callable[[], Any]]:
        if f.kind == "text":
            text = QPlainTextEdit(f.current or "")
            text.setTabChangesFocus(True)
            text.setFixedHeight(int(text.fontMetrics().height() * 5))
            return text, text.toPlainText
        if f.kind == "count":
            box = QSpinBox()
            box.setRange(0, COUNT_MAX)
            box.setValue(int(f.current or 0))
            return box, box.value
        if f.kind == "choice":
            combo = QComboBox()
            for value, label in f.choices:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(f.current)))
            return combo, combo.currentData
        if f.kind == "check":
            check = QCheckBox()
            check.setChecked(bool(f.current))
            return check, check.isChecked
        if f.kind == "date":
            return self._date_editor(f)
        line = QLineEdit(f.current or "")
        return line, line.text

    def _date_editor(self, f: AmendField) -> tuple[QWidget, Callable[[], Any]]:
        box = QWidget()
        has = QCheckBox(self.tr("Set"))
        edit = BuddhistDateEdit(self._lang)
        current = _iso(f.current)
        has.setChecked(current is not None)
        edit.setEnabled(current is not None)
        if current:
            edit.setDate(QDate.fromString(current, "yyyy-MM-dd"))
        has.toggled.connect(edit.setEnabled)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(has)
        row.addWidget(edit, 1)
        box.setFocusProxy(has)
        return box, lambda: py_date(edit.date()).isoformat() if has.isChecked() else None

    def shown(self, f: AmendField, value: Any) -> str:
        """How a value reads to a person (the original under each field)."""
        if value in (None, ""):
            return "—"
        if f.kind == "choice":
            return next((label for v, label in f.choices if v == value), str(value))
        if f.kind == "check":
            return self.tr("yes") if value else self.tr("no")
        if f.kind == "date":
            iso = _iso(value)
            return format_date(date.fromisoformat(iso), self._lang) if iso else "—"
        return str(value)

    # -- saving ---------------------------------------------------------------------------------
    def changes(self) -> dict[str, Any]:
        out = {}
        for name, read in self._readers.items():
            f = self._fields[name]
            now, before = read(), f.current
            if f.kind == "date":
                now, before = _iso(now), _iso(before)
            if now != before:
                out[name] = now
        return out

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        args = (self._target_type, self._target_id, self.changes(), self.reason.text())
        supervisor = self._supervisor
        if supervisor is not None and not require_supervisor(self, supervisor, AMEND_FINALIZED, self._lang,
                                                             self._tasks):
            return
        self.save_button.setEnabled(False)
        svc = self._svc

        def work() -> AmendmentView:
            view = svc.amend(*args)
            if supervisor is not None:
                supervisor.record(AMEND_FINALIZED, str(args[3])[:200], [str(args[1])])
            return view

        self._tasks.run(work, self._saved, self._failed)

    def _saved(self, view: AmendmentView) -> None:
        self.result_view = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            label = self.errors.get(exc.field, self.errors["changes"])
            label.setText(error_text(exc, self._lang))
            label.show()
        else:
            show_error(self, exc, self._lang)
