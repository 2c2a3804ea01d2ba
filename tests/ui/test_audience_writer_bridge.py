"""The audience server's writes go through the app's one writer and return only once committed:
a phone told "received" has its words in the file, whatever happens to the laptop next."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from sala.domain import enums as e
from sala.domain.errors import ValidationError
from sala.domain.inputs import SessionInput
from sala.ui.audience.writer_bridge import AudienceStoppedError, WriterBridge, WriterBusyError


@pytest.fixture
def sid(services) -> str:
    return services.sessions.create(SessionInput("เวทีฝุ่น", e.SessionKind.MINITALK, province="LPG")).id


def _title_on_disk(services, sid: str) -> str:
    """Read by a separate SQLite connection: only committed data is seen."""
    con = sqlite3.connect(services.db.path)
    try:
        return con.execute("SELECT title FROM session WHERE id = ?", (sid,)).fetchone()[0]
    finally:
        con.close()


def _in_thread(fn):
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["result"] = fn()
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            out["error"] = exc

    t = threading.Thread(target=run)
    t.start()
    return t, out


def _rename(sid: str, title: str):
    def write(s):
        s.execute(text("UPDATE session SET title = :t WHERE id = :id"), {"t": title, "id": sid})
        return title
    return write


def test_a_write_returns_only_after_its_commit(qtbot, services, tasks, sid):
    bridge = WriterBridge(services.db, tasks)
    seen: list[str] = []

    def write(s):
        s.execute(text("UPDATE session SET title = 'ฝุ่นควันลำปาง' WHERE id = :id"), {"id": sid})
        seen.append(threading.current_thread().name)
        return "done"

    t, out = _in_thread(lambda: (bridge.commit(write), _title_on_disk(services, sid)))
    qtbot.waitUntil(lambda: not t.is_alive())
    assert out["result"] == ("done", "ฝุ่นควันลำปาง")  # committed before commit() returned
    assert seen == ["sala-writer"]  # on the app's one writer, not the server's thread


def test_writes_keep_the_order_they_were_asked_in(qtbot, services, tasks, sid):
    """A phone's write queued after the facilitator's lands after it: one writer, one order."""
    bridge = WriterBridge(services.db, tasks)
    gate = threading.Event()
    tasks.run(lambda: gate.wait(10))  # the writer is busy with the facilitator's work
    tasks.run(lambda: _direct(services, sid, "ก่อน"))
    t, out = _in_thread(lambda: bridge.commit(_rename(sid, "หลัง")))
    qtbot.waitUntil(lambda: tasks.pending() >= 3)
    assert t.is_alive()  # waiting for its commit, not answered early
    gate.set()
    qtbot.waitUntil(lambda: not t.is_alive())
    assert out["result"] == "หลัง" and _title_on_disk(services, sid) == "หลัง"


def _direct(services, sid: str, title: str) -> None:
    with services.db.write() as s:
        _rename(sid, title)(s)


def test_a_failed_write_leaves_nothing_and_says_why(qtbot, services, tasks, sid):
    bridge = WriterBridge(services.db, tasks)

    def half_then_fail(s):
        _rename(sid, "ครึ่งทาง")(s)
        raise ValidationError("text", "ข้อความยาวเกินไป", "The text is too long")

    t, out = _in_thread(lambda: bridge.commit(half_then_fail))
    qtbot.waitUntil(lambda: not t.is_alive())
    assert isinstance(out["error"], ValidationError)
    assert _title_on_disk(services, sid) == "เวทีฝุ่น"


def test_nothing_is_written_once_the_mode_is_off(qtbot, services, tasks, sid):
    bridge = WriterBridge(services.db, tasks)
    gate = threading.Event()
    tasks.run(lambda: gate.wait(10))
    t, out = _in_thread(lambda: bridge.commit(_rename(sid, "หลังปิด")))
    qtbot.waitUntil(lambda: tasks.pending() >= 2)
    bridge.close()  # turned off while the phone's write waited in the queue
    gate.set()
    qtbot.waitUntil(lambda: not t.is_alive())
    assert isinstance(out["error"], AudienceStoppedError)
    assert _title_on_disk(services, sid) == "เวทีฝุ่น"
    with pytest.raises(AudienceStoppedError):
        _in_thread_join(lambda: bridge.commit(_rename(sid, "x")))


def test_a_write_the_writer_never_started_in_time_is_never_made(qtbot, services, tasks, sid):
    """The phone was told to send again: its first send must not land later as well."""
    bridge = WriterBridge(services.db, tasks, wait_s=0.2)
    gate = threading.Event()
    tasks.run(lambda: gate.wait(10))
    with pytest.raises(WriterBusyError):
        _in_thread_join(lambda: bridge.commit(_rename(sid, "ช้าไป")))
    gate.set()
    assert tasks.wait_idle(10)
    assert _title_on_disk(services, sid) == "เวทีฝุ่น"


def _in_thread_join(fn):
    t, out = _in_thread(fn)
    t.join(10)
    if "error" in out:
        raise out["error"]  # type: ignore[misc]
    return out["result"]


def test_never_from_the_ui_thread(services, tasks, sid):
    bridge = WriterBridge(services.db, tasks)
    with pytest.raises(RuntimeError):
        bridge.commit(_rename(sid, "x"))
    assert _title_on_disk(services, sid) == "เวทีฝุ่น"
