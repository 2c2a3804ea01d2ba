"""Flip-chart and whiteboard photos: drop files or choose them; thumbnails appear as they load;
each photo's caption is typed under the list and shown under its thumbnail.

Dropping a file copies it into the content-addressed store on the file worker, then records it
through the TaskRunner; the thumbnail is decoded scaled on the file worker too. The UI thread
only ever places finished pixmaps. A caption is saved as it is typed (at most half a second
behind the keyboard, no Save button); a finalized session's photos are shown, not changed.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain.errors import SalaError
from sala.services.attachments import AttachmentView, StoredBlob
from sala.ui.common.autosave import Autosave
from sala.ui.common.errors import ERROR_STYLE, error_text, show_error
from sala.ui.common.tasks import FileLane, TaskRunner
from sala.ui.focus_group.photo_files import THUMB, load_thumbnail

IMAGE_FILTER = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.JPG *.JPEG *.PNG"


class PhotosPanel(QWidget):
    """The session's photos as thumbnails, and a drop target for more."""

    caption: QLineEdit

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
        self.worker = FileLane(self)
        self.setAcceptDrops(True)

        self.hint = QLabel(self.tr("Drop photos of flip charts and whiteboards here, or choose files."))
        self.hint.setWordWrap(True)
        self.file_dialog: QFileDialog | None = None
        """The file dialog last opened (window-modal; tests reach it here)."""
        self.choose_button = QPushButton(self.tr("Choose photos…"))
        self.choose_button.setObjectName("choosePhotosButton")
        self.choose_button.setMinimumHeight(40)
        self.choose_button.clicked.connect(self.choose_files)
        self.link_question = QCheckBox(self.tr("Link new photos to the current question"))
        self.link_question.setChecked(True)
        self._has_question = question is not None
        self.link_question.setVisible(self._has_question)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        lines = self.fontMetrics().lineSpacing()
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 3 * lines + 16))  # three lines of caption
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setAcceptDrops(False)  # the panel takes the drop, wherever it lands
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda _item: self.caption.setFocus())

        self.caption_label = QLabel(self.tr("Caption"))
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(self.tr("What the selected photo shows — saved as you type"))
        self.caption.setEnabled(False)
        self.caption.textEdited.connect(self._caption_edited)
        self.caption_label.setBuddy(self.caption)
        self._captions: dict[str, str] = {}  # typed, not yet sent to the writer
        self.caption_autosave = Autosave(self._save_captions, parent=self)
        self._read_only = False

        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.link_question)
        layout.addWidget(self.list, 1)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.caption_label)
        caption_row.addWidget(self.caption, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.status)
        self._items: dict[str, QListWidgetItem] = {}
        self._views: dict[str, AttachmentView] = {}
        for view in services.attachments.list(session_id):
            self._show(view)

    # -- adding -------------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Qt's own file dialog, so its labels speak the UI's language (a native one would not)."""
        dlg = QFileDialog(self, self.tr("Choose photos"))
        dlg.setObjectName("photoFileDialog")
        dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        images, everything = self.tr("Images"), self.tr("All files")
        dlg.setNameFilters([f"{images} ({IMAGE_FILTER})", f"{everything} (*)"])
        label = QFileDialog.DialogLabel
        for which, text in ((label.LookIn, self.tr("Look in:")), (label.FileName, self.tr("File name:")),
                            (label.FileType, self.tr("Files of type:")), (label.Accept, self.tr("Add photos")),
                            (label.Reject, self.tr("Cancel"))):
            dlg.setLabelText(which, text)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.filesSelected.connect(lambda files: self.add_files([Path(f) for f in files]))
        self.file_dialog = dlg
        dlg.open()

    def add_files(self, paths: list[Path]) -> None:
        """Store each file off the UI thread, then record it through the writer."""
        att = self._services.attachments
        question_id = self._question() if self.link_question.isChecked() else None
        for path in paths:
            self._say(self.tr("Adding %1…").replace("%1", path.name))
            self.worker.run(partial(att.store_file, path),
                            partial(self._record, filename=path.name, question_id=question_id),
                            self._failed)

    def _record(self, blob: StoredBlob, filename: str, question_id: str | None) -> None:
        att, sid = self._services.attachments, self._session_id
        self._tasks.run(lambda: att.record(sid, blob, filename, question_id), self._recorded, self._failed)

    def _recorded(self, view: AttachmentView) -> None:
        self._say(self.tr("Saved %1").replace("%1", view.filename))
        if view.id not in self._items:
            self._show(view)
        self.sig_added.emit(view)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, SalaError):
            self._say(error_text(exc, self._lang), error=True)
        else:
            show_error(self, exc, self._lang)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    # -- thumbnails ---------------------------------------------------------------------------
    def _show(self, view: AttachmentView) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, view.id)
        item.setToolTip(f"{view.filename}\n{view.size / 1048576:.1f} MB")
        self._views[view.id] = view
        self._set_caption_text(item, view.caption, view)
        placeholder = QPixmap(THUMB, THUMB)
        placeholder.fill(Qt.GlobalColor.lightGray)
        item.setIcon(QIcon(placeholder))
        self.list.addItem(item)
        self._items[view.id] = item
        self.worker.run(partial(load_thumbnail, view.path), partial(self._thumb, view.id))

    def _thumb(self, attachment_id: str, image: QImage) -> None:
        item = self._items.get(attachment_id)
        if item is not None and not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def photo_count(self) -> int:
        return self.list.count()

    # -- captions -----------------------------------------------------------------------------
    def _set_caption_text(self, item: QListWidgetItem, caption: str, view: AttachmentView) -> None:
        """Under the thumbnail: the caption, or the file name in grey until there is one."""
        item.setText(caption.strip() or view.filename or view.sha256[:8])
        item.setForeground(self.palette().text().color() if caption.strip() else Qt.GlobalColor.gray)

    def caption_text(self, attachment_id: str) -> str:
        """What is shown under a photo's thumbnail."""
        return self._items[attachment_id].text()

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        aid = str(current.data(Qt.ItemDataRole.UserRole)) if current is not None else None
        self.caption.setEnabled(aid is not None)
        self.caption.setText(self._captions.get(aid, self._views[aid].caption) if aid else "")

    def _caption_edited(self, text: str) -> None:
        aid = self._current_id()
        if aid is None or self._read_only:
            return
        self._captions[aid] = text
        self._set_caption_text(self._items[aid], text, self._views[aid])
        self.caption_autosave.poke()

    def _save_captions(self) -> None:
        att, pending = self._services.attachments, dict(self._captions)
        self._captions.clear()
        for aid, text in pending.items():
            self._tasks.run(partial(att.set_caption, aid, text), self._caption_saved,
                            partial(self._caption_failed, aid, text))

    def _caption_saved(self, view: AttachmentView) -> None:
        self._views[view.id] = view
        if view.id not in self._captions:  # not typed over since
            self._set_caption_text(self._items[view.id], view.caption, view)

    def _caption_failed(self, aid: str, text: str, exc: BaseException) -> None:
        self._captions.setdefault(aid, text)  # kept: it goes again with the next keystroke
        self._failed(exc)

    def flush(self) -> None:
        """Send any caption typed but not yet saved (the page is going away or the app is closing)."""
        self.caption_autosave.flush()

    def hideEvent(self, event) -> None:  # Qt name
        self.flush()
        super().hideEvent(event)

    def set_read_only(self, read_only: bool, closed: bool = False) -> None:
        """A finalized (or closed) session's photos are shown, not added to or recaptioned."""
        if read_only:
            self.flush()
        self._read_only = read_only
        self.caption.setReadOnly(read_only)
        self.choose_button.setVisible(not read_only)
        self.link_question.setVisible(not read_only and self._has_question)
        self.hint.setText(self.tr("This session is closed: its photos can be viewed; reopen it to add more.")
                          if read_only and closed else
                          self.tr("This session is finalized: its photos can be viewed but not changed.")
                          if read_only else
                          self.tr("Drop photos of flip charts and whiteboards here, or choose files."))

    # -- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt name
        if self._read_only:
            event.ignore()
        elif event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # Qt name
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt name
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
