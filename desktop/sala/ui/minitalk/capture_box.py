"""Keyboard-first capture: pick a type with one key, type, Enter saves and clears for the next.

Keys are function keys because they mean the same on a Thai Kedmanee layout as on an English
one (Alt/Ctrl + digits produce Thai characters there and would not match reliably):
F1–F6 type, F7/F8/F9 stance (again to clear), F11 topic tags, F12 participant code.
After each save, type and stance go back to the default (opinion, no stance) unless the user has
ticked "keep type and stance"; tags stay (a discussion stays on a topic); the code resets.

Enter always adds a new entry, except in edit mode: the page puts an entry it was asked to edit
(double-click, F2, the Edit button) into the box, a coloured banner says so, Enter saves the
change and Esc leaves edit mode with what was being typed before put back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QCompleter,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.domain.errors import ValidationError
from sala.domain.inputs import ContributionInput
from sala.services.contributions import ContributionView
from sala.ui.common.errors import ERROR_STYLE, error_text

TYPE_KEYS = {t: f"F{i}" for i, t in enumerate(e.ContributionType, start=1)}
STANCE_KEYS = {e.Stance.SUPPORT: "F7", e.Stance.OPPOSE: "F8", e.Stance.NEUTRAL: "F9"}
TAGS_KEY = "F11"
CODE_KEY = "F12"


class CaptureBox(QPlainTextEdit):
    """The text box: Enter submits, Shift+Enter is a new line.

    Ctrl+Z undoes typing while there is typing to undo; otherwise it is left to the page, whose
    undo stack takes back the last saved entry.
    """

    sig_submit = Signal()
    """Enter was pressed (without Shift)."""
    sig_escape = Signal()
    """Esc was pressed in edit mode."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.sig_submit.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self.property("editing"):
                self.sig_escape.emit()  # Esc leaves edit mode, and only that
            else:
                event.ignore()  # up to the window: back to the list (unless words are typed)
            return
        super().keyPressEvent(event)

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ShortcutOverride and isinstance(ev, QKeyEvent):
            doc = self.document()
            if ev.matches(QKeySequence.StandardKey.Undo) and not doc.isUndoAvailable():
                ev.ignore()
                return False
            if ev.matches(QKeySequence.StandardKey.Redo) and not doc.isRedoAvailable():
                ev.ignore()
                return False
        return super().event(ev)


