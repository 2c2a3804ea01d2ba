"""A dialog that runs one read-only job in the background (progress bar, then "Open" the file).

The report and export dialogs build on it. Reports only *read*, so they do not go through the
TaskRunner: that single writer thread carries the user's keystroke saves, and a 2–10 s PDF build
queued on it would hold every save behind it. The job runs on a thread of its own
(:func:`sala.ui.common.tasks.start`); SQLite in WAL mode lets that reader work beside the writer,
each on its own pooled connection. Results, progress and errors come back through the tasks
module's relay, so widgets are only ever touched on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain.errors import SalaError
from sala.ui.common.errors import show_error
from sala.ui.common.tasks import Job, start


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
        self.job: Job | None = None
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
            self._show_failure(exc)
            return
        self.run_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(self.tr("Working…"))
        self._target = target
        self.job = start(lambda job: fn(job.progress), self, self._done, self._failed,
                         on_progress=self._progress, name="sala-report")

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
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        self.status.setText(exc.message(self.lang) if isinstance(exc, SalaError) else repr(exc))
        show_error(self, exc, self.lang)  # both languages (or, for a bug, as a bug)

    def open_file(self) -> None:
        """Open the written file in the system's viewer (which also prints it)."""
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
