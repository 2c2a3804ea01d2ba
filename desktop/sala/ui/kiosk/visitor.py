"""Kiosk mode: the full-screen page a visitor uses alone, by touch.

Rate with a face, tap up to three proposals (dot-votes), optionally a comment and an age band,
then Save: the entry is committed on the writer thread, the visitor is thanked and the form is
clean for the next one. Escape or closing the window does nothing; leaving needs the supervisor
PIN.

The kiosk fills whatever screen it is on, from 1024x600 to 1920x1080: no scrolling, every
button on the screen; the faces take the room that is left, proposals wrap their text.
A refused entry asks the visitor to call staff; why it was refused goes to the staff page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QScreen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import enums as e
from sala.services.exhibition import COMMENT_MAX
from sala.services.kiosk_pin import KioskExit
from sala.ui.common.errors import ERROR_STYLE
from sala.ui.common.tasks import TaskRunner
from sala.ui.kiosk.faces import FaceButton, WrapButton, big_button, face_words
from sala.ui.kiosk.pin import PinDialog

DOTS = 3          # dot-votes per visitor
THANKS_MS = 3000  # how long the thank-you stays up (the form is usable meanwhile)


class KioskVisitor(QWidget):
    sig_visit_saved = Signal(str)
    """A visitor's entry was committed; carries the rating id (staff tally refreshes)."""
    sig_exited = Signal()
    """The supervisor entered the PIN and kiosk mode ended."""
    sig_refused = Signal(object)
    """A visitor's entry was not saved; carries the exception (for staff: the visitor only sees
    a request to call staff)."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self._unlocked = False
        self._saving = False
        self.pin_dialog: PinDialog | None = None
        self.setWindowTitle("Sala")
        # Style sheets stop font inheritance, so the kiosk's large type is set here for all.
        self.setStyleSheet("KioskVisitor { background: white; } QPushButton, QLabel, QLineEdit { font-size: 16pt; }"
                           "QLabel#kioskTitle, QLabel#kioskThanks { font-size: 24pt; font-weight: bold; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        big = QFont(self.font())
        big.setPointSize(big.pointSize() + 8)
        big.setBold(True)
        mid = QFont(self.font())
        mid.setPointSize(mid.pointSize() + 3)
        self.setFont(mid)

        self.title = QLabel(self.tr("How did you like this exhibition?"))
        self.title.setObjectName("kioskTitle")
        self.title.setFont(big)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.thanks = QLabel()
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks.setObjectName("kioskThanks")
        self.thanks.setFont(big)
        self.thanks.setWordWrap(True)
        self.thanks.setStyleSheet("color: #2e7d32;")
        # The thanks takes the title's place for a moment: no row kept empty for it.
        self.banner = QStackedWidget()
        self.banner.addWidget(self.title)
        self.banner.addWidget(self.thanks)
        self.banner.setMinimumHeight(int(self.title.fontMetrics().height() * 1.5))
        self.staff_button = QPushButton(self.tr("Staff"))
        self.staff_button.setObjectName("kioskExitButton")
        self.staff_button.setToolTip(self.tr("Leave kiosk mode (supervisor PIN)"))
        self.staff_button.setFlat(True)
        self.staff_button.setMinimumSize(96, 48)
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.clicked.connect(self.ask_pin)
        head = QHBoxLayout()
        head.addWidget(self.banner, 1)
        head.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignTop)

        captions = face_words()
        self.faces = QButtonGroup(self)
        faces_row = QHBoxLayout()
        for score in range(1, 6):
            b = FaceButton(score, captions[score])
            b.setObjectName(f"kioskFace{score}")
            self.faces.addButton(b, score)
            faces_row.addWidget(b)
        self.faces.idToggled.connect(lambda *_: self._update())

        self.votes_label = QLabel()
        self.votes_label.setObjectName("kioskVotesLabel")
        self.votes_label.setWordWrap(True)
        self.proposal_buttons: dict[str, QAbstractButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        proposals = services.exhibition.proposals(session_id)
        columns = 2 if len(proposals) in (2, 4) else 3
        narrowest = 440 if columns == 2 else 290  # the tiles of a row side by side fit 1024 pixels
        for i, p in enumerate(proposals):
            tile = WrapButton(p.label(lang), checkable=True, min_width=narrowest)
            tile.setObjectName(f"kioskProposal{i + 1}")
            tile.toggled.connect(lambda _on, tile=tile: self._vote_toggled(tile))
            self.proposal_buttons[p.id] = tile
            grid.addWidget(tile, i // columns, i % columns)
        for c in range(columns):
            grid.setColumnStretch(c, 1)

        self.comment = QLineEdit()
        self.comment.setObjectName("kioskComment")
        self.comment.setMaxLength(COMMENT_MAX)
        self.comment.setPlaceholderText(self.tr("A short comment (optional)"))
        self.comment.setMinimumHeight(int(self.fontMetrics().height() * 2.2))
        self.save_button = big_button(self.tr("Send"), height=64)
        self.save_button.setObjectName("kioskSend")
        self.save_button.setMinimumWidth(180)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.save_button.setStyleSheet(self.save_button.styleSheet() + "QPushButton:enabled { background: #2e7d32; "
                                       "color: white; border-color: #2e7d32; }")
        self.save_button.clicked.connect(self.save)
        send_row = QHBoxLayout()
        send_row.addWidget(self.comment, 1)
        send_row.addWidget(self.save_button)

        self.age_buttons: dict[e.AgeBand, QPushButton] = {}
        ages = QHBoxLayout()
        age_label = QLabel(self.tr("Your age (optional)"))
        age_label.setWordWrap(True)
        ages.addWidget(age_label, 1)
        for band in e.AgeBand:
            if band == e.AgeBand.NOT_STATED:
                continue
            age = big_button(band.label(lang), checkable=True)
            age.setObjectName(f"kioskAge_{band.value}")
            age.toggled.connect(lambda on, band=band: self._age_toggled(band, on))
            self.age_buttons[band] = age
            ages.addWidget(age, 1)
        self.error = QLabel()
        self.error.setObjectName("kioskError")
        self.error.setWordWrap(True)
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 16)
        layout.setSpacing(8)  # every row fits a 1024x600 screen; the faces take what is left
        layout.addLayout(head)
        layout.addLayout(faces_row, 1)
        layout.addWidget(self.votes_label)
        layout.addLayout(grid)
        layout.addLayout(ages)
        layout.addLayout(send_row)
        layout.addWidget(self.error)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.timeout.connect(self._thanks_over)
        self.reset()

    # -- the visitor's entry ------------------------------------------------------------------
    def score(self) -> int | None:
        n = self.faces.checkedId()
        return n if n > 0 else None

    def chosen_proposals(self) -> list[str]:
        return [pid for pid, b in self.proposal_buttons.items() if b.isChecked()]

    def chosen_age(self) -> e.AgeBand | None:
        return next((band for band, b in self.age_buttons.items() if b.isChecked()), None)

    def save(self) -> None:
        score = self.score()
        if score is None or self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        args = (self._session_id, score, self.chosen_proposals(), self.comment.text(), self.chosen_age())
        ex = self._services.exhibition
        self._tasks.run(lambda: ex.record_visit(*args), self._saved, self._failed)

    def _saved(self, rating_id: str) -> None:
        self._saving = False
        self.reset()
        self.thanks.setText(self.tr("Thank you! Your opinion has been recorded."))
        self.banner.setCurrentWidget(self.thanks)
        self._thanks_timer.start(THANKS_MS)
        self.sig_visit_saved.emit(rating_id)

    def _thanks_over(self) -> None:
        self.thanks.clear()
        self.banner.setCurrentWidget(self.title)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update()  # the choices stay, so a second tap can retry
        # A visitor never reads a staff message (closed session, disk full…): staff do, on their page.
        self.error.setText("ขออภัย ยังบันทึกความเห็นไม่ได้ กรุณาแจ้งเจ้าหน้าที่\n"
                           "Sorry, your opinion could not be saved — please tell a member of staff.")
        self.error.show()
        self.sig_refused.emit(exc)

    def reset(self) -> None:
        """A clean form for the next visitor."""
        self.faces.setExclusive(False)
        for b in self.faces.buttons():
            b.setChecked(False)
        self.faces.setExclusive(True)
        for b in [*self.proposal_buttons.values(), *self.age_buttons.values()]:
            b.setChecked(False)
        self.comment.clear()
        self.error.clear()
        self.error.hide()
        self._update()

    def fit_to_screen(self, screen: QScreen | None = None) -> int:
        """Shrink the proposals' type (16 pt down to 11 pt) until every row fits ``screen``'s height:
        many long proposals on a 1024x600 screen otherwise push Send off the bottom. Returns the
        point size chosen; bigger screens keep 16 pt."""
        screen = screen or self.screen()
        tiles = [b for b in self.proposal_buttons.values() if isinstance(b, WrapButton)]
        size = 16
        lay = self.layout()
        if screen is None or not tiles or lay is None:
            return size
        room = screen.geometry().height()
        for size in range(16, 10, -1):
            for tile in tiles:
                tile.set_point_size(size)
            lay.invalidate()
            lay.activate()
            if lay.totalMinimumSize().height() <= room:
                break
        return size

    def showEvent(self, event: QShowEvent) -> None:  # Qt name
        self.fit_to_screen()
        super().showEvent(event)

    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on ``screen`` (the staff page's), whatever its size."""
        if screen is not None:
            self.setScreen(screen)
            self.move(screen.availableGeometry().topLeft())
        self.fit_to_screen(screen)
        self.showFullScreen()

    def _vote_toggled(self, button: QAbstractButton) -> None:
        if button.isChecked() and len(self.chosen_proposals()) > DOTS:
            button.setChecked(False)  # out of dots: the tap is undone, the count says why
        self._update()

    def _age_toggled(self, band: e.AgeBand, on: bool) -> None:
        if on:
            for other, b in self.age_buttons.items():
                if other != band and b.isChecked():
                    b.setChecked(False)

    def _update(self) -> None:
        left = DOTS - len(self.chosen_proposals())
        self.votes_label.setText(self.tr("Tap the proposals you support — %1 of %2 dots left")
                                 .replace("%1", str(left)).replace("%2", str(DOTS)))
        self.votes_label.setVisible(bool(self.proposal_buttons))
        self.save_button.setEnabled(self.score() is not None and not self._saving)
        for b in self.faces.buttons():
            b.update()

    # -- staying in kiosk mode ----------------------------------------------------------------
    def ask_pin(self) -> None:
        sv = self._services
        exit_check = KioskExit(sv.db, sv.supervisor, sv.kiosk_pin, self._session_id)
        self.pin_dialog = PinDialog(sv.kiosk_pin, "verify", self._lang, self._tasks, self, checker=exit_check,
                                    supervisor=exit_check.uses_supervisor)
        self.pin_dialog.accepted.connect(self.leave)
        self.pin_dialog.open()

    def leave(self) -> None:
        if self._unlocked:
            return  # left already (a PIN pad's late answer)
        self._unlocked = True
        pad = self.pin_dialog
        if pad is not None and pad.isVisible():  # not left by its Confirm: the pad goes with the kiosk
            pad.timer.stop()
            pad.done(QDialog.DialogCode.Rejected)
        self.sig_exited.emit()  # first: the staff window shows again before this, the last one, closes
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt name
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # a visitor cannot leave kiosk mode by keyboard
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # Qt name
        if self._unlocked:
            super().closeEvent(event)
        else:
            event.ignore()
            self.ask_pin()
