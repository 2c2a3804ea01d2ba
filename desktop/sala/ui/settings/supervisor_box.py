"""Settings ▸ Supervisor and retention: the supervisor PIN (set on first run, changed later) and
the retention period with its preview and purge.

Labels follow the UI language; what a user must act on (refusals, the preview, the outcome) is
said in Thai and English. The purge is a supervisor act even inside settings (the unlocked
window may have ended while the dialog was open), is confirmed after a preview, and runs on the
task runner in one transaction (``RetentionService.run``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sala.domain.counts import count_en
from sala.domain.thaidate import format_date
from sala.services import supervisor_pin as sp
from sala.services.retention import MONTHS_MAX, Preview, RunResult
from sala.ui.common.errors import bilingual, show_error
from sala.ui.common.supervisor_guard import SetPinDialog, require_supervisor

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner


def _size(n: int) -> str:
    if n < 1000:
        return f"{max(0, n)} B"
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n // 1000} kB"


def preview_text(p: Preview, lang: str) -> str:
    """What a purge would do, in both languages (the UI's first)."""
    if not p.sessions:
        th = f"ไม่มีเวทีที่ส่งถึงแพลตฟอร์มและได้รับการยืนยันเกิน {p.months} เดือน ไม่มีอะไรถูกลบ"
        en = f"No session was acknowledged by the platform more than {p.months} months ago: nothing to purge."
    else:
        names = "\n".join(f"• {format_date(c.session_date, lang)} {c.title} ({c.records})" for c in p.sessions[:12])
        more = f"\n… +{len(p.sessions) - 12}" if len(p.sessions) > 12 else ""
        th = (f"จะลบสำเนาในเครื่องของ {len(p.sessions)} เวที รวม {p.records} รายการ ประมาณ {_size(p.bytes)} "
              "(ความคิดเห็น บันทึก ข้อมูลติดต่อ ภาพ) เก็บจำนวนและสรุปไว้")
        en = (f"Purges the local copies of {count_en(len(p.sessions), 'session', 'sessions')}: "
              f"{count_en(p.records, 'record', 'records')}, about {_size(p.bytes)} "
              "(contributions, observations, contacts, photos); counts and summaries are kept.")
        th, en = th + "\n" + names + more, en
    if p.waiting:
        th += f"\nเวทีเก่า {p.waiting} เวทียังส่งไม่ครบหรือยังไม่ได้รับการยืนยัน จะไม่ถูกลบ"
        en += f"\n{p.waiting} old sessions are not all acknowledged yet and are kept."
    return bilingual(th, en, lang, "\n\n")


class SupervisorBox(QGroupBox):
    sig_purged = Signal(object)
    """A retention run finished (its :class:`RunResult`)."""

    def __init__(self, services: Services, tasks: TaskRunner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.lang = services, tasks, lang
        self.setObjectName("supervisorBox")
        self.setTitle(self.tr("Supervisor and retention"))
        self.pin_state = QLabel()
        self.pin_state.setObjectName("pinState")
        self.pin_state.setWordWrap(True)
        self.pin_button = QPushButton()
        self.pin_button.setObjectName("setPinButton")
        self.pin_button.clicked.connect(self.set_pin)
        prow = QHBoxLayout()
        prow.addWidget(self.pin_state, 1)
        prow.addWidget(self.pin_button)
        self.months = QSpinBox()
        self.months.setObjectName("retentionMonths")
        self.months.setRange(0, MONTHS_MAX)
        self.months.setSpecialValueText(self.tr("off"))
        self.months.setSuffix(self.tr(" months"))
        self.months.setValue(services.retention.months() or 0)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.preview_button.setObjectName("retentionPreviewButton")
        self.preview_button.clicked.connect(self.show_preview)
        self.purge_button = QPushButton(self.tr("Purge now…"))
        self.purge_button.setObjectName("retentionPurgeButton")
        self.purge_button.clicked.connect(self.purge)
        rrow = QHBoxLayout()
        rlabel = QLabel(self.tr("Purge sessions acknowledged more than"))
        rlabel.setToolTip(self.tr("Contributions, observations, contacts and photos of sessions the central platform "
                                  "acknowledged longer ago go; counts and summaries stay; nothing unsent is purged"))
        rlabel.setWordWrap(True)
        rrow.addWidget(rlabel, 1)
        rrow.addWidget(self.months)
        rrow.addWidget(self.preview_button)
        rrow.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(prow)
        layout.addLayout(rrow)
        self.months.valueChanged.connect(self._months_changed)
        self.refresh()
        self.box: QMessageBox | None = None

    def refresh(self) -> None:
        if self.services.supervisor.is_set():
            self.pin_state.setText(self.tr("A supervisor PIN is set"))
            self.pin_state.setToolTip("")
            self.pin_state.setStyleSheet("")
            self.pin_button.setText(self.tr("Change PIN…"))
        else:
            self.pin_state.setText(
                self.tr("No supervisor PIN yet — erasure and retention are refused until one is set"))
            self.pin_state.setStyleSheet("color: #8a4b00;")
            self.pin_button.setText(self.tr("Set PIN…"))
        self._months_changed(self.months.value())

    def _months_changed(self, value: int) -> None:
        self.preview_button.setEnabled(value > 0)
        self.purge_button.setEnabled(value > 0)

    def chosen_months(self) -> int | None:
        return self.months.value() or None

    # -- the PIN ------------------------------------------------------------------------------
    def set_pin(self) -> None:
        pins = self.services.supervisor
        if pins.is_set() and not require_supervisor(self, pins, sp.SETTINGS, self.lang, self.tasks):
            return
        self.pin_dialog = SetPinDialog(pins, self.lang, self.tasks, self)
        self.pin_dialog.accepted.connect(self.refresh)
        self.pin_dialog.finished.connect(self.pin_dialog.deleteLater)
        self.pin_dialog.open()

    # -- retention ----------------------------------------------------------------------------
    def show_preview(self) -> None:
        months, retention = self.months.value(), self.services.retention
        self.tasks.run(lambda: retention.preview(months), self._previewed, self._failed)

    def _previewed(self, preview: Preview) -> None:
        self._message(QMessageBox.Icon.Information, preview_text(preview, self.lang))

    def purge(self) -> None:
        if not require_supervisor(self, self.services.supervisor, sp.RETENTION, self.lang, self.tasks):
            return
        months, retention = self.months.value(), self.services.retention
        self.tasks.run(lambda: retention.preview(months), self._confirm, self._failed)

    def _confirm(self, preview: Preview) -> None:
        if not preview.sessions:
            self._previewed(preview)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Sala", preview_text(preview, self.lang),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("retentionConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Purge"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        months, retention, role = preview.months, self.services.retention, self.services.supervisor.role()
        self.purge_button.setEnabled(False)
        self.tasks.run(lambda: retention.run(months, role=role), self._purged, self._failed)

    def _purged(self, result: RunResult) -> None:
        self.purge_button.setEnabled(True)
        n = len(result.preview.sessions)
        records, files = result.preview.records, result.files_removed
        text = bilingual(f"ลบสำเนาในเครื่องของ {n} เวทีแล้ว ({records} รายการ, ภาพ {files} ไฟล์)",
                         f"Purged the local copies of {count_en(n, 'session', 'sessions')} "
                         f"({count_en(records, 'record', 'records')}, {count_en(files, 'photo file', 'photo files')})",
                         self.lang, "\n\n")
        if result.file_errors:
            text += "\n\n" + "\n".join(result.file_errors)
        self._message(QMessageBox.Icon.Information, text)
        self.sig_purged.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.purge_button.setEnabled(self.months.value() > 0)
        show_error(self, exc, self.lang)

    def _message_closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None

    def _message(self, icon: QMessageBox.Icon, text: str) -> None:
        box = QMessageBox(icon, "Sala", text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("retentionMessage")
        box.finished.connect(self._message_closed)
        self.box = box
        box.open()
