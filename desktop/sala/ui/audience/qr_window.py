"""The join screen for the projector: a QR code per address, the address and the join code, large.

Someone at the back of the hall either scans the code or types the address shown under it and
then the short join code; both are sized from the screen's height, so they read the same on a
1366x768 laptop and on a 1920x1080 projector.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from sala.ui.audience.projector import ProjectorWindow
from sala.ui.audience.qr_code import QrWidget


def _sized(label: QLabel, px: int, bold: bool = False) -> None:
    f = QFont(label.font())
    f.setPixelSize(max(10, px))
    f.setBold(bold)
    label.setFont(f)


class QrWindow(ProjectorWindow):
    """Full-screen join screen: ``set_join(urls, code, title)`` fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audienceQrWindow")
        self.setWindowTitle(self.tr("Sala — join from your phone"))
        self.heading = QLabel(self.tr("Scan with your phone's camera to take part"))
        self.heading.setObjectName("qrHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.session_title = QLabel()
        self.session_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.session_title.setWordWrap(True)
        self.codes_row = QHBoxLayout()
        self.codes_row.setSpacing(48)
        self.qr_widgets: list[QrWidget] = []
        self.address_labels: list[QLabel] = []
        self.join_label = QLabel()
        self.join_label.setObjectName("qrJoinCode")
        self.join_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.join_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.privacy = QLabel(self.tr("No name, phone number or e-mail is asked. Nothing needs the internet."))
        self.privacy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.privacy.setWordWrap(True)
        self.hint = QLabel(self.tr("Esc closes this screen; audience mode keeps running."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setStyleSheet("color: #777777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.session_title)
        layout.addLayout(self.codes_row, 1)
        layout.addWidget(self.join_label)
        layout.addWidget(self.privacy)
        layout.addWidget(self.hint)
        self._code = ""

    def set_join(self, links: Sequence[tuple[str, str]], join_code: str, title: str = "") -> None:
        """Show, per network, a QR code of its join link and the address to type; and the join code.

        ``links``: (what the QR code holds: the address with the join code, the address shown)."""
        while self.codes_row.count():
            item = self.codes_row.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.deleteLater()
        self.qr_widgets, self.address_labels = [], []
        for link, url in links:
            column = QWidget()
            lay = QVBoxLayout(column)
            lay.setContentsMargins(0, 0, 0, 0)
            qr = QrWidget(link)
            address = QLabel(url)
            address.setObjectName("qrAddress")
            address.setAlignment(Qt.AlignmentFlag.AlignCenter)
            address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            lay.addWidget(qr, 1)
            lay.addWidget(address)
            self.codes_row.addWidget(column, 1)
            self.qr_widgets.append(qr)
            self.address_labels.append(address)
        self._code = join_code
        self.join_label.setText(self.tr("Join code: %1").replace("%1", join_code))
        self.session_title.setText(title)
        self.session_title.setVisible(bool(title))
        self._fit_text()

    def join_code(self) -> str:
        return self._code

    def resizeEvent(self, event: QResizeEvent) -> None:  # Qt name
        super().resizeEvent(event)
        self._fit_text()

    def _fit_text(self) -> None:
        """Type sized from the window's height: readable from the back of the room."""
        h = max(300, self.height())
        _sized(self.heading, h // 22, bold=True)
        _sized(self.session_title, h // 32)
        for label in self.address_labels:
            _sized(label, h // (20 if len(self.address_labels) == 1 else 28), bold=True)
        _sized(self.join_label, h // 11, bold=True)
        _sized(self.privacy, h // 40)
        _sized(self.hint, h // 55)
