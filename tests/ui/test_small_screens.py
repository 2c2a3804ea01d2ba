"""The real main window on a small laptop screen (1024x600) and on the usual one (1366x768), in Thai
and English: it is never wider or taller than the screen, every button and field lies inside it, no
text is cut; the session filters flow onto a second row when one is not enough; a passing message in
the status bar is read whole (the less needed parts of the bar give way), or elided with the whole
message in the tooltip when even that is not enough.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QTranslator
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMainWindow, QWidget

from sala.domain import enums as e
from sala.domain.inputs import SessionInput, VenueInput
from sala.ui import i18n_build
from sala.ui.shell.app import create_main_window
from sala.ui.shell.i18n import TRANSLATOR_NAME, switch_language
from tests.ui.clipping import clipped_self_sized
from tests.ui.conftest import clipped_texts
from tests.ui.test_pseudo_locale_clipping import _settle, outside_window

SMALL = (1024, 560)
"""A 1024x600 screen less its task bar and the window's title bar."""
USUAL = (1366, 728)


@pytest.fixture
def lang(request, qapp, thai_ui, tmp_path):
    """"th", "en", or "pseudo": English stretched a third longer with Thai marks (see i18n_build)."""
    switch_language(qapp, "en" if request.param == "pseudo" else request.param)
    if request.param == "pseudo":
        translator = QTranslator(qapp)
        translator.setObjectName(TRANSLATOR_NAME)
        assert translator.load(str(i18n_build.build_pseudo(tmp_path / "i18n")))
        qapp.installTranslator(translator)
    yield "en" if request.param == "pseudo" else request.param
    switch_language(qapp, "th")


@pytest.fixture
def window(qtbot, services, tasks, settings, lang):
    """The app's main window over sessions whose words are long in both languages."""
    services.sessions.create(SessionInput("ร่วมเลือกโครงการพัฒนาเมือง", e.SessionKind.EXHIBITION, province="AYA"))
    services.sessions.create(SessionInput("ชุมชนปลอดขยะ", e.SessionKind.MINITALK, province="KPT"))
    services.sessions.create(SessionInput("เวทีรับฟังความคิดเห็นปัญหาฝุ่น PM2.5", e.SessionKind.FOCUS_GROUP, venue=VenueInput(
        "ศูนย์ราชการสะดวก G-Service กรุงเทพมหานคร", e.VenueKind.G_SERVICE, "BKK")))

    def make(size: tuple[int, int]) -> QMainWindow:
        w = create_main_window(services, tasks, settings, lang)
        qtbot.addWidget(w)
        w.resize(*size)
        w.show()
        qtbot.waitExposed(w)
        _settle()
        return w

    return make


def _inside(w: QMainWindow, child: QWidget) -> bool:
    return QRect(QPoint(0, 0), w.size()).contains(QRect(child.mapTo(w, QPoint(0, 0)), child.size()))


@pytest.mark.parametrize("lang", ["th", "en", "pseudo"], indirect=True)
@pytest.mark.parametrize("size", [SMALL, USUAL], ids=["1024x600", "1366x768"])
def test_the_main_window_fits_the_screen_with_every_control_inside(window, size):
    w = window(size)
    hint = w.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1], f"the window needs {hint.toTuple()}"
    assert w.size().toTuple() == size, f"asked for {size}, the window is {w.size().toTuple()}"
    controls = [c for kind in (QAbstractButton, QComboBox, QLineEdit) for c in w.findChildren(kind)
                if c.isVisibleTo(w) and c.width() > 1]
    assert len(controls) >= 8
    assert all(_inside(w, c) for c in controls), [type(c).__name__ for c in controls if not _inside(w, c)]
    assert not outside_window(w)
    assert not clipped_texts(w) + clipped_self_sized(w)
    bar = w.list_page.filters
    for control in (bar.search, bar.kind, bar.status, bar.topic, bar.province, bar.use_dates, bar.date_from):
        assert control.isVisibleTo(w) and _inside(w, control)