class CapturePanel(QWidget):
    """Type and stance buttons (keys shown on them), tags, participant code and the text box."""

    box: CaptureBox

    sig_submit = Signal(object)
    """A valid entry to save: a ContributionInput."""
    sig_changed = Signal()
    """Anything in the panel changed (the page saves it as a draft)."""
    sig_edit_submitted = Signal(object, object)
    """Enter in edit mode: (the ContributionView being edited, the valid ContributionInput)."""

    def __init__(self, lang: str, topics: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.editing: ContributionView | None = None
        """The entry being edited (edit mode), else None: Enter adds a new entry."""
        self._before_edit: dict[str, Any] = {}
        self._choices_before_edit: tuple[e.ContributionType, e.Stance | None, list[str]] = (
            e.ContributionType.OPINION, None, [])
        self._topics = topics  # (tag, label): the session's agenda topics offered as quick tags
        self._tags: list[str] = []
        self._stance: e.Stance | None = None

        self.type_group = QButtonGroup(self)
        self.type_buttons: dict[e.ContributionType, QPushButton] = {}
        types = QHBoxLayout()
        for t, key in TYPE_KEYS.items():
            b = QPushButton(f"{key}  {t.label(lang)}")
            b.setObjectName(f"captureType_{t.value}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the caret in the text box
            self.type_group.addButton(b)
            self.type_buttons[t] = b
            b.clicked.connect(lambda _=False, t=t: self.set_type(t))
            types.addWidget(b)
        self.stance_buttons: dict[e.Stance, QPushButton] = {}
        stances = QHBoxLayout()
        for s, key in STANCE_KEYS.items():
            b = QPushButton(f"{key}  {s.label(lang)}")
            b.setObjectName(f"captureStance_{s.value}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, s=s: self.toggle_stance(s))
            self.stance_buttons[s] = b
            stances.addWidget(b)
        self.tags_button = QPushButton()
        self.tags_button.setObjectName("captureTags")
        self.tags_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tags_button.clicked.connect(self.pick_tags)
        self.code = QLineEdit()
        self.code.setObjectName("captureCode")
        self.code.setPlaceholderText(self.tr("%1 participant code, e.g. P07").replace("%1", CODE_KEY))
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance(self.code.placeholderText()) + 36)
        self._codes = QStringListModel(self)
        self.code.setCompleter(QCompleter(self._codes, self.code))
        self.code.returnPressed.connect(lambda: self.box.setFocus())
        self.lock = QCheckBox(self.tr("Keep type and stance"))
        self.lock.setObjectName("captureLock")
        self.lock.setToolTip(self.tr("Ticked: the next entries keep this type and stance. "
                                     "Not ticked: after each save they go back to opinion, no stance."))
        self.lock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock.toggled.connect(self._lock_toggled)
        stances.addWidget(self.tags_button, 1)
        stances.addWidget(self.code)

        self.edit_banner = QLabel()
        self.edit_banner.setObjectName("captureEditing")
        self.edit_banner.setWordWrap(True)
        self.edit_banner.setStyleSheet("background: #fff3c4; border: 1px solid #d9a400; padding: 4px;")
        self.edit_banner.hide()
        self.state_note = QLabel()
        self.state_note.setObjectName("captureNote")
        self.state_note.setWordWrap(True)
        self.state_note.setStyleSheet("background: #eef3fb; border: 1px solid #8aa4cc; padding: 4px;")
        self.state_note.hide()

        self.box = CaptureBox()
        self.box.setObjectName("captureBox")
        self.box.setPlaceholderText(self.tr("Type what was said, then Enter to save (Shift+Enter: new line)"))
        self.box.setTabChangesFocus(True)
        lines = 3
        self.box.setFixedHeight(int(self.box.fontMetrics().lineSpacing() * lines * 1.25) + 16)
        self.box.sig_submit.connect(self.submit)
        self.box.sig_escape.connect(self.cancel_edit)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel(self.tr("F1–F6 type · F7 support · F8 oppose · F9 neutral · %1 tags · %2 code · "
                                   "Ctrl+Z undo · F2 on the list: edit an entry").replace("%1", TAGS_KEY)
                           .replace("%2", CODE_KEY))
        self.hint.setStyleSheet("color: #555;")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.inputs = QWidget()  # everything but the notes: disabled or hidden when capture is off
        inputs = QVBoxLayout(self.inputs)
        inputs.setContentsMargins(0, 0, 0, 0)
        inputs.addLayout(types)
        inputs.addLayout(stances)
        inputs.addWidget(self.edit_banner)
        inputs.addWidget(self.box)
        inputs.addWidget(self.error)
        below = QHBoxLayout()
        below.addWidget(self.lock, 0, Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.hint, 1)
        inputs.addLayout(below)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_note)
        layout.addWidget(self.inputs)
        self._install_keys()
        self.box.textChanged.connect(self._changed)
        self.code.textChanged.connect(self._changed)
        self.set_type(e.ContributionType.OPINION, notify=False)
        self._refresh_tags()

    def _install_keys(self) -> None:
        def key(seq: str, fn: Any) -> None:
            act = QAction(self)
            act.setShortcut(QKeySequence(seq))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(fn)
            self.addAction(act)
        for t, k in TYPE_KEYS.items():
            key(k, lambda _=False, t=t: self.set_type(t))
        for s, k in STANCE_KEYS.items():
            key(k, lambda _=False, s=s: self.toggle_stance(s))
        key(TAGS_KEY, self.pick_tags)
        key(CODE_KEY, self.focus_code)

    # -- the user's choices -------------------------------------------------------------------
    def set_type(self, t: e.ContributionType, notify: bool = True) -> None:
        self._type = t
        self.type_buttons[t].setChecked(True)
        if notify:
            self._changed()

    def toggle_stance(self, s: e.Stance) -> None:
        self.set_stance(None if self._stance == s else s)

    def set_stance(self, s: e.Stance | None) -> None:
        self._stance = s
        for st, b in self.stance_buttons.items():
            b.setChecked(st == s)
        self._changed()

    def focus_code(self) -> None:
        self.code.setFocus()
        self.code.selectAll()

    def pick_tags(self) -> None:
        """A menu of the agenda's topics and the tags used so far; checked ones apply."""
        menu = QMenu(self)
        choices = list(dict.fromkeys([label for _, label in self._topics] + self._tags))
        for i, label in enumerate(choices):
            act = menu.addAction(f"&{i + 1}  {label}" if i < 9 else label)
            act.setCheckable(True)
            act.setChecked(label in self._tags)
            act.toggled.connect(lambda on, label=label: self._toggle_tag(label, on))
        menu.addSeparator()
        menu.addAction(self.tr("Other tag…"), self._ask_tag)
        if self._tags:
            menu.addAction(self.tr("Clear tags"), lambda: self.set_tags([]))
        menu.exec(self.tags_button.mapToGlobal(self.tags_button.rect().bottomLeft()))
        self.box.setFocus()

    def _ask_tag(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Tag"), self.tr("New tag:"))
        if ok and text.strip():
            self._toggle_tag(text.strip(), True)

    def _toggle_tag(self, tag: str, on: bool) -> None:
        tags = [t for t in self._tags if t != tag] + ([tag] if on else [])
        self.set_tags(tags)

    def set_tags(self, tags: list[str]) -> None:
        self._tags = list(dict.fromkeys(tags))
        self._refresh_tags()
        self._changed()

    def _refresh_tags(self) -> None:
        shown = ", ".join(self._tags) if self._tags else self.tr("none")
        self.tags_button.setText(self.tr("%1  Tags: %2").replace("%1", TAGS_KEY).replace("%2", shown))

    def set_known_codes(self, codes: list[str]) -> None:
        self._codes.setStringList(sorted(set(codes)))

    # -- saving -------------------------------------------------------------------------------
    def current_input(self) -> ContributionInput:
        return ContributionInput(self._type, self.box.toPlainText(), self._stance, list(self._tags),
                                 self.code.text() or None)

    def submit(self) -> None:
        """Validate here (instantly, beside the box); the page saves it on the writer thread."""
        data = self.current_input()
        if not data.text.strip():
            return  # a stray Enter on an empty box is not an entry
        try:
            clean = data.validated()
        except ValidationError as exc:
            self.show_error(exc)
            return
        self.clear_error()
        if self.editing is not None:
            self.sig_edit_submitted.emit(self.editing, clean)
        else:
            self.sig_submit.emit(clean)

    def reset_after_save(self) -> None:
        """Ready for the next speaker: an empty box, and the default type and stance unless locked."""
        self.box.clear()
        self.code.clear()
        if not self.lock.isChecked():
            self.set_type(e.ContributionType.OPINION, notify=False)
            self.set_stance(None)
        self.box.setFocus()

    def _lock_toggled(self, _on: bool) -> None:
        self.box.setFocus()

    # -- edit mode ----------------------------------------------------------------------------
    def begin_edit(self, view: ContributionView) -> None:
        """Put ``view`` in the box to be corrected; what was being typed comes back after."""
        if self.editing is None:
            self._before_edit = self.draft()
            self._choices_before_edit = (self._type, self._stance, list(self._tags))
        self.editing = view
        self.box.setProperty("editing", True)
        self.set_type(view.type, notify=False)
        self.set_stance(view.stance)
        self.set_tags(list(view.tags))
        self.code.setText(view.participant_code or "")
        self.box.setPlainText(view.text)
        self._caret_to_end()
        self.edit_banner.setText(
            self.tr("✎ Editing the entry of %1 — Enter saves the change, Esc cancels. "
                    "Nothing new is added while editing.").replace("%1", f"{to_local(view.recorded_at):%H:%M}"))
        self.edit_banner.show()
        self.box.setStyleSheet("QPlainTextEdit { background: #fffbe8; border: 2px solid #d9a400; }")
        self.clear_error()
        self.box.setFocus()

    def cancel_edit(self) -> None:
        """Leave edit mode (Esc, or the change was handed to the page): back to adding, with what
        was being typed before, and its type, stance and tags."""
        if self.editing is None:
            return
        before, self._before_edit = self._before_edit, {}
        kind, stance, tags = self._choices_before_edit
        self._leave_edit_mode()
        self.set_type(kind, notify=False)
        self.set_stance(stance)
        self.set_tags(tags)
        self.code.setText(before.get("code") or "")
        self.box.setPlainText(before.get("text") or "")
        self._caret_to_end()
        self.box.setFocus()

    def _leave_edit_mode(self) -> None:
        self.editing = None
        self.box.setProperty("editing", False)
        self.edit_banner.hide()
        self.box.setStyleSheet("")

    def _caret_to_end(self) -> None:
        cursor = self.box.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.box.setTextCursor(cursor)

    def show_error(self, exc: ValidationError) -> None:
        self.error.setText(error_text(exc, self._lang))
        self.error.show()
        (self.code if exc.field == "code" else self.box).setFocus()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _changed(self) -> None:
        if self.error.isVisible() and not self.box.toPlainText():
            self.clear_error()
        self.sig_changed.emit()

    # -- drafts -------------------------------------------------------------------------------
    def draft(self) -> dict[str, Any]:
        """What is in the panel now; empty when there is nothing worth keeping."""
        if self.editing is not None:
            return dict(self._before_edit)
        text, code = self.box.toPlainText(), self.code.text()
        if not text and not code:
            return {}
        return {"text": text, "type": self._type.value, "stance": self._stance.value if self._stance else None,
                "tags": list(self._tags), "code": code}

    def restore(self, draft: dict[str, Any] | None) -> None:
        if not draft:
            return
        self.set_type(e.ContributionType(draft.get("type") or "opinion"), notify=False)
        self.set_tags(list(draft.get("tags") or []))
        self.set_stance(e.Stance(draft["stance"]) if draft.get("stance") else None)
        self.code.setText(draft.get("code") or "")
        self.box.setPlainText(draft.get("text") or "")
        self._caret_to_end()

    def set_capture(self, mode: str, note: str = "") -> None:
        """``"on"``: typing is saved; ``"off"``: shown but disabled (closed); ``"hidden"`` (finalized).

        ``note`` is shown above the box to say why, and what to do.
        """
        if mode != "on":
            self.cancel_edit()
        self.inputs.setVisible(mode != "hidden")
        self.inputs.setEnabled(mode == "on")
        self.state_note.setText(note)
        self.state_note.setVisible(bool(note))

    def set_read_only(self, read_only: bool) -> None:
        self.set_capture("hidden" if read_only else "on")

