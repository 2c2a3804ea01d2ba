"""Keyboard-first capture: pick a type with one key, type, Enter saves and clears for the next.

Keys are function keys because they mean the same on a Thai Kedmanee layout as on an English
one (Alt/Ctrl + digits produce Thai characters there and would not match reliably):
F1–F6 type, F7/F8/F9 stance (again to clear), F11 topic tags, F12 participant code.
Type and tags stay for the next entry (a discussion stays on a topic); stance and code reset.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup, QCompleter, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMenu, QPlainTextEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.domain.inputs import ContributionInput

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

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.sig_submit.emit()
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

    sig_submit = Signal(object)
    """A valid entry to save: a ContributionInput."""
    sig_changed = Signal()
    """Anything in the panel changed (the page saves it as a draft)."""

    def __init__(self, lang: str, topics: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._topics = topics  # (tag, label): the session's agenda topics offered as quick tags
        self._tags: list[str] = []
        self._stance: e.Stance | None = None

        self.type_group = QButtonGroup(self)
        self.type_buttons: dict[e.ContributionType, QPushButton] = {}
        types = QHBoxLayout()
        for t, key in TYPE_KEYS.items():
            b = QPushButton(f"{key}  {t.label(lang)}")
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
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, s=s: self.toggle_stance(s))
            self.stance_buttons[s] = b
            stances.addWidget(b)
        self.tags_button = QPushButton()
        self.tags_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tags_button.clicked.connect(self.pick_tags)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("%1 participant code, e.g. P07").replace("%1", CODE_KEY))
        self.code.setMinimumWidth(self.code.fontMetrics().horizontalAdvance(self.code.placeholderText()) + 24)
        self._codes = QStringListModel(self)
        self.code.setCompleter(QCompleter(self._codes, self.code))
        self.code.returnPressed.connect(lambda: self.box.setFocus())
        stances.addWidget(self.tags_button, 1)
        stances.addWidget(self.code)

        self.box = CaptureBox()
        self.box.setPlaceholderText(self.tr("Type what was said, then Enter to save (Shift+Enter: new line)"))
        self.box.setTabChangesFocus(True)
        lines = 3
        self.box.setFixedHeight(int(self.box.fontMetrics().lineSpacing() * lines * 1.25) + 16)
        self.box.sig_submit.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel(self.tr("F1–F6 type · F7 support · F8 oppose · F9 neutral · %1 tags · %2 code · "
                                   "Ctrl+Z undo").replace("%1", TAGS_KEY).replace("%2", CODE_KEY))
        self.hint.setStyleSheet("color: #555;")
        self.hint.setWordWrap(True)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(types)
        layout.addLayout(stances)
        layout.addWidget(self.box)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
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
        self.sig_submit.emit(clean)

    def reset_after_save(self) -> None:
        self.box.clear()
        self.code.clear()
        self.set_stance(None)
        self.box.setFocus()

    def show_error(self, exc: ValidationError) -> None:
        first, second = (exc.th, exc.en) if self._lang == "th" else (exc.en, exc.th)
        self.error.setText(f"{first}\n{second}")
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
        cursor = self.box.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.box.setTextCursor(cursor)

    def set_read_only(self, read_only: bool) -> None:
        self.setVisible(not read_only)

