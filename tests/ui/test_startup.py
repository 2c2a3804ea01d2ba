"""Start-up: the window first, the database after; a damaged file is met with the offer to
restore the newest backup, never a traceback, and nothing is written into it meanwhile."""

from __future__ import annotations

import gc
import sqlite3
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sala.bootstrap import build_services
from sala.domain.inputs import ContributionInput, SessionInput
from sala.paths import AppPaths, UnusableLocationError
from sala.services.demo import generate
from sala.services.first_page import SCREENFUL
from sala.services.session_rows import SessionSort
from sala.storage.errors import CorruptDatabaseError
from sala.ui.sessions.list_model import SessionListModel
from sala.ui.shell import startup as startup_module
from sala.ui.shell.main import make_settings, run_gui
from sala.ui.shell.startup import Startup


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` on the next modal message box, noting its text."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, click)
    QTimer.singleShot(20, click)


@pytest.fixture
def startups(qapp, fonts) -> Iterator[list[Startup]]:
    made: list[Startup] = []
    yield made
    for s in made:
        s.window.close()
        s.close()


def _start(app_paths: AppPaths, made: list[Startup]) -> Startup:
    startup = Startup(app_paths, make_settings(app_paths), "th")
    made.append(startup)
    startup.begin()
    return startup


def _with_one_session(app_paths: AppPaths, title: str, contributions: int = 0) -> str:
    services = build_services(app_paths)
    sid = services.sessions.create(SessionInput(title=title, kind="minitalk", province="LPG")).id
    for i in range(contributions):
        services.contributions.add(sid, ContributionInput("opinion", f"ความเห็นที่ {i} เรื่องฝุ่นควัน" * 20))
    services.db.backup("daily")
    services.close()
    return sid


def test_the_window_shows_before_the_database_opens_then_fills_in(qtbot, app_paths, startups):
    _with_one_session(app_paths, "เวทีรับฟังเรื่องฝุ่น")
    startup = _start(app_paths, startups)
    window = startup.window
    assert window.isVisible() and window.list_page is None, "the shell shows at once"
    assert not window.action_new.isEnabled(), "nothing that needs the database is offered yet"
    qtbot.waitUntil(lambda: window.services is not None, timeout=10_000)
    assert window.action_new.isEnabled()
    assert window.list_page.model.total() == 1
    qtbot.waitUntil(lambda: startup.tasks.pending() == 0)
    assert startup.services is not None and startup.services.db.damaged is None, "the deferred check passed"
    assert not window.action_new.shortcut().isEmpty(), "keys are bound once painted"


def test_the_collector_paused_for_the_start_runs_again_once_the_list_has_painted(qtbot, app_paths, startups,
                                                                                   held_open):
    _many_sessions(app_paths, 5)
    startup_module.pause_gc()
    try:
        startup = _start(app_paths, startups)
        assert not gc.isenabled(), "paused while the window and the list's first screenful are built"
        qtbot.waitUntil(lambda: startup.tasks is not None, timeout=10_000)
        assert startup.window.list_page is not None and startup.services is None
        assert gc.isenabled() and gc.get_freeze_count() > 0, "collecting again; start-up's objects set aside"
        held_open.set()
        qtbot.waitUntil(lambda: startup.window.services is not None, timeout=10_000)
        assert gc.get_freeze_count() == 0, "handed back to the collector once the services are open"
    finally:
        startup_module.resume_gc()
        gc.unfreeze()
        gc.enable()


def test_a_failed_start_leaves_the_collector_running(qapp, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    names = qapp.organizationName(), qapp.applicationName(), qapp.desktopFileName(), qapp.windowIcon()
    try:
        with pytest.raises(UnusableLocationError):
            run_gui(blocked / "sala.sqlite3")
        assert gc.isenabled()
    finally:
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        qapp.setDesktopFileName(names[2])
        qapp.setWindowIcon(names[3])


def test_a_damaged_header_offers_the_latest_backup_and_restores_it(qtbot, app_paths, startups):
    _with_one_session(app_paths, "เวทีที่ต้องไม่หาย")
    with open(app_paths.database, "r+b") as fh:
        fh.write(b"\x00" * 100)  # the header is gone: not a database any more
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Yes, seen)
    startup = _start(app_paths, startups)
    qtbot.waitUntil(lambda: startup.window.services is not None, timeout=10_000)
    assert seen and "เสียหาย" in seen[0] and "damaged" in seen[0]
    assert [r.title for r in startup.services.sessions.list()] == ["เวทีที่ต้องไม่หาย"]
    assert startup.window.list_page.model.total() == 1
    assert list(app_paths.data_dir.glob("*.damaged-*")), "the damaged file is kept aside"
    assert startup.exit_code == 0


def test_declining_the_restore_stops_cleanly(qtbot, app_paths, startups):
    build_services(app_paths).close()
    app_paths.database.write_bytes(b"garbage" * 1000)
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.Ok, seen)
    startup = _start(app_paths, startups)
    qtbot.waitUntil(lambda: startup.exit_code == 1, timeout=10_000)
    assert seen and "No backup" in seen[0]
    assert not startup.window.isVisible()


def _damage_a_late_page(path) -> None:
    """Scribble over a page near the end (contributions' data), leaving the header and the
    version table readable, so only the integrity check notices."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((pages - 3) * page_size)
        fh.write(b"\xff" * page_size)


def test_damage_found_by_the_deferred_check_blocks_writes_and_offers_restore(qtbot, app_paths, startups):
    _with_one_session(app_paths, "เวทีก่อนเสียหาย", contributions=60)
    _damage_a_late_page(app_paths.database)
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.No, seen)  # decline: the window closes, nothing written
    startup = _start(app_paths, startups)
    qtbot.waitUntil(lambda: startup.exit_code == 1, timeout=10_000)
    assert seen and "damaged" in seen[0]
    assert startup.services is not None and isinstance(startup.services.db.damaged, CorruptDatabaseError)
    with pytest.raises(CorruptDatabaseError):
        startup.services.sessions.create(SessionInput(title="ห้ามเขียน", kind="minitalk", province="LPG"))


def test_the_session_open_at_the_last_stop_comes_back(qtbot, app_paths, startups):
    sid = _with_one_session(app_paths, "เวทีที่เปิดค้างไว้")
    make_settings(app_paths).setValue("session/last_open", sid)
    startup = _start(app_paths, startups)
    window = startup.window
    qtbot.waitUntil(lambda: window.services is not None, timeout=10_000)
    assert startup._first_page is None, "no list flashes before the session comes back"
    page = window.stack.currentWidget()
    assert page is not window.list_page and getattr(page, "session_id", sid) == sid
    assert type(page).__name__ == "MinitalkPage"


@pytest.fixture
def held_open(monkeypatch) -> Iterator[threading.Event]:
    """The services wait on the writer thread until the test sets the event: what the user sees and
    does before the database is open is then not a race."""
    release = threading.Event()
    real = startup_module._open_services

    def held(paths, check):
        release.wait(30)
        return real(paths, check)

    monkeypatch.setattr(startup_module, "_open_services", held)
    yield release
    release.set()


def _many_sessions(app_paths: AppPaths, n: int = 45) -> list[str]:
    services = build_services(app_paths)
    generate(services.db, n, seed=13)
    ids = [r.id for r in services.sessions.list(limit=200)]
    services.close()
    return ids


def _first_page_shown(qtbot, startup: Startup) -> None:
    window = startup.window
    qtbot.waitUntil(lambda: window.list_page is not None and window.list_page.table.isVisible(), timeout=10_000)
    assert startup.services is None and window.services is None, "shown before the services exist"
    assert not window.action_new.isEnabled()


def test_the_newest_sessions_show_before_the_database_opens_and_stay(qtbot, app_paths, startups, held_open):
    ids = _many_sessions(app_paths)
    startup = _start(app_paths, startups)
    _first_page_shown(qtbot, startup)
    page = startup.window.list_page
    assert [page.model.session_id(r) for r in range(page.model.rowCount())] == ids[:SCREENFUL]
    page.table.selectRow(3)
    resets: list[bool] = []
    page.model.modelReset.connect(lambda: resets.append(True))
    held_open.set()
    qtbot.waitUntil(lambda: startup.window.services is not None, timeout=10_000)
    assert startup.window.action_new.isEnabled()
    assert resets == [], "the rows shown stay: no reset, the selection is kept"
    assert page.model.session_id(page.table.currentIndex().row()) == ids[3]
    assert [page.model.session_id(r) for r in range(page.model.rowCount())] == ids[:45]
    assert page.model.total() == 45


def test_a_session_opened_from_the_first_page_opens_once_the_database_is_open(qtbot, app_paths, startups,
                                                                             held_open):
    ids = _many_sessions(app_paths)
    startup = _start(app_paths, startups)
    _first_page_shown(qtbot, startup)
    table = startup.window.list_page.table
    cell = table.visualRect(table.model().index(2, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double-click: press, then the
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # double-click on the same row
    assert startup.window.stack.currentWidget() is startup.window.list_page, "nothing opens without the services"
    held_open.set()
    qtbot.waitUntil(lambda: startup.window.stack.currentWidget() is not startup.window.list_page, timeout=10_000)
    assert startup.window.stack.currentWidget().header.detail.id == ids[2]


def test_a_sort_asked_for_before_the_database_opens_applies_once_it_is(qtbot, app_paths, startups, held_open):
    _many_sessions(app_paths)
    startup = _start(app_paths, startups)
    _first_page_shown(qtbot, startup)
    page = startup.window.list_page
    before = [page.model.session_id(r) for r in range(page.model.rowCount())]
    header = page.table.horizontalHeader()
    section = SessionListModel.COLUMNS.index("title")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2,
                                header.height() // 2))
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (section, Qt.SortOrder.AscendingOrder)
    assert [page.model.session_id(r) for r in range(page.model.rowCount())] == before, "waits for the service"
    held_open.set()
    qtbot.waitUntil(lambda: startup.window.services is not None, timeout=10_000)
    expected = startup.services.sessions.list(limit=100, sort=SessionSort.TITLE, descending=False)
    assert [page.model.session_id(r) for r in range(page.model.rowCount())] == [r.id for r in expected]
    assert page.model.sort_key() == (SessionSort.TITLE, False)
