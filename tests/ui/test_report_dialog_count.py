"""The period report dialog says how many sessions the chosen filter covers before anything is
produced; a filter that covers none says so and cannot print (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sala.domain import enums as e
from sala.ui.reports.report_dialog import ReportDialog
from tests.reports_helpers import rich_session

K = Qt.Key


def _choose(qtbot, combo, text: str) -> None:
    """Pick ``text`` in a combo box by keyboard, as a user would."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, f"{text!r} is not offered"
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, K.Key_Down if combo.currentIndex() < target else K.Key_Up)


def test_period_dialog_counts_sessions_and_refuses_an_empty_filter(qtbot, services, tmp_path, fonts, thai_ui,
                                                                    screenshot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    rich_session(services.db, services.paths.attachments, province="CMI")
    rich_session(services.db, services.paths.attachments, province="CMI", kind=e.SessionKind.FOCUS_GROUP)
    dialog = ReportDialog(services, "th", None)
    qtbot.addWidget(dialog)
    dialog.open_when_done = False
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.filters.year.setFocus()
    dialog.filters.year.selectAll()
    for key in (K.Key_2, K.Key_5, K.Key_6, K.Key_9):  # fiscal year 2569 holds both sessions
        qtbot.keyClick(dialog.filters.year, key)
    assert dialog.count_label.text() == "รายงานนี้ครอบคลุม 2 เวที", dialog.count_label.text()
    assert dialog.run_button.isEnabled()

    _choose(qtbot, dialog.filters.kind, e.SessionKind.FOCUS_GROUP.label("th"))
    assert dialog.count_label.text() == "รายงานนี้ครอบคลุม 1 เวที", dialog.count_label.text()

    _choose(qtbot, dialog.filters.province, "ลำปาง")
    assert "ไม่มีเวทีตรงกับตัวกรองนี้" in dialog.count_label.text()
    assert not dialog.run_button.isEnabled(), "nothing to print, yet Create is offered"
    screenshot(dialog, "period_report_none")
    dialog.output.path.setText(str(tmp_path / "empty.pdf"))
    dialog.start()   # even reached another way, an empty report is refused in words, not written
    assert shown and "ไม่มีเวทีตรงกับตัวกรองนี้" in shown[0]
    assert not (tmp_path / "empty.pdf").exists()

    _choose(qtbot, dialog.filters.province, "เชียงใหม่")
    assert dialog.count_label.text() == "รายงานนี้ครอบคลุม 1 เวที"
    screenshot(dialog, "period_report_one")
    target = tmp_path / "period.pdf"
    dialog.output.path.setText(str(target))
    with qtbot.waitSignal(dialog.sig_finished, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
