"""The supervisor guard on the Qt side: ``require_supervisor(parent, pins, act, lang) -> bool``.

Each guarded place calls it before the act and goes ahead only on True:

- unlocked (a right PIN less than two minutes ago): True at once;
- no PIN set yet: True for acts that can be undone or corrected (the status bar says no PIN is
  set), False with a message for the irreversible ones (erasure, retention);
- otherwise the PIN dialog: a wrong PIN says so and the wait before the next try counts down
  on screen, in Thai and English, the keys greyed until it ends (the wait survives a restart,
  it is in the database). Cancel answers False.

Checking a PIN derives a key (scrypt, ~0.15 s) and writes the count of wrong tries: it runs on the
one writer (:class:`~sala.ui.common.tasks.TaskRunner`), never on the UI thread; the keys are greyed
while it runs, and the dialog stays until its answer arrives. Setting a PIN (a hash too) likewise.

:class:`SupervisorStatus` sits in the status bar: "no supervisor PIN" until one is set, then
"supervisor unlocked m:ss" with a Lock button while the window is open.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sala.domain.errors import SalaError
from sala.services import audit
from sala.services import supervisor_pin as sp
from sala.services.pin_backoff import Attempt
from sala.services.supervisor_pin import SupervisorPin
from sala.ui.common.errors import ERROR_STYLE, bilingual, error_text
from sala.ui.common.tasks import TaskRunner

TICK_MS = 250

ACT_NAMES: dict[str, tuple[str, str]] = {
    sp.AMEND_FINALIZED: ("แก้ไขเวทีที่ยืนยันแล้ว", "correct a finalized session"),
    sp.DELETE: ("ลบข้อมูล", "delete"),
    sp.SETTINGS: ("เปิดการตั้งค่า", "open the settings"),
    sp.KIOSK_EXIT: ("ออกจากโหมดตู้", "leave kiosk mode"),
    sp.BUNDLE_IMPORT: ("นำเข้าแฟ้มส่งข้อมูลจาก USB", "import a USB bundle"),
    sp.ERASE: ("ลบข้อมูลส่วนบุคคลของผู้ร่วม", "erase a participant's personal data"),
    sp.RETENTION: ("ลบสำเนาเวทีเก่าตามระยะเวลาเก็บ", "purge old sessions (retention)"),
    audit.REFUSAL_DISMISS: ("ปัดตกข้อมูลส่งต่อที่ระบบกลางไม่รับ", "dismiss refused forwards"),
}


def act_name(act: str, lang: str) -> str:
    th, en = ACT_NAMES.get(act, (act, act))
    return th if lang == "th" else en


def wait_text(seconds: float, lang: str) -> str:
    """The countdown, in both languages: whole seconds, rounded up (never "0 s" while waiting)."""
    n = max(1, math.ceil(seconds))
    return bilingual(f"ใส่รหัสผิดหลายครั้ง กรุณารอ {n} วินาทีก่อนลองอีกครั้ง",
                     f"Too many wrong PINs: wait {n} s before trying again", lang)


def wrong_text(attempt: Attempt, lang: str) -> str:
    return bilingual("รหัส PIN ไม่ถูกต้อง", "Wrong PIN", lang)


def failed_text(exc: BaseException, lang: str) -> str:
    """A check that could not run (the disk, a locked file): said, the PIN not counted as right."""
    if isinstance(exc, SalaError):
        return error_text(exc, lang)
    return bilingual("ตรวจรหัส PIN ไม่ได้ (รายละเอียดอยู่ในไฟล์บันทึก) กรุณาลองอีกครั้ง",
                     "The PIN could not be checked (details are in the log); try again", lang)


def while_alive(widget: QWidget, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """``fn`` for a task's answer, skipped when ``widget`` was deleted while the task ran."""
    return lambda value: fn(value) if shiboken6.isValid(widget) else None


