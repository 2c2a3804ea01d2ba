"""Flip-chart and whiteboard photos: drop files or choose them; thumbnails appear as they load.

Dropping a file copies it into the content-addressed store on the file worker, then records it
through the TaskRunner; the thumbnail is decoded scaled on the file worker too. The UI thread
only ever places finished pixmaps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QHBoxLayout, QLabel, QListView, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from sala.bootstrap import Services
from sala.domain.errors import SalaError
from sala.services.attachments import AttachmentView, StoredBlob
from sala.ui.photos_worker import THUMB, FileWorker, load_thumbnail
from sala.ui.tasks import TaskRunner
from sala.ui.widgets import show_error

IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.JPG *.JPEG *.PNG"


class PhotosPanel(QWidget):
    """The session's photos as thumbnails, and a drop target for more."""

    sig_added = Signal(object)
    """A photo was stored and recorded (AttachmentView)."""

    def __init__(self, services: Services, tasks: TaskRunner, session_id: str, lang: str,
                 question: Callable[[], str | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._session_id = session_id
        self._lang = lang
        self._question = question or (lambda: None)
        self.worker = FileWorker(self)
        self.setAcceptDrops(True)

        self.hint = QLabel(self.tr("Drop photos of flip charts and whiteboards here, or choose files."))
        self.hint.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose photos…"))
        self.choose_button.setMinimumHeight(40)
        self.choose_button.clicked.connect(self.choose_files)
        self.link_question = QCheckBox(self.tr("Link new photos to the current question"))
        self.link_question.setChecked(True)
        self.link_question.setVisible(question is not None)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 24, THUMB + 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)  # the panel takes the drop, wherever it lands

        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.link_question)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self._items: dict[str, QListWidgetItem] = {}
        for view in services.attachments.list(session_id):
            self._show(view)

    # -- adding -------------------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose photos"), "",
                                                f"{self.tr('Images')} ({IMAGE_FILTER})")
        self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path]) -> None:
        """Store each file off the UI thread, then record it through the writer."""
        att = self._services.attachments
        question_id = self._question() if self.link_question.isChecked() else None
        for path in paths:
            self.status.setText(self.tr("Adding %1…").replace("%1", path.name))
            self.worker.run(lambda p=path: att.store_file(p),
                            lambda blob, p=path: self._record(blob, p.name, question_id),
                            self._failed)

    def _record(self, blob: StoredBlob, filename: str, question_id: str | None) -> None:
        att, sid = self._services.attachments, self._session_id
        self._tasks.run(lambda: att.record(sid, blob, filename, question_id), self._recorded, self._failed)

    def _recorded(self, view: AttachmentView) -> None:
        self.status.setText(self.tr("Saved %1").replace("%1", view.filename))
        if view.id not in self._items:
            self._show(view)
        self.sig_added.emit(view)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SalaError):
            first, second = (exc.th, exc.en) if self._lang == "th" else (exc.en, exc.th)
            self.status.setText(f"{first}\n{second}")
            self.status.setStyleSheet("color: #c0392b;")
        else:
            show_error(self, exc, self._lang)

    # -- thumbnails ---------------------------------------------------------------------------
    def _show(self, view: AttachmentView) -> None:
        item = QListWidgetItem(view.filename or view.sha256[:8])
        item.setData(Qt.ItemDataRole.UserRole, view.id)
        item.setToolTip(f"{view.filename}\n{view.size / 1048576:.1f} MB")
        placeholder = QPixmap(THUMB, THUMB)
        placeholder.fill(Qt.GlobalColor.lightGray)
        item.setIcon(QIcon(placeholder))
        self.list.addItem(item)
        self._items[view.id] = item
        self.worker.run(lambda p=view.path: load_thumbnail(p), lambda img, i=view.id: self._thumb(i, img))

    def _thumb(self, attachment_id: str, image: QImage) -> None:
        item = self._items.get(attachment_id)
        if item is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def photo_count(self) -> int:
        return self.list.count()

    # -- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt name
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
