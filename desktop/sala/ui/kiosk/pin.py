"""The kiosk PIN pad: set the kiosk PIN on first use (typed twice), ask for a PIN to leave.

A touch keypad with big keys, plus the keyboard. Only 0–9 are taken (what the keypad types).
Leaving asks for the supervisor PIN once one is set, else the kiosk PIN (``KioskExit``). Wrong
PINs are said so in Thai and English, and the wait before the next try counts down on the pad,
its keys greyed meanwhile. A PIN is checked (and a new one hashed and kept) on the one writer
(:class:`~sala.ui.common.tasks.TaskRunner`), not on the UI thread: a key derivation takes a
noticeable moment, and the pad's keys are greyed until the answer comes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sala.services.kiosk_pin import KioskPin, PinChecker
from sala.services.pin_backoff import Attempt
from sala.services.supervisor_pin import ascii_digits
from sala.ui.common.errors import ERROR_STYLE, bilingual
from sala.ui.common.supervisor_guard import TICK_MS, failed_text, wait_text, while_alive
from sala.ui.common.tasks import TaskRunner
from sala.ui.kiosk.faces import big_button

WRONG_PIN = ("รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่", "Wrong PIN, try again")


class PinDialog(QDialog):
    """``mode`` "set": choose the kiosk PIN and confirm it; "verify": check ``checker`` (accept() when right)."""

    def __init__(self, pins: KioskPin, mode: str, lang: str, tasks: TaskRunner, parent: QWidget | None = None,
                 checker: PinChecker | None = None, supervisor: bool = False) -> None:
        super().__init__(parent)
        self._pins = pins
        self._tasks = tasks
        self.busy = False
        """A PIN is being checked or kept on the writer: keys greyed, Cancel waits for the answer."""
        self._checker: PinChecker = checker or pins
        self._supervisor = supervisor
        self._mode = mode
        self._lang = lang
        self._first: str | None = None
        self.setWindowTitle("Sala")
        self.setModal(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = self.prompt.font()
        f.setPointSize(f.pointSize() + 3)
        self.prompt.setFont(f)
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setMaxLength(12)
        self.entry.setMinimumHeight(56)
        self.entry.setFont(f)
        self.entry.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet(ERROR_STYLE)
        self.entry.textEdited.connect(self.message.clear)  # an old refusal goes once typing starts
        self.countdown = QLabel()
        self.countdown.setObjectName("kioskPinCountdown")
        self.countdown.setWordWrap(True)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.countdown.hide()
        pad = QGridLayout()
        self.keys: dict[str, QWidget] = {}
        for i, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            b = big_button(self.tr("Confirm") if key == "OK" else key, height=72)
            b.clicked.connect(lambda _=False, k=key: self._key(k))
            self.keys[key] = b
            pad.addWidget(b, i // 3, i % 3)
        cancel = big_button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self._cancel = cancel
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.entry)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)
        layout.addLayout(pad)
        layout.addWidget(cancel)
        self.setMinimumWidth(420)
        self._set_prompt()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        if mode == "verify":
            self.timer.start()
            self.tick()

    def tick(self) -> None:
        """While a wait runs after wrong PINs: count it down and grey the keys (also while a PIN
        is being checked)."""
        left = self._checker.wait_remaining() if self._mode == "verify" else 0.0
        waiting = left > 0
        self.countdown.setVisible(waiting)
        if waiting:
            self.countdown.setText(wait_text(left, self._lang))
        self._fit()
        usable = not waiting and not self.busy
        self.entry.setEnabled(usable)
        for key in self.keys.values():
            key.setEnabled(usable)
        self._cancel.setEnabled(not self.busy)

    def _set_prompt(self) -> None:
        if self._mode == "verify" and self._supervisor:
            text = self.tr("Enter the supervisor PIN to leave kiosk mode")
        elif self._mode == "verify":
            text = self.tr("Enter the kiosk PIN to leave kiosk mode")
        elif self._first is None:
            text = self.tr("Choose a kiosk PIN (4–12 digits). It is needed to leave kiosk mode.")
        else:
            text = self.tr("Enter the same PIN again")
        self.prompt.setText(text)

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.entry.backspace()
        elif key == "OK":
            self.submit()
        else:
            self.entry.insert(key)

    def _say(self, th: str, en: str) -> None:
        self.message.setText(bilingual(th, en, self._lang))
        self._fit()

    def _fit(self) -> None:
        """Grow to hold what is said: a wrong PIN's two lines and the countdown squeezed the keypad
        into overlapping keys before (seen in the lead's walk-through at 1366x768)."""
        layout = self.layout()
        if layout is None:
            return
        def needed() -> int:
            layout.activate()
            return max(layout.totalMinimumSize().height(),
                       layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0)

        need = needed()
        screen = self.screen()
        avail = screen.availableGeometry() if screen is not None else None
        room = avail.height() - 40 if avail is not None else need  # less the frame's title bar
        if need > room and avail is not None:  # a 1024x600 kiosk: first wider, so the messages take fewer lines
            self.resize(max(self.width(), min(avail.width() - 40, 680)), self.height())
            need = needed()
        if need > room:  # then the keys give up height (never below a fingertip's 44 px)
            rows = [*self.keys.values(), self._cancel]
            key_h = max(44, rows[0].minimumHeight() - math.ceil((need - room) / 5))  # 4 rows of keys, Cancel
            for b in rows:
                b.setMinimumHeight(key_h)
            need = needed()
        if self.height() < need or self.height() > room:
            self.resize(self.width(), need)
        if avail is not None and not avail.contains(self.frameGeometry()):  # grown past the screen's edge
            frame = self.frameGeometry()
            frame.moveCenter(avail.center())
            self.move(frame.topLeft())

    def submit(self) -> None:
        pin = self.entry.text()
        self.entry.clear()
        if self.busy:
            return
        if self._mode == "verify":
            if not pin:
                return
            checker = self._checker
            self._run(lambda: checker.check(pin), self._checked)
            return
        if self._first is None:
            if not ascii_digits(pin) or not 4 <= len(pin) <= 12:
                self._say("รหัส PIN ต้องเป็นเลข 0–9 จำนวน 4–12 หลัก (ไม่ใช่เลขไทย)",
                          "The PIN must be 4–12 of the digits 0–9 (not Thai digits)")
                return
            self._first = pin
            self.message.clear()
            self._set_prompt()
            return
        pins, first = self._pins, self._first
        self._run(lambda: pins.set(first, pin), lambda _none: self.accept())

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """``work`` on the writer, the pad greyed until ``done`` (or the refusal) on the UI thread."""
        self.busy = True
        self.tick()

        def finished(value: Any) -> None:
            self.busy = False
            self.tick()
            done(value)

        self._tasks.run(work, while_alive(self, finished), while_alive(self, self._failed))

    def _checked(self, result: Attempt) -> None:
        if result.ok:
            self.timer.stop()
            self.accept()
        elif not result.refused:
            self._say(*WRONG_PIN)

    def _failed(self, exc: BaseException) -> None:
        """A new PIN refused (the two differ), or a check that could not run: said, start over."""
        self.busy = False
        if self._mode != "verify":
            self._first = None
            self._set_prompt()
        self.message.setText(failed_text(exc, self._lang))
        self.tick()

    def reject(self) -> None:
        if not self.busy:  # Cancel or Esc during a check: its answer (perhaps "right") comes first
            super().reject()
