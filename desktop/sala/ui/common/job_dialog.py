"""A dialog that runs one read-only job in the background (progress bar, then "Open" the file).

The report and export dialogs build on it. Reports only *read*, so they do not go through the
TaskRunner: that single writer thread carries the user's keystroke saves, and a 2–10 s PDF build
queued on it would hold every save behind it. A :class:`ReadJob` runs on its own short-lived
thread instead; SQLite in WAL mode lets that reader work beside the writer, each on its own pooled
connection. Results, progress and errors come back as queued signals, so widgets are only ever
touched on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
    QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.ui.common.errors import show_error


class ReadJob(QObject):
    """Runs one read-only callable on its own thread; reports back by queued signals."""

    sig_progress = Signal(float, str)
    """Fraction done (0–1) and what is happening."""
    sig_done = Signal(object)
    """The callable's result."""
    sig_failed = Signal(object)
    """The exception it raised."""

    def start(self, fn: Callable[[Callable[[float, str], None]], Any]) -> None:
        def work() -> None:
            try:
                result = fn(self.sig_progress.emit)
            except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread
                self.sig_failed.emit(exc)
            else:
                self.sig_done.emit(result)

        self._thread = threading.Thread(target=work, name="sala-report", daemon=True)
        self._thread.start()

    def wait(self, timeout: float = 60.0) -> None:
        if getattr(self, "_thread", None) is not None:
            self._thread.join(timeout)


class OutputPicker(QWidget):
    """A file path with a "Browse…" button."""

    def __init__(self, default: Path, file_filter: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter = file_filter
        self.path = QLineEdit(str(default))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(browse)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.path.text(), self._filter)
        if name:
            self.path.setText(name)

    def value(self) -> Path:
        return Path(self.path.text().strip()).expanduser()


def default_folder(services: Services) -> Path:
    docs = Path.home() / "Documents"
    return docs if docs.is_dir() else services.paths.data_dir


class JobDialog(QDialog):
    """A dialog that runs one background job with a progress bar and then offers to open the file."""

    sig_finished = Signal(str)
    """The file was written (its path)."""

    def __init__(self, services: Services, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.lang = services, lang
        self.open_when_done = True  # tests switch this off: no system viewer offscreen
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.run_button = self.buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.run_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_file)
        self.buttons.rejected.connect(self.reject)
        self.job: ReadJob | None = None
        self.written: Path | None = None

    def finish_layout(self, form: QFormLayout) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def make_job(self) -> tuple[Path, Callable[[Callable[[float, str], None]], Any]]:
        raise NotImplementedError

    def start(self) -> None:
        try:
            target, fn = self.make_job()
        except Exception as exc:  # noqa: BLE001 - bad input is shown, never swallowed
            self.status.setText(getattr(exc, "message", lambda _l: str(exc))(self.lang))
            show_error(self, exc, self.lang)
            return
        self.run_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Working…"))
        self._target = target
        self.job = ReadJob(self)
        queued = Qt.ConnectionType.QueuedConnection  # emitted on the worker, delivered on the UI thread
        self.job.sig_progress.connect(self._progress, queued)
        self.job.sig_done.connect(self._done, queued)
        self.job.sig_failed.connect(self._failed, queued)
        self.job.start(fn)

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        if message:
            self.status.setText(message)

    def _done(self, _result: Any) -> None:
        target = self._target
        self.written = target
        self.progress.setValue(100)
        self.status.setText(self.tr("Saved: %1").replace("%1", str(target)))
        self.run_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.sig_finished.emit(str(target))
        if self.open_when_done:
            self.open_file()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setValue(0)
        self.run_button.setEnabled(True)
        self.status.setText(exc.message(self.lang) if hasattr(exc, "message") else repr(exc))
        show_error(self, exc, self.lang)

    def open_file(self) -> None:
        """Open the written file in the system's viewer (which also prints it)."""
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
