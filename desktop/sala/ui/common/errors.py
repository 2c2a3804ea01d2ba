"""Showing a failure: a user's trouble in Thai and English, anything else as a bug.

Shared by every page and dialog: the one bilingual text (:func:`error_text`, the UI's language
first), the one red (:data:`ERROR_COLOUR`); a field's refusal shows under the field
(:func:`error_label`), anything else in a message box (:func:`show_error`).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from sala.domain.errors import SalaError, ValidationError

ERROR_COLOUR = "#c0392b"
"""The one red for a refusal: the text under a field, a field's border, a status line."""
ERROR_STYLE = f"color: {ERROR_COLOUR};"


def bilingual(th: str, en: str, lang: str, sep: str = "\n") -> str:
    """Both languages, the UI's language first."""
    return f"{th}{sep}{en}" if lang == "th" else f"{en}{sep}{th}"


def error_text(exc: SalaError, lang: str, sep: str = "\n") -> str:
    """A user's trouble in both languages, the UI's language first."""
    return bilingual(exc.th, exc.en, lang, sep)


def error_label() -> QLabel:
    """A hidden, word-wrapped red label that goes under a field and shows its refusal."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def show_field_error(label: QLabel, exc: BaseException, lang: str, parent: QWidget) -> None:
    if isinstance(exc, ValidationError):
        label.setText(error_text(exc, lang))
        label.show()
    else:
        show_error(parent, exc, lang)


def show_error(parent: QWidget | None, exc: BaseException, lang: str = "th") -> None:
    """A user's trouble as a plain message in both languages; anything else as a bug."""
    if isinstance(exc, SalaError):
        QMessageBox.warning(parent, "Sala", error_text(exc, lang, "\n\n"))
    else:
        QMessageBox.critical(
            parent, "Sala",
            "เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกแล้วยังอยู่ครบ กรุณาแจ้งผู้ดูแลพร้อมไฟล์บันทึก\n\n"
            f"An internal error occurred. Saved data is intact; please report it with the log file.\n\n{exc!r}",
        )
