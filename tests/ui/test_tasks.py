"""The one way to run work in the background: a single ordered writer, readers beside it, long
jobs with progress and cancel, results on the UI thread, and every bug logged with its traceback."""

from __future__ import annotations

import logging
import threading

import pytest

from sala.domain.errors import SalaError
from sala.ui.common.tasks import FileLane, Job, LatestReader, TaskRunner, start

TASKS_LOG = "sala.ui.common.tasks"


def _on_ui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_writes_run_one_at_a_time_on_one_thread_in_the_order_asked(qtbot, tasks: TaskRunner) -> None:
    ran: list[tuple[str, int]] = []
    done: list[tuple[int, bool]] = []
    inside = 0
    overlap = False

    def write(i: int) -> int:
        nonlocal inside, overlap
        inside += 1
        overlap = overlap or inside > 1
        ran.append((threading.current_thread().name, i))
        inside -= 1
        return i

    for i in range(200):
        tasks.run(lambda i=i: write(i), lambda r: done.append((r, _on_ui_thread())))
    qtbot.waitUntil(lambda: len(done) == 200 and tasks.pending() == 0)
    assert [i for _, i in ran] == list(range(200))
    assert {name for name, _ in ran} == {"sala-writer"}
    assert not overlap
    assert done == [(i, True) for i in range(200)]  # results come back in order, on the UI thread


def test_a_bug_handed_to_on_error_is_logged_with_its_traceback_first(qtbot, tasks: TaskRunner, caplog) -> None:
    caplog.set_level(logging.ERROR, logger=TASKS_LOG)
    seen: list[tuple[BaseException, int]] = []

    def broken() -> None:
        raise ZeroDivisionError("a bug, not the user's trouble")

    tasks.run(broken, on_error=lambda exc: seen.append((exc, len(caplog.records))))
    qtbot.waitUntil(lambda: bool(seen))
    exc, records_when_shown = seen[0]
    assert isinstance(exc, ZeroDivisionError)
    assert records_when_shown == 1, "logged before the handler showed it"
    (record,) = [r for r in caplog.records if r.name == TASKS_LOG]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert record.exc_info[1] is exc
    assert "in broken" in caplog.text  # the traceback names where it happened


def test_a_users_trouble_goes_to_its_handler_and_is_not_logged_as_a_bug(qtbot, tasks: TaskRunner, caplog) -> None:
    caplog.set_level(logging.DEBUG, logger=TASKS_LOG)
    seen: list[BaseException] = []

    def refused() -> None:
        raise SalaError("ข้อความภาษาไทย", "English message")

    tasks.run(refused, on_error=seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert isinstance(seen[0], SalaError)
    assert [r for r in caplog.records if r.name == TASKS_LOG] == []


def test_a_bug_without_a_handler_is_logged_and_the_writer_goes_on(qtbot, tasks: TaskRunner, caplog) -> None:
    caplog.set_level(logging.ERROR, logger=TASKS_LOG)
    after: list[str] = []
    tasks.run(lambda: {}["missing"])
    tasks.run(lambda: "next", after.append)
    qtbot.waitUntil(lambda: after == ["next"])
    assert any(r.exc_info and isinstance(r.exc_info[1], KeyError) for r in caplog.records)


def test_a_write_cancelled_before_it_starts_never_runs(qtbot, tasks: TaskRunner) -> None:
    gate = threading.Event()
    ran: list[str] = []
    delivered: list[str] = []
    tasks.run(lambda: gate.wait(10))  # the writer is busy until the gate opens
    job = tasks.run(lambda: ran.append("cancelled one"), lambda _r: delivered.append("cancelled one"))
    tasks.run(lambda: ran.append("next"), lambda _r: delivered.append("next"))
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending() == 0)
    assert ran == ["next"] and delivered == ["next"]
    assert job.cancelled and job.done()


def test_a_long_job_reports_progress_on_the_ui_thread_and_stops_when_cancelled(qtbot) -> None:
    from PySide6.QtCore import QObject

    owner = QObject()
    progress: list[tuple[int, bool]] = []
    finished: list[tuple[str, bool]] = []
    started = threading.Event()

    def long_job(job: Job) -> str:
        for step in range(3):
            job.progress(step)
        started.set()
        job.cancel_event.wait(10)  # works until asked to stop
        return "stopped" if job.cancelled else "ran out"

    job = start(long_job, owner, lambda r: finished.append((r, _on_ui_thread())),
                on_progress=lambda step: progress.append((step, _on_ui_thread())), name="sala-test-job")
    assert started.wait(10)
    assert not job.done()
    job.cancel()
    qtbot.waitUntil(lambda: bool(finished))
    assert finished == [("stopped", True)]
    assert progress == [(0, True), (1, True), (2, True)]  # all before the result, on the UI thread


def test_a_bug_in_a_long_job_is_logged_before_its_handler_sees_it(qtbot, caplog) -> None:
    from PySide6.QtCore import QObject

    caplog.set_level(logging.ERROR, logger=TASKS_LOG)
    owner = QObject()
    seen: list[int] = []

    def broken(_job: Job) -> None:
        raise RuntimeError("broken report")

    start(broken, owner, on_error=lambda _exc: seen.append(len(caplog.records)), name="sala-test-job")
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [1]
    assert caplog.records[0].exc_info is not None and "broken report" in caplog.text


def test_the_reader_delivers_only_the_newest_request(qtbot) -> None:
    reader = LatestReader("sala-test-reader")
    gate = threading.Event()
    got: list[str] = []
    try:
        reader.submit(lambda: gate.wait(10) and "first", got.append)   # running while the others come
        reader.submit(lambda: "second", got.append)                    # waiting: replaced
        reader.submit(lambda: "third", got.append)
        assert reader.busy()
        gate.set()
        qtbot.waitUntil(lambda: not reader.busy())
        assert got == ["third"]
    finally:
        reader.shutdown()


@pytest.mark.parametrize("threads", [1, 2])
def test_file_work_runs_off_the_ui_thread_and_waits_idle(qtbot, threads: int) -> None:
    lane = FileLane(threads=threads)
    names: list[str] = []
    try:
        for i in range(6):
            lane.run(lambda i=i: (threading.current_thread().name, i), lambda r: names.append(r[0]))
        assert lane.wait_idle(10)
        qtbot.waitUntil(lambda: lane.pending() == 0)
        assert len(names) == 6 and all(n.startswith("sala-files") for n in names)
    finally:
        lane.shutdown()


def test_a_bug_in_a_superseded_read_is_still_logged(qtbot, caplog) -> None:
    caplog.set_level(logging.ERROR, logger=TASKS_LOG)
    reader = LatestReader("sala-test-reader")
    started, gate = threading.Event(), threading.Event()
    got: list[str] = []

    def broken_then_superseded() -> None:
        started.set()
        gate.wait(10)
        raise IndexError("a bug in a read nobody waits for")

    try:
        reader.submit(broken_then_superseded, got.append, got.append)
        assert started.wait(10)  # running, not waiting: a waiting read would simply never run
        reader.submit(lambda: "newest", got.append)
        gate.set()
        qtbot.waitUntil(lambda: not reader.busy())
        assert got == ["newest"]  # the superseded read's failure is not shown …
        assert any(r.exc_info and isinstance(r.exc_info[1], IndexError) for r in caplog.records)  # … but logged
    finally:
        reader.shutdown()
