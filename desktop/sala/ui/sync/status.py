"""The status-bar piece of sync: link state, what waits to be sent, last success, Sync now,
and a progress bar (records and bytes) while a run is going. Fed only by the controller's
signals, so it never blocks on the network or the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from sala.domain.clock import to_local
from sala.domain.thaidate import format_datetime
from sala.sync.messages import failure_reason, outcome_text
from sala.sync.run_report import Progress, RunReport
from sala.sync.service import SyncStatus
from sala.ui.sync.controller import SyncController


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} kB"


class SyncStatusWidget(QWidget):
    def __init__(self, controller: SyncController, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.link_label = QLabel()
        self.pending_label = QLabel()
        self.last_label = QLabel()
        self.reason_label = QLabel()
        """Why the last run failed, in the UI's language (hidden after a run that did not fail)."""
        self.reason_label.setObjectName("syncFailureReason")
        self.reason_label.setStyleSheet("color: #a4262c;")
        self.reason_label.hide()
        self._last_run: tuple[str, str] | None = None
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send finalized sessions to the central platform now"))
        self.sync_button.clicked.connect(controller.sync_now)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.link_label, self.pending_label, self.last_label, self.reason_label, self.progress,
                  self.sync_button):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignVCenter)
        controller.sig_status.connect(self.show_status)
        controller.sig_link.connect(self.show_link)
        controller.sig_progress.connect(self.show_progress)
        controller.sig_started.connect(self._started)
        controller.sig_finished.connect(self._finished)
        self._server_set = True   # until the first status says otherwise
        self._link: bool | None = None
        self.show_link(None)
        self.message = ""

    def retranslate(self, lang: str) -> None:
        """Say everything again in ``lang`` (the user switched the UI language)."""
        self.lang = lang
        if self.sync_button.isEnabled():
            self.sync_button.setText(self.tr("Sync now"))
        else:
            self.sync_button.setText(self.tr("Sending…"))
        self.sync_button.setToolTip(self.tr("Send finalized sessions to the central platform now"))
        self.show_link(self._link)
        self._show_reason()
        self.controller.refresh_status()

    def show_link(self, ok: bool | None) -> None:
        self._link = ok
        if ok is None:
            self.link_label.setText(self.tr("Link: checking…"))
        elif ok:
            self.link_label.setText(self.tr("● Online"))
        elif not self._server_set:
            self.link_label.setText(self.tr("○ Offline — no central platform set"))
        else:
            self.link_label.setText(self.tr("○ No link — working offline"))

    def show_status(self, st: SyncStatus) -> None:
        if self._server_set != bool(st.server_url):
            self._server_set = bool(st.server_url)
            self.show_link(self._link)
        if not st.enrolled:
            self.pending_label.setText(self.tr("Not enrolled: %1 waiting").replace("%1", str(st.pending)))
        elif st.reenroll_needed:
            self.pending_label.setText(self.tr("Enroll again to send (%1 waiting)").replace("%1", str(st.pending)))
        else:
            text = self.tr("%1 waiting to send").replace("%1", str(st.pending + st.forwarded_open))
            if st.quarantined:
                text += " · " + self.tr("%1 refused").replace("%1", str(st.quarantined))
            if st.photos_missing:
                text += " · " + self.tr("%1 photos missing").replace("%1", str(st.photos_missing))
            self.pending_label.setText(text)
        if st.last_success is not None:
            when = format_datetime(to_local(st.last_success), self.lang)
            self.last_label.setText(self.tr("Last sent: %1").replace("%1", when))
        else:
            self.last_label.setText(self.tr("Never sent"))

    def show_progress(self, p: Progress) -> None:
        self.progress.show()
        if p.phase == "photos":
            self.progress.setRange(0, max(1, p.blobs_total))
            self.progress.setValue(p.blobs_done)
            self.progress.setFormat(self.tr("Photos %1/%2").replace("%1", str(p.blobs_done))
                                    .replace("%2", str(p.blobs_total)))
        else:
            self.progress.setRange(0, max(1, p.records_total))
            self.progress.setValue(min(p.records_done, p.records_total))
            self.progress.setFormat(self.tr("%1/%2 records · %3").replace("%1", str(p.records_done))
                                    .replace("%2", str(p.records_total)).replace("%3", _mb(p.bytes_sent)))

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.sync_button.setText(self.tr("Sending…"))

    def _finished(self, report: RunReport) -> None:
        self.sync_button.setEnabled(True)
        self.sync_button.setText(self.tr("Sync now"))
        self.progress.hide()
        self._last_run = (str(report.outcome), report.detail or "")
        self._show_reason()

    def _show_reason(self) -> None:
        """The last run's outcome and its cause, in the UI's language: the label says the cause,
        its tooltip and the status-bar message (``message``) say both."""
        if self._last_run is None:
            return
        outcome, detail = self._last_run
        self.message = outcome_text(outcome, self.lang)
        reason = failure_reason(outcome, detail, self.lang)
        if reason and reason != self.message:
            self.message = f"{self.message} ({reason})"
        self.reason_label.setText(f"⚠ {reason}" if reason else "")
        self.reason_label.setToolTip(self.message)
        self.reason_label.setVisible(bool(reason))
        self.setToolTip(self.message)
