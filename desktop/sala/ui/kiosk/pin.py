"""The kiosk PIN pad: set the kiosk PIN on first use (typed twice), ask for a PIN to leave.

A touch keypad with big keys, plus the keyboard. Only 0–9 are taken (what the keypad types).
Leaving asks for the supervisor PIN once one is set, else the kiosk PIN (``KioskExit``). Wrong
PINs are said so in Thai and English, and the wait before the next try counts down on the pad,
its keys greyed meanwhile.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sala.domain.errors import SalaError
from sala.services.kiosk_pin import KioskPin, PinChecker
from sala.services.supervisor_pin import ascii_digits
from sala.ui.common.errors import ERROR_STYLE, bilingual, error_text
from sala.ui.common.supervisor_guard import TICK_MS, wait_text
from sala.ui.kiosk.faces import big_button

WRONG_PIN = ("รหัส PIN ไม่ถูกต้อง กรุณาลองใหม่", "Wrong PIN, try again")


class PinDialog(QDialog):
    """``mode`` "set": choose the kiosk PIN and confirm it; "verify": check ``checker`` (accept() when right)."""

    def __init__(self, pins: KioskPin, mode: str, lang: str, parent: QWidget | None = None,
                 checker: PinChecker | None = None, supervisor: bool = False) -> None:
        super().__init__(parent)
        self._pins = pins
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
        """While a wait runs after wrong PINs: count it down and grey the keys."""
        left = self._checker.wait_remaining()
        waiting = left > 0
        self.countdown.setVisible(waiting)
        if waiting:
            self.countdown.setText(wait_text(left, self._lang))
        self._fit()
        self.entry.setEnabled(not waiting)
        for key in self.keys.values():
            key.setEnabled(not waiting)

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
        if self._mode == "verify":
            if not pin:
                return
            result = self._checker.check(pin)
            if result.ok:
                self.timer.stop()
                self.accept()
                return
            if not result.refused:
                self._say(*WRONG_PIN)
            self.tick()
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
        try:
            self._pins.set(self._first, pin)
        except SalaError as exc:
            self._first = None
            self._set_prompt()
            self.message.setText(error_text(exc, self._lang))
            return
        self.accept()
