"""The "Audience mode" button a session page shows; the shell's audience controller drives it.

The page only places it and says whether its session can take phones now (a draft or open
session can; a closed or finalized one cannot, and the tooltip says why). What pressing it does
(ask for the network, start the server, show the QR) belongs to the controller, which lives as
long as the window, not the page: a language switch rebuilds the page, the server keeps running.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from sala.domain import enums as e


class AudienceButton(QPushButton):
    """Checkable: checked while this session's audience mode runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audienceButton")
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(int(self.fontMetrics().height() * 1.8))
        self._status = e.SessionStatus.OPEN
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        """Say whether the mode runs (the controller calls this)."""
        self.setChecked(running)
        self.setText(self.tr("Audience mode: on") if running else self.tr("Audience mode (phones)…"))
        self.set_status(self._status)

    def set_status(self, status: e.SessionStatus) -> None:
        """Enabled while the session takes entries (draft or open), or while the mode runs (to stop it)."""
        self._status = status
        can = status in (e.SessionStatus.DRAFT, e.SessionStatus.OPEN)
        self.setEnabled(can or self.isChecked())
        self.setToolTip(self.tr("Participants join from their phones by a QR code and send opinions, questions "
                                "and votes; you accept each one") if can else
                        self.tr("Audience mode needs an open session: reopen it first"))
