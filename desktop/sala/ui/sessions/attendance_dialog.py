"""The head count of a session: how many people came, optionally by age band, gender, occupation.

Separate from who spoke (the distinct participant codes): a room of thirty where four spoke
has a head count of thirty. Before finalizing it is simply saved; after, it is corrected by an
amendment with a reason. The groups may add up to less than the total (the rest are "not
stated"), never more; the check is the domain's, shown under the form in both languages.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.domain.inputs import AttendanceInput
from sala.services.amendments import AmendmentService
from sala.services.sessions import SessionDetail, SessionService
from sala.ui.common.errors import error_label, show_field_error
from sala.ui.common.tasks import TaskRunner

MAX_PEOPLE = 100_000
GROUPS: tuple[tuple[str, type[e.Labelled]], ...] = (
    ("age_band", e.AgeBand), ("gender", e.Gender), ("occupation", e.Occupation))


class AttendanceDialog(QDialog):
    sig_saved = Signal(object)
    """The head count was saved (or amended); carries the session's new SessionDetail."""

    def __init__(self, sessions: SessionService, amendments: AmendmentService | None, tasks: TaskRunner,
                 lang: str, detail: SessionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attendanceDialog")
        self.setWindowTitle(self.tr("Head count"))
        self._sessions, self._amendments, self._tasks, self._lang = sessions, amendments, tasks, lang
        self._detail = detail
        self._amend = detail.status == e.SessionStatus.FINALIZED
        current = detail.attendance

        intro = QLabel(self.tr("Everyone who came, whether or not they spoke. The groups are optional and "
                               "may add up to less than the total (the rest are “not stated”)."))
        intro.setWordWrap(True)
        self.total = QSpinBox()
        self.total.setObjectName("attendanceTotal")
        self.total.setRange(0, MAX_PEOPLE)
        self.total.setGroupSeparatorShown(True)
        self.total.setValue(int(current.total or 0))
        form = QFormLayout()
        form.addRow(self.tr("Total (people)"), self.total)

        self.counts: dict[str, dict[str, QSpinBox]] = {}
        groups = QHBoxLayout()
        titles = {"age_band": self.tr("By age"), "gender": self.tr("By gender"),
                  "occupation": self.tr("By occupation")}
        for name, enum in GROUPS:
            box = QGroupBox(titles[name])
            grid = QGridLayout(box)
            stored = getattr(current, name)
            self.counts[name] = {}
            members = [m for m in enum if m.value != "not_stated"]
            for i, member in enumerate(members):
                spin = QSpinBox()
                spin.setObjectName(f"attendance_{name}_{member.value}")
                spin.setRange(0, MAX_PEOPLE)
                spin.setValue(int(stored.get(member.value, 0)))
                grid.addWidget(QLabel(member.label(lang)), i, 0)
                grid.addWidget(spin, i, 1)
                self.counts[name][member.value] = spin
            groups.addWidget(box)

        self.reason = QLineEdit()
        self.reason.setObjectName("attendanceReason")
        self.reason.setPlaceholderText(self.tr("Why the head count is corrected"))
        reason_row = QFormLayout()
        reason_row.addRow(self.tr("Reason for the amendment"), self.reason)
        reason_widget = QWidget()
        reason_widget.setLayout(reason_row)
        reason_widget.setVisible(self._amend)
        self.error = error_label()
        self.error.setObjectName("fieldError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("attendanceSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(groups)
        layout.addWidget(reason_widget)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.total.setFocus()
        self.total.selectAll()

    def value(self) -> AttendanceInput:
        def group(name: str) -> dict[str, int]:
            return {k: s.value() for k, s in self.counts[name].items() if s.value()}
        return AttendanceInput(self.total.value(), group("age_band"), group("gender"), group("occupation"))

    def save(self) -> None:
        data = self.value()
        try:
            data.validated()
            if self._amend and not self.reason.text().strip():
                raise ValidationError("reason", "กรุณาระบุเหตุผลของการแก้ไข", "Enter the reason for the amendment")
        except ValidationError as exc:
            show_field_error(self.error, exc, self._lang, self)
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        sid, sessions, amendments, reason = self._detail.id, self._sessions, self._amendments, self.reason.text()

        def work() -> SessionDetail:
            if self._amend and amendments is not None:
                amendments.amend_attendance(sid, data, reason)
            else:
                sessions.set_attendance(sid, data)
            return sessions.get(sid)
        self._tasks.run(work, self._saved, self._failed)

    def _saved(self, detail: SessionDetail) -> None:
        self.sig_saved.emit(detail)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_field_error(self.error, exc, self._lang, self)