@pytest.mark.parametrize("lang", ["th", "en"], indirect=True)
def test_the_filters_take_a_second_row_on_a_small_screen_only(window):
    w = window(SMALL)
    bar = w.list_page.filters
    assert bar.rows() == 2
    assert bar.date_from.mapTo(w, QPoint(0, 0)).y() > bar.search.mapTo(w, QPoint(0, 0)).y() + bar.search.height()
    w.resize(*USUAL)
    _settle()
    assert bar.rows() == 1
    assert bar.date_from.mapTo(w, QPoint(0, 0)).y() == bar.kind.mapTo(w, QPoint(0, 0)).y()


def _message_room(w: QMainWindow) -> int:
    """The width left to the temporary message, left of the bar's visible permanent widgets."""
    status = w.statusBar()
    lefts = [c.x() for c in status.findChildren(QWidget) if c.parentWidget() is status and c.isVisibleTo(status)]
    return min(lefts, default=status.width()) - 6


@pytest.mark.parametrize("lang", ["th", "en"], indirect=True)
def test_the_first_message_is_read_whole_and_the_bar_comes_back_after_it(window, qtbot, lang):
    w = window(USUAL)
    status = w.statusBar()
    qtbot.waitUntil(lambda: not w.tasks.busy())  # "Saving…" and "All changes saved" come and go first
    message = w.tr("Ready — working offline, every entry is saved on this laptop")  # said at start
    assert (message[:6] == "Ready ") == (lang == "en")
    status.showMessage(message, 5000)
    _settle()
    assert status.fontMetrics().horizontalAdvance(message) <= _message_room(w), "the message is cut"
    assert not w.db_label.isVisible()  # the data file's path gave way, its text in the tooltip
    assert w.db_label.text() in status.toolTip()
    status.clearMessage()
    _settle()
    assert w.db_label.isVisible() and w.count_label.isVisible() and status.toolTip() == ""


@pytest.mark.parametrize("lang", ["th", "en"], indirect=True)
@pytest.mark.parametrize("size", [SMALL, USUAL], ids=["1024x600", "1366x768"])
def test_a_long_message_is_whole_or_elided_with_its_whole_text_in_the_tooltip(window, qtbot, size):
    w = window(size)
    status = w.statusBar()
    w.backup_now()  # "Backup saved: <the backup's whole path>"
    qtbot.waitUntil(lambda: "sqlite3" in status.currentMessage())
    _settle()
    message = status.currentMessage()
    room = _message_room(w)
    if status.fontMetrics().horizontalAdvance(message) > room:
        shown = getattr(status, "shown_message", lambda: message)()
        assert shown.endswith("…") and status.fontMetrics().horizontalAdvance(shown) <= room, shown
        assert message in status.toolTip()
    assert size == USUAL or status.fontMetrics().horizontalAdvance(message) > room  # both branches are met
    sync_button = w.sync_actions.widget.sync_button
    assert sync_button.isVisible() and _inside(w, sync_button)  # what can be done stays


@pytest.mark.parametrize("lang", ["th"], indirect=True)
def test_a_long_topic_is_elided_with_its_name_in_its_tooltip_and_whole_in_its_list(window, qtbot):
    w = window(SMALL)
    topic = w.list_page.filters.topic
    fm = topic.fontMetrics()
    longest = max(range(topic.count()), key=lambda i: fm.horizontalAdvance(topic.itemText(i)))
    assert fm.horizontalAdvance(topic.itemText(longest)) > topic.width()  # the catalogue has one too long
    topic.setCurrentIndex(longest)
    assert topic.is_elided() and topic.toolTip() == topic.itemText(longest)
    assert topic.view().minimumWidth() > fm.horizontalAdvance(topic.itemText(longest))
    topic.setCurrentIndex(0)  # "ทุกประเด็น" fits: no tooltip to repeat it
    assert not topic.is_elided() and topic.toolTip() == ""
