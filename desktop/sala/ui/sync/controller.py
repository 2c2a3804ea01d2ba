"""The link watcher: decides when to sync and runs it off the UI thread.

Why a job on its own thread (:func:`sala.ui.common.tasks.start`) and not the TaskRunner: a sync
can wait minutes on a slow link, and the TaskRunner is the one writer every page's saves queue
behind. The engine writes only in short ``db.write()`` transactions, so it interleaves with the
pages' saves; it never touches a widget — its progress and report come back through the tasks
module's relay, on the UI thread.

When: at start, every ``probe_interval`` (a cheap GET /v1/hello off the UI thread), at once when
QNetworkInformation says the link is back (when that plugin loads; headless it may not), and
after a failed run, following ``backoff_delay`` (full jitter, 1 s … 10 min).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from sala.sync.run_report import RetryPolicy, RunReport
from sala.sync.service import SyncService, SyncStatus
from sala.ui.common.tasks import Job, TaskRunner, start
from sala.wire import http as wire_http

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkInformation


#: Outcomes that need an answer from sala-central (see ``sync.messages.Outcome``).
_SERVER_ANSWERED = frozenset({"ok", "photos", "busy", "reenroll"})


class SyncController(QObject):
    sig_status = Signal(object)
    """A fresh :class:`SyncStatus` (pending count, last success, enrolled…)."""
    sig_link = Signal(bool)
    """Link state from the last probe or run: True = sala-central answered."""
    sig_progress = Signal(object)
    """:class:`Progress` of the running sync (records and bytes)."""
    sig_started = Signal()
    """A sync run started."""
    sig_finished = Signal(object)
    """The :class:`RunReport` of a finished run."""

    def __init__(self, sync: SyncService, parent: QObject | None = None, *,
                 probe_interval_ms: int = 60_000, policy: RetryPolicy | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.policy = policy or RetryPolicy(network_attempts=2, max_wait=60.0)
        self._job: Job | None = None
        self._failures = 0
        self.link: bool | None = None
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(probe_interval_ms)
        self._probe_timer.timeout.connect(self.probe)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.sync_now)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self._refresh_in_background)
        self._netinfo = _network_information()
        if self._netinfo is not None:
            self._netinfo.reachabilityChanged.connect(self._reachability_changed)

    @property
    def running(self) -> bool:
        return self._job is not None and not self._job.done()

    def start(self) -> None:
        """Begin watching: a probe now and every interval."""
        self.refresh_status()
        self._probe_timer.start()
        self.probe()

    def stop(self) -> None:
        self._probe_timer.stop()
        self._retry_timer.stop()
        if self._job is not None:
            self._job.cancel()

    def refresh_status(self) -> SyncStatus:
        status = self.sync.status()
        self.sig_status.emit(status)
        return status

    def watch_writes(self, tasks: TaskRunner, delay_ms: int = 700) -> None:
        """Keep the queue figure true as work is saved: a while after the writer falls idle (a
        session finalized, an amendment, a bundle imported) the status is read again, off the UI
        thread, once for a burst of saves."""
        self._status_timer.setInterval(delay_ms)
        # A slot of this object, not a lambda: Qt drops the connection when the controller goes (a
        # restore builds a new window over the same writer); a lambda outlived it and raised on the
        # next write ("QTimer already deleted").
        tasks.sig_busy_changed.connect(self._writer_busy)

    @Slot(bool)
    def _writer_busy(self, busy: bool) -> None:
        if not busy:
            self._status_timer.start()

    @Slot()
    def _refresh_in_background(self) -> None:
        start(lambda _job: self.sync.status(), self, self.sig_status.emit, name="sala-sync-status")

    @Slot()
    def probe(self) -> None:
        """Cheap /v1/hello off the UI thread; a regained link syncs at once."""
        if self.running:
            return

        start(lambda _job: self.sync.probe(), self, self._probe_done, name="sala-sync-probe")

    @Slot(bool)
    def _probe_done(self, ok: bool) -> None:
        was = self.link
        self.link = ok
        self.sig_link.emit(ok)
        if ok and (was is not True or self._retry_timer.isActive()):
            status = self.sync.status()
            if status.enrolled and not status.reenroll_needed and (
                    status.pending or status.photos_pending or status.forwarded_open):
                self._retry_timer.stop()
                self.sync_now()

    def _reachability_changed(self, reachability: object) -> None:
        from PySide6.QtNetwork import QNetworkInformation
        if reachability == QNetworkInformation.Reachability.Online:
            self.probe()
        elif reachability == QNetworkInformation.Reachability.Disconnected:
            self.link = False
            self.sig_link.emit(False)

    @Slot()
    def sync_now(self) -> bool:
        """Start a run in the background; False if one is already running."""
        if self.running:
            return False
        self.sig_started.emit()
        # The engine records its own failures; a crash (logged by the relay) ends the run as None.
        self._job = start(lambda job: self.sync.sync(policy=self.policy, on_progress=job.progress,
                                                     cancel=job.cancel_event),
                          self, self._run_done, lambda _exc: self._run_done(None),
                          on_progress=self.sig_progress.emit, name="sala-sync")
        return True

    @Slot(object)
    def _run_done(self, report: RunReport | None) -> None:
        self._job = None
        if report is not None:
            outcome = str(report.outcome)
            # Online only when sala-central really answered this run; a laptop with no server set
            # (not enrolled) or no link is offline, and a local failure tells nothing new.
            if outcome in _SERVER_ANSWERED:
                self.link = True
            elif outcome in ("no_link", "not_enrolled"):
                self.link = False
            if self.link is not None:
                self.sig_link.emit(self.link)
            if outcome in ("no_link", "busy", "error", "disk"):
                delay = wire_http.backoff_delay(self._failures)
                self._failures += 1
                self._retry_timer.start(int(delay * 1000))
            else:
                self._failures = 0
            self.sig_finished.emit(report)
        self.refresh_status()

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the running sync ends (tests, shutdown)."""
        if self._job is not None:
            self._job.wait(timeout)


def _network_information() -> QNetworkInformation | None:
    """QNetworkInformation when a backend loads (often not headless): then None is fine."""
    try:
        from PySide6.QtNetwork import QNetworkInformation
        if not QNetworkInformation.loadDefaultBackend():
            return None
        return QNetworkInformation.instance()
    except Exception:  # noqa: BLE001 - missing plugin or module: the periodic probe covers it
        return None


def enroll_failure(exc: BaseException, url: str) -> BaseException:
    """What a failed enrollment tells the user. A missing link gets its own words: the client's
    "will be sent when a link returns" is untrue for a laptop that is not enrolled (issue 10)."""
    from sala.domain.errors import SalaError
    from sala.sync.client import NoLink

    if not isinstance(exc, NoLink):
        return exc
    err = SalaError(f"ลงทะเบียนไม่สำเร็จ: ติดต่อระบบกลางที่ {url} ไม่ได้ เครื่องนี้จึงยังไม่ได้ลงทะเบียน "
                    "และจะยังไม่ส่งข้อมูลใด ๆ โปรดตรวจที่อยู่และสัญญาณ แล้วลงทะเบียนอีกครั้ง "
                    "(ข้อมูลทั้งหมดยังอยู่ครบในเครื่องนี้)",
                    f"Enrollment failed: the central platform at {url} could not be reached, so this "
                    "laptop is not enrolled and will send nothing yet. Check the address and the "
                    "network, then enroll again. (All your data stays on this laptop.)")
    err.__cause__ = exc
    return err
