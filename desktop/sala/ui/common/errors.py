"""Showing a failure: a user's trouble in Thai and English, anything else as a bug.

Shared by every page and dialog; a field's refusal shows under the field (:func:`error_label`),
anything else in a message box (:func:`show_error`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from sala.domain.errors import SalaError, ValidationError


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_error(label: QLabel, exc: BaseException, lang: str, parent: QWidget) -> None:
    if isinstance(exc, ValidationError):
        first, second = (exc.th, exc.en) if lang == "th" else (exc.en, exc.th)
        label.setText(f"{first}\n{second}")
        label.show()
    else:
        show_error(parent, exc, lang)


def show_error(parent: QWidget | None, exc: BaseException, lang: str = "th") -> None:
    """A user's trouble as a plain message in both languages; anything else as a bug."""
    if isinstance(exc, SalaError):
        first, second = (exc.th, exc.en) if lang == "th" else (exc.en, exc.th)
        QMessageBox.warning(parent, "Sala", f"{first}\n\n{second}")
    else:
        QMessageBox.critical(
            parent, "Sala",
            "เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกแล้วยังอยู่ครบ กรุณาแจ้งผู้ดูแลพร้อมไฟล์บันทึก\n\n"
            f"An internal error occurred. Saved data is intact; please report it with the log file.\n\n{exc!r}",
        )
