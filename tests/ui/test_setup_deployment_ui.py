"""Sync ▸ Set up from a deployment file…, as an office does it in the real window at 1366x768: a good
file is confirmed in a box naming the platform, its whole address, the report header and the default
province (before, only a status-bar message the permanent widgets cut short: "…ที่ https://sala.ex");
a changed file is refused in Thai and English and changes nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from sala.domain.clock import now
from sala.sync import identity
from sala.ui.shell.app import create_main_window
from sala.ui.shell.i18n import switch_language
from sala.wire import crypto
from sala.wire import deployment as dw

URL = "https://sala-consultation.opdc.example.go.th"


def _file(path: Path) -> Path:
    key = crypto.generate_signing_key()
    path.write_bytes(dw.sign(key, dw.Deployment(
        url=URL, server_id="srv-0123456789abcdef", name="ศูนย์ข้อมูลกลาง", signing_key=crypto.public_key_b64(key),
        sealing_key=crypto.sealing_public_b64(crypto.generate_sealing_key()), sealing_alg=crypto.SEAL_ALG,
        agency="สำนักงานจังหวัดลำปาง", unit="กลุ่มงานยุทธศาสตร์", province="LPG",
        issued_at=dw.iso(now()), expires_at=dw.iso(now() + timedelta(days=30)))))
    return path


@pytest.fixture
def window(qtbot, services, tasks, settings, qapp, thai_ui):
    w = create_main_window(services, tasks, settings, "th")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    switch_language(qapp, "th")


def _box(name: str) -> QMessageBox | None:
    found = [b for b in QApplication.topLevelWidgets()
             if isinstance(b, QMessageBox) and b.isVisible() and (not name or b.objectName() == name)]
    return found[0] if found else None


def test_a_good_file_is_confirmed_whole(qtbot, window, services, tmp_path) -> None:
    window.sync_actions.setup_deployment(_file(tmp_path / "sala-deployment.json"))
    qtbot.waitUntil(lambda: _box("deploymentAdopted") is not None, timeout=10_000)
    box = _box("deploymentAdopted")
    assert box is not None
    text = box.text()
    assert f"เครื่องนี้เชื่อถือระบบกลาง ศูนย์ข้อมูลกลาง ที่ {URL} แล้ว" in text
    assert "หัวรายงานที่พิมพ์: สำนักงานจังหวัดลำปาง · กลุ่มงานยุทธศาสตร์" in text
    assert "จังหวัดเริ่มต้นของเวทีใหม่: ลำปาง" in text
    assert box.geometry().width() <= 1366
    box.close()
    with services.db.read() as s:
        assert identity.pinned(s) is not None


def test_in_english_the_box_speaks_english(qtbot, window, tmp_path) -> None:
    window.set_language("en")
    window.sync_actions.setup_deployment(_file(tmp_path / "sala-deployment.json"))
    qtbot.waitUntil(lambda: _box("deploymentAdopted") is not None, timeout=10_000)
    box = _box("deploymentAdopted")
    assert box is not None
    assert f"This laptop now trusts ศูนย์ข้อมูลกลาง at {URL}" in box.text()
    assert "New sessions start in: Lampang" in box.text()
    box.close()


def test_a_changed_file_is_refused_in_both_languages_and_changes_nothing(qtbot, window, services, tmp_path,
                                                                         monkeypatch) -> None:
    said: list[str] = []  # the warning box is modal: its words are taken as show_error gives them
    monkeypatch.setattr("sala.ui.common.errors.QMessageBox.warning", lambda _p, _t, text: said.append(text))
    path = _file(tmp_path / "sala-deployment.json")
    path.write_bytes(path.read_bytes().replace(b'\n  "deployment"', b'\n\t"deployment"', 1))
    window.sync_actions.setup_deployment(path)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert "ไม่ได้ใช้ไฟล์ตั้งค่าระบบกลาง" in said[0] and "The deployment file was not used" in said[0], said
    assert "changed after the platform signed it" in said[0]
    assert _box("deploymentAdopted") is None
    with services.db.read() as s:
        assert identity.pinned(s) is None


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_window_says_what_became_of_the_file_beside_the_app(qtbot, services, tasks, settings, qapp, thai_ui,
                                                                 tmp_path, lang) -> None:
    """At start (bootstrap adopts the file beside the app), the window says once that a file was
    refused, why, in both languages, and where it is; or whom the laptop trusts now."""
    from sala.sync import deployment

    app_dir = tmp_path / "opt-sala"
    app_dir.mkdir()
    bad = _file(app_dir / dw.FILE_NAME)
    bad.write_bytes(bad.read_bytes().replace(b"LPG", b"CMI"))
    deployment.adopt_beside_app(services.db, app_dir)
    if lang == "en":
        switch_language(qapp, "en")
    try:
        w = create_main_window(services, tasks, settings, lang)
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitUntil(lambda: _box("deploymentRefused") is not None, timeout=10_000)
        box = _box("deploymentRefused")
        assert box is not None
        first, second = ("ไม่ได้ใช้ไฟล์ตั้งค่าระบบกลาง", "The deployment file was not used")[:: 1 if lang == "th" else -1]
        assert box.text().index(first) < box.text().index(second), "the UI's language first"
        assert str(bad) in box.text()
        box.close()
        w.close()

        _file(app_dir / dw.FILE_NAME)  # a good one now: adopted at the next start, said once
        deployment.adopt_beside_app(services.db, app_dir)
        w2 = create_main_window(services, tasks, settings, lang)
        qtbot.addWidget(w2)
        w2.show()
        qtbot.waitUntil(lambda: _box("deploymentAdopted") is not None, timeout=10_000)
        box = _box("deploymentAdopted")
        assert box is not None and URL in box.text()
        box.close()
        w2.close()
        w3 = create_main_window(services, tasks, settings, lang)
        qtbot.addWidget(w3)
        w3.show()
        tasks.wait_idle(10.0)
        QApplication.processEvents()
        assert _box("deploymentAdopted") is None and _box("deploymentRefused") is None, "said once"
    finally:
        switch_language(qapp, "th")


@pytest.mark.parametrize("drive", [True, False])
def test_the_file_dialog_opens_on_the_flash_drive_or_downloads(qtbot, window, tmp_path, monkeypatch, drive) -> None:
    """The office hands the file over on a USB stick or by e-mail: the dialog starts on the first
    flash drive, else Downloads (seen in the lead's walk: it opened in the folder the app was
    started from, the install folder on a field laptop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from sala.ui.sync import bundle_place

    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    (tmp_path / "home" / "Downloads").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(bundle_place, "removable_folders", lambda: [stick] if drive else [])
    seen: list[str] = []

    def look() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, QFileDialog) and d.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, look)
            return
        seen.append(dialogs[0].directory().absolutePath())
        dialogs[0].reject()

    QTimer.singleShot(20, look)
    window.sync_actions.action_setup.trigger()
    assert seen == [str(stick if drive else tmp_path / "home" / "Downloads")]
