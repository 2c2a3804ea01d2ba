"""The report and export dialogs produce files in the background, with progress, and show errors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.reports_helpers import rich_session


@pytest.fixture
def rich(services):
    return rich_session(services.db, services.paths.attachments)


@pytest.fixture
def no_message_boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    return shown


def test_session_summary_dialog_writes_the_pdf(qtbot, services, rich, tmp_path, fonts, no_message_boxes, screenshot):
    from sala.ui.reports.report_dialog import ReportDialog

    dialog = ReportDialog(services, "th", rich.session_id)
    qtbot.addWidget(dialog)
    dialog.open_when_done = False
    target = tmp_path / "summary.pdf"
    dialog.output.path.setText(str(target))
    with qtbot.waitSignal(dialog.sig_finished, timeout=60_000) as done:
        qtbot.mouseClick(dialog.run_button, qtbot_left())
    assert done.args == [str(target)]
    assert target.read_bytes().startswith(b"%PDF")
    assert dialog.progress.value() == 100 and dialog.open_button.isEnabled()
    assert not no_message_boxes
    dialog.show()
    screenshot(dialog, "report_dialog")


def test_period_dialog_bad_output_is_reported(qtbot, services, rich, tmp_path, fonts, no_message_boxes):
    from sala.ui.reports.report_dialog import ReportDialog

    dialog = ReportDialog(services, "en", None)
    qtbot.addWidget(dialog)
    dialog.open_when_done = False
    dialog.filters.year.setValue(2569)   # the rich session's fiscal year: the report covers it
    dialog.output.path.setText(str(tmp_path / "no-such-folder" / "p.pdf"))
    qtbot.mouseClick(dialog.run_button, qtbot_left())
    assert no_message_boxes and "does not exist" in no_message_boxes[0]
    assert dialog.run_button.isEnabled()
    dialog.output.path.setText(str(tmp_path / "p.pdf"))
    with qtbot.waitSignal(dialog.sig_finished, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, qtbot_left())
    assert (tmp_path / "p.pdf").stat().st_size > 1000


def test_export_dialog_writes_csv(qtbot, services, rich, tmp_path, fonts, no_message_boxes, screenshot):
    from sala.ui.reports.export_dialog import ExportDialog

    dialog = ExportDialog(services, "th")
    qtbot.addWidget(dialog)
    dialog.open_when_done = False
    dialog.dataset.setCurrentIndex(dialog.dataset.findData("contributions"))
    dialog.filters.use_year.setChecked(False)
    target = tmp_path / "c.csv"
    dialog.output.path.setText(str(target))
    with qtbot.waitSignal(dialog.sig_finished, timeout=60_000):
        qtbot.mouseClick(dialog.run_button, qtbot_left())
    assert target.read_bytes().startswith(b"\xef\xbb\xbf") and len(target.read_text("utf-8-sig").splitlines()) == 7
    dialog.show()
    screenshot(dialog, "export_dialog")


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_report_files_are_named_as_a_thai_official_files_them(qtbot, services, rich, tmp_path):
    """Seen in the lead's walk-through: the period dialog offered "period-report.pdf" (and the
    summary dialog, opened any way but "Print summary", "summary-2026-11-30.pdf")."""
    from sala.ui.reports.report_dialog import ReportDialog

    period = ReportDialog(services, "th", None)
    qtbot.addWidget(period)
    period.filters.year.setValue(2570)
    assert period.output.value().name == "รายงาน ปีงบประมาณ 2570.pdf"
    period.filters.province.setCurrentIndex(period.filters.province.findText("เชียงใหม่"))
    assert period.output.value().name == "รายงาน ปีงบประมาณ 2570 เชียงใหม่.pdf"
    period.report_lang.setCurrentIndex(period.report_lang.findData("en"))
    assert period.output.value().name.startswith("Report FY 2570 BE")
    mine = tmp_path / "ของฉัน.pdf"
    period.output.path.setText(str(mine))  # the user's own choice stays
    period.filters.year.setValue(2569)
    assert period.output.value() == mine

    summary = ReportDialog(services, "th", rich.session_id)
    qtbot.addWidget(summary)
    name = summary.output.value().name
    assert name.startswith("สรุปผลเวที ") and name.endswith(".pdf") and " 25" in name, name
