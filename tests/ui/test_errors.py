"""One way to show a failure: a user's trouble in both languages (the UI's first) in one red; a
bug as a bug. The pages use it rather than copies of their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from sala.domain.errors import SalaError, ValidationError
from sala.ui.common.errors import ERROR_COLOUR, error_label, error_text, show_error, show_field_error

UI = Path(__file__).resolve().parents[2] / "desktop" / "sala" / "ui"
TROUBLE = ValidationError("phone", "เบอร์โทรศัพท์ไม่ถูกต้อง", "The phone number is not valid")


@pytest.fixture
def boxes(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(("warning", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(("critical", text)))
    return shown


def test_the_ui_language_comes_first() -> None:
    assert error_text(TROUBLE, "th") == "เบอร์โทรศัพท์ไม่ถูกต้อง\nThe phone number is not valid"
    assert error_text(TROUBLE, "en") == "The phone number is not valid\nเบอร์โทรศัพท์ไม่ถูกต้อง"


def test_a_fields_refusal_shows_under_it_in_red_in_both_languages(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = error_label()
    label.setParent(parent)
    assert label.isHidden()
    show_field_error(label, TROUBLE, "th", parent)
    assert not label.isHidden() and label.text() == error_text(TROUBLE, "th")
    assert ERROR_COLOUR in label.styleSheet()


def test_a_users_trouble_is_a_warning_and_a_bug_is_reported_as_one(qtbot, boxes) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, SalaError("ดิสก์เต็ม", "The disk is full"), "th")
    show_error(parent, ZeroDivisionError("division by zero"), "th")
    assert boxes[0] == ("warning", "ดิสก์เต็ม\n\nThe disk is full")
    kind, text = boxes[1]
    assert kind == "critical" and "ข้อผิดพลาดภายใน" in text and "internal error" in text and "ZeroDivisionError" in text


def test_pages_use_the_one_bilingual_text_and_the_one_red() -> None:
    copies, reds = [], []
    for path in UI.rglob("*.py"):
        if path.parent.name == "dashboard" or path.name == "errors.py":  # chart palettes are not errors
            continue
        text = path.read_text("utf-8")
        if re.search(r"\bexc\.th\b.*\bexc\.en\b|\{first\}\\n\{second\}", text):
            copies.append(path.name)
        if re.search(r"#(b00020|c0392b|d32f2f|c62828|ff0000)\b", text, re.IGNORECASE):
            reds.append(path.name)
    assert copies == [] and reds == []
