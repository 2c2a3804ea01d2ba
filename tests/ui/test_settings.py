"""Settings: the agency and unit printed on reports, the default province, the data folder, and
backups made, listed and restored from the real main window, as a field officer does it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from sala.domain import enums as e
from sala.domain.inputs import SessionInput
from sala.services.preferences import Preferences
from sala.ui.shell.app import create_main_window
from sala.ui.shell.main import make_settings
from sala.ui.shell.startup import Startup
from tests.reports_helpers import pdftotext, squash
from tests.typing import type_text

SCREEN = (1366, 768)


@pytest.fixture
def window(qtbot, services, tasks, settings, thai_ui):
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    w.show()
    qtbot.waitExposed(w)
    return w


def _open_settings(qtbot, w):
    w.action_settings.trigger()
    dlg = w.settings_dialog
    assert dlg is not None
    qtbot.waitExposed(dlg)
    return dlg


def _save(qtbot, dlg) -> None:
    dlg.buttons.button(dlg.buttons.StandardButton.Save).click()


def _answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` on the next modal message box (the restore's confirmation)."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)
    QTimer.singleShot(20, click)


def test_agency_and_unit_are_saved_and_head_the_printed_summary(qtbot, window, services, tmp_path, screenshot):
    sid = services.sessions.create(SessionInput("เวทีฝุ่นควันลำปาง", e.SessionKind.MINITALK, province="LPG")).id
    dlg = _open_settings(qtbot, window)
    screenshot(dlg, "settings")
    assert dlg.windowTitle() == "ตั้งค่า"
    dlg.agency.setFocus()
    type_text(dlg.agency, "สำนักงานจังหวัดลำปาง")
    type_text(dlg.unit, "กลุ่มงานยุทธศาสตร์")
    dlg.province.setCurrentIndex(dlg.province.findData("LPG"))
    _save(qtbot, dlg)
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    assert services.preferences.load() == Preferences("สำนักงานจังหวัดลำปาง", "กลุ่มงานยุทธศาสตร์", "LPG")

    from sala.ui.reports.report_dialog import ReportDialog

    report = ReportDialog(services, "th", sid, window)
    qtbot.addWidget(report)
    report.output.path.setText(str(tmp_path / "summary.pdf"))
    target, job = report.make_job()
    job(lambda _f, _m: None)
    text = squash(pdftotext(Path(target)))
    assert "สำนักงานจังหวัดลำปาง" in text and "กลุ่มงานยุทธศาสตร์" in text

    again = _open_settings(qtbot, window)
    assert again.agency.text() == "สำนักงานจังหวัดลำปาง" and again.province.currentData() == "LPG"
    again.reject()


def test_the_new_session_dialog_starts_in_the_default_province(qtbot, window, services, tasks):
    services.preferences.save(Preferences(default_province="CMI"))
    from sala.ui.sessions.new_dialog import NewSessionDialog

    dlg = NewSessionDialog(services, tasks, "th", parent=window)
    qtbot.addWidget(dlg)
    assert dlg.province.currentData() == "CMI" and dlg.province.currentText() == "เชียงใหม่"


def test_a_bad_value_is_refused_in_both_languages_and_nothing_is_stored(qtbot, window, services):
    services.preferences.save(Preferences("หน่วยงานเดิม", "", ""))
    dlg = _open_settings(qtbot, window)
    dlg.agency.clear()
    type_text(dlg.agency, "หน่วยงานใหม่")
    dlg.province.setEditText("แอตแลนติส")
    _save(qtbot, dlg)
    assert dlg.isVisible(), "a refused value keeps the dialog open"
    assert dlg.province_error.isVisible()
    message = dlg.province_error.text()
    assert "แอตแลนติส" in message and "ไม่รู้จักจังหวัด" in message and "Unknown province" in message
    assert services.preferences.load().agency == "หน่วยงานเดิม", "nothing is stored half-way"
    dlg.reject()


def test_a_multi_line_or_too_long_name_is_refused_by_the_service(services):
    from sala.domain.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        services.preferences.save(Preferences(agency="ก" * 201))
    assert info.value.field == "agency" and "200" in info.value.th and "200" in info.value.en
    with pytest.raises(ValidationError):
        services.preferences.save(Preferences(unit="บรรทัดหนึ่ง\nบรรทัดสอง"))
    assert services.preferences.load() == Preferences()


class _UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_the_data_folder_is_shown_and_opened(qtbot, window, services):
    dlg = _open_settings(qtbot, window)
    assert dlg.folder_label.toolTip() == str(services.paths.data_dir)
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        dlg.open_folder.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [services.paths.data_dir]
    dlg.reject()


def test_back_up_now_adds_a_backup_to_the_list(qtbot, window, services):
    dlg = _open_settings(qtbot, window)
    before = dlg.backup_list.count()
    assert not dlg.restore_button.isEnabled(), "nothing to restore until a backup is chosen"
    dlg.backup_button.click()
    qtbot.waitUntil(lambda: dlg.backup_list.count() == before + 1, timeout=10_000)
    assert "สำรองด้วยตนเอง" in dlg.backup_list.item(0).text()
    assert Path(dlg.backup_list.item(0).toolTip()).exists()
    dlg.reject()


# -- restore, through the composition root (it owns the services) ----------------------------
@pytest.fixture
def started(qtbot, app_paths, fonts, thai_ui):
    made: list[Startup] = []

    def start() -> Startup:
        s = Startup(app_paths, make_settings(app_paths), "th")
        made.append(s)
        s.begin()
        qtbot.waitUntil(lambda: s.window.services is not None, timeout=15_000)
        return s

    yield start
    for s in made:
        box = getattr(s, "restore_message", None)
        if box is not None:
            box.close()  # a box left open would be the next test's "active modal widget"
            box.deleteLater()
        s.window.close()
        s.close()


def _two_sessions_and_a_backup_of_the_first(app_paths) -> Path:
    from sala.bootstrap import build_services

    svc = build_services(app_paths)
    svc.sessions.create(SessionInput("เวทีก่อนสำรอง", e.SessionKind.MINITALK, province="LPG"))
    backup = svc.db.backup("manual")
    svc.sessions.create(SessionInput("เวทีหลังสำรอง", e.SessionKind.MINITALK, province="LPG"))
    svc.close()
    return backup


def _select(dlg, path: Path) -> None:
    for i in range(dlg.backup_list.count()):
        if dlg.backup_list.item(i).toolTip() == str(path):
            dlg.backup_list.setCurrentRow(i)
            return
    raise AssertionError(f"{path} is not listed")


def test_restore_asks_first_keeps_the_current_data_aside_and_reopens(qtbot, app_paths, started):
    backup = _two_sessions_and_a_backup_of_the_first(app_paths)
    startup = started()
    old_window = startup.window
    assert old_window.list_page.model.total() == 2
    dlg = _open_settings(qtbot, old_window)
    _select(dlg, backup)

    seen: list[str] = []
    _answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    dlg.restore_button.click()
    assert seen and "แทนที่ข้อมูลในเครื่องนี้" in seen[0] and "ไม่ถูกลบ" in seen[0]
    assert dlg.isVisible() and startup.window is old_window, "cancelled: nothing happens"

    _answer_next_box(QMessageBox.StandardButton.Yes, seen)
    dlg.restore_button.click()
    qtbot.waitUntil(lambda: startup.window is not old_window and startup.window.services is not None, timeout=15_000)
    window = startup.window
    qtbot.waitUntil(lambda: getattr(startup, "restore_message", None) is not None)
    assert window.isEnabled() and window.list_page.model.total() == 1
    titles = {window.list_page.model.data(window.list_page.model.index(0, c)) for c in range(3)}
    assert "เวทีก่อนสำรอง" in " ".join(str(t) for t in titles)
    message = startup.restore_message.text()
    assert startup.restore_message.isVisible()
    assert "กู้คืนจากสำเนาสำรองแล้ว" in message
    aside = Path(message.split("\n")[-1])
    assert aside.exists() and aside.parent == app_paths.database.parent
    with sqlite3.connect(aside) as con:
        assert con.execute("SELECT count(*) FROM session").fetchone()[0] == 2, "the data before is kept whole"
    # The reopened database takes new work.
    window.services.sessions.create(SessionInput("เวทีหลังกู้คืน", e.SessionKind.MINITALK, province="LPG"))
    window.list_page.refresh()
    assert window.list_page.model.total() == 2


def test_a_damaged_backup_is_refused_and_nothing_changes(qtbot, app_paths, started):
    backup = _two_sessions_and_a_backup_of_the_first(app_paths)
    data = bytearray(backup.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header's page: not a database any more
    backup.write_bytes(bytes(data))
    startup = started()
    window = startup.window
    dlg = _open_settings(qtbot, window)
    _select(dlg, backup)
    seen: list[str] = []
    _answer_next_box(QMessageBox.StandardButton.Yes, seen)
    dlg.restore_button.click()
    errors: list[str] = []
    _answer_next_box(QMessageBox.StandardButton.Ok, errors)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "กู้คืนจาก" in errors[0] and "Cannot restore" in errors[0]
    assert startup.window is window and window.isEnabled()
    assert window.services.sessions.get(window.list_page.model.session_id(0)) is not None
    assert window.list_page.model.total() == 2