class SupervisorPinDialog(QDialog):
    """Ask for the supervisor PIN before ``act``; accept() when right."""

    def __init__(self, pins: SupervisorPin, act: str, lang: str, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorPinDialog")
        self._pins, self._act, self._lang, self._tasks = pins, act, lang, tasks
        self.checking = False
        """A PIN is being checked on the writer: keys greyed, Cancel waits for the answer."""
        self.setWindowTitle(bilingual("รหัส PIN หัวหน้างาน", "Supervisor PIN", lang, " / "))
        self.setModal(True)
        self.prompt = QLabel(bilingual(f"การ{act_name(act, 'th')}ต้องใช้รหัส PIN หัวหน้างาน",
                                       f"To {act_name(act, 'en')}, enter the supervisor PIN", lang))
        self.prompt.setWordWrap(True)
        self.entry = QLineEdit()
        self.entry.setObjectName("supervisorPinEntry")
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setMaxLength(sp.PIN_MAX)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("supervisorPinMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.countdown = QLabel()
        self.countdown.setObjectName("supervisorPinCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(bilingual("ตกลง", "OK", lang, " / "))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(bilingual("ยกเลิก", "Cancel", lang, " / "))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    def tick(self) -> None:
        """Show the wait (read from the database: a restart keeps it) and grey the keys meanwhile."""
        left = self._pins.wait_remaining()
        waiting = left > 0
        self.countdown.setVisible(waiting)
        if waiting:
            self.countdown.setText(wait_text(left, self._lang))
        usable = not waiting and not self.checking
        self.entry.setEnabled(usable)
        self.ok_button.setEnabled(usable)
        if usable and not self.entry.hasFocus() and self.isVisible():
            self.entry.setFocus()

    def submit(self) -> None:
        pin = self.entry.text()
        self.entry.clear()
        if not pin or self.checking:
            return
        self.checking = True
        self.message.clear()
        self.tick()
        pins = self._pins
        self._tasks.run(lambda: pins.check(pin), while_alive(self, self._checked), while_alive(self, self._failed))

    def _checked(self, result: Attempt) -> None:
        self.checking = False
        if result.ok:
            self.timer.stop()
            self.accept()
            return
        if not result.refused:
            self.message.setText(wrong_text(result, self._lang))
        self.tick()

    def _failed(self, exc: BaseException) -> None:
        self.checking = False
        self.message.setText(failed_text(exc, self._lang))
        self.tick()

    def reject(self) -> None:
        if not self.checking:  # Cancel or Esc during a check: its answer (perhaps "right") comes first
            super().reject()


def require_supervisor(parent: QWidget | None, pins: SupervisorPin, act: str, lang: str, tasks: TaskRunner) -> bool:
    """May ``act`` go ahead? Asks for the supervisor PIN when needed (see the module's doc); the
    PIN is checked on ``tasks``, the one writer, while the dialog keeps the UI responsive."""
    if not pins.is_set():
        if pins.allows_without_pin(act):
            return True
        QMessageBox.warning(parent, "Sala", bilingual(
            f"ต้องตั้งรหัส PIN หัวหน้างานก่อน จึงจะ{act_name(act, 'th')}ได้ (การตั้งค่า ▸ หัวหน้างาน)",
            f"Set a supervisor PIN first (Settings ▸ Supervisor): it is needed to {act_name(act, 'en')}",
            lang, "\n\n"))
        return False
    if pins.is_unlocked():
        return True
    dialog = SupervisorPinDialog(pins, act, lang, tasks, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class SetPinDialog(QDialog):
    """Choose the supervisor PIN (typed twice); a refusal shows under the fields."""

    def __init__(self, pins: SupervisorPin, lang: str, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setSupervisorPinDialog")
        self._pins, self._lang, self._tasks = pins, lang, tasks
        self.saving = False
        """The new PIN is being hashed and written on the writer."""
        self.setWindowTitle(bilingual("ตั้งรหัส PIN หัวหน้างาน", "Set the supervisor PIN", lang, " / "))
        hint = QLabel(bilingual(f"เลข 0–9 จำนวน {sp.PIN_MIN}–{sp.PIN_MAX} หลัก ห้ามเลขซ้ำหรือเรียงกัน",
                                f"{sp.PIN_MIN}–{sp.PIN_MAX} of the digits 0–9, not one digit repeated nor a run",
                                lang))
        hint.setWordWrap(True)
        self.first = QLineEdit()
        self.first.setObjectName("newPinEntry")
        self.second = QLineEdit()
        self.second.setObjectName("confirmPinEntry")
        for w in (self.first, self.second):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setMaxLength(sp.PIN_MAX)
        self.second.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setObjectName("setPinMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(QLabel(bilingual("รหัส PIN ใหม่", "New PIN", lang, " / ")))
        layout.addWidget(self.first)
        layout.addWidget(QLabel(bilingual("ใส่ซ้ำอีกครั้ง", "The same PIN again", lang, " / ")))
        layout.addWidget(self.second)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def submit(self) -> None:
        if self.saving:
            return
        pins, first, second = self._pins, self.first.text(), self.second.text()
        self._set_saving(True)
        self._tasks.run(lambda: pins.set_pin(first, second), while_alive(self, self._saved),
                        while_alive(self, self._refused))

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        for w in (self.first, self.second, self.ok_button):
            w.setEnabled(not saving)

    def _saved(self, _none: None) -> None:
        self._set_saving(False)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._set_saving(False)
        self.message.setText(failed_text(exc, self._lang))
        self.first.clear()
        self.second.clear()
        self.first.setFocus()

    def reject(self) -> None:
        if not self.saving:
            super().reject()


class SupervisorStatus(QWidget):
    """The status bar's word on the supervisor: no PIN yet, or unlocked with a countdown and Lock."""

    def __init__(self, pins: SupervisorPin, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisorStatus")
        self._pins, self._lang = pins, lang
        self.label = QLabel()
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("supervisorLockButton")
        self.lock_button.clicked.connect(self.lock)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.lock_button)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def lock(self) -> None:
        self._pins.lock()
        self.refresh()

    def set_language(self, lang: str) -> None:
        """The shell switched language (its translators are already swapped)."""
        self._lang = lang
        self.lock_button.setText(self.tr("Lock"))
        self.refresh()

    def refresh(self) -> None:
        if not self._pins.is_set():
            # short: the status bar also holds the link state and the queue; the whole of it in the tooltip
            self.label.setText(self.tr("No supervisor PIN"))
            self.label.setToolTip(self.tr("No supervisor PIN yet — set one in Settings"))
            self.label.setStyleSheet("color: #8a4b00;")
            self.lock_button.hide()
            self.show()
            return
        left = self._pins.unlock_remaining()
        if left <= 0:
            self.hide()
            return
        n = math.ceil(left)
        clock = f"{n // 60}:{n % 60:02d}"
        self.label.setText(self.tr("Supervisor %1").replace("%1", clock))
        self.label.setToolTip(self.tr("Supervisor acts unlocked for %1; Lock ends it now").replace("%1", clock))
        self.label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.lock_button.show()
        self.show()
