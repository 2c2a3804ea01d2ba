"""The real app on a data folder, as a facilitator uses it before the battery dies:
``python -m tests.ui.kiosk_kill_child DATA_DIR SESSION_ID``.

Starts like ``sala`` does (``Startup``: the real main window, the writer thread), opens the
exhibition from the window, presses "Start kiosk mode", and a visitor rates by touch and sends.
Once the visitor screen shows and the writer has committed everything, it prints
``KIOSK <rating id>`` (flushed) and carries on running until the test kills it (SIGKILL).

:func:`exhibition_with_pin` and :func:`run_until_killed` are the tests' side (tests/ui and the
field-day suite).
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sala.paths import AppPaths

POLL_MS = 20
PIN = "2580"
REPO = Path(__file__).resolve().parents[2]
GIVE_UP_S = 120  # a hung child fails the test instead of hanging the run


def exhibition_with_pin(app_paths: AppPaths) -> str:
    """An exhibition with proposals and a kiosk PIN chosen, on a laptop that was used before."""
    from sala.bootstrap import build_services
    from sala.domain import enums as e
    from sala.domain.inputs import SessionInput

    services = build_services(app_paths)
    try:
        sid = services.sessions.create(SessionInput("นิทรรศการฝุ่น PM2.5 ลำปาง", e.SessionKind.EXHIBITION,
                                                    province="LPG")).id
        for title in ("ปลูกต้นไม้ริมถนน", "ห้ามเผาในที่โล่ง", "รถรับส่งนักเรียนไฟฟ้า"):
            services.exhibition.add_proposal(sid, title)
        services.kiosk_pin.set(PIN, PIN)
    finally:
        services.close()
    return sid


def run_until_killed(app_paths: AppPaths, sid: str) -> str:
    """This module as a child app (offscreen): kiosk mode started, one visitor sent; then SIGKILL
    it, as a dead battery would. Returns the visitor's rating id."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "desktop"), str(REPO), env.get("PYTHONPATH", "")])
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.kiosk_kill_child", str(app_paths.data_dir), sid],
                             cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(child.stdout, selectors.EVENT_READ)
            ready = sel.select(GIVE_UP_S)
        line = child.stdout.readline() if ready else ""
        assert line.startswith("KIOSK "), f"the child app never reached the kiosk: {line!r}\n" + \
            ("" if child.poll() is None else (child.stderr.read() if child.stderr else ""))
        os.kill(child.pid, signal.SIGKILL)  # the battery dies: no close event, no clean-up
        assert child.wait(30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(30)
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()
    return line.split()[1]


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(data_dir: Path, session_id: str) -> int:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # as in the test run: device keys in SALA_KEY_DIR files
    from sala.ui.kiosk.staff_page import KioskStaffPage
    from sala.ui.shell import qt_fixes
    from sala.ui.shell.fonts import register_fonts
    from sala.ui.shell.i18n import install_translators
    from sala.ui.shell.main import make_settings
    from sala.ui.shell.startup import Startup

    app = QApplication(sys.argv[:1])
    qt_fixes.install()
    register_fonts(app)
    translators = install_translators(app, "th")  # noqa: F841 - kept alive for the run
    paths = AppPaths(data_dir, data_dir.parent / "logs").ensure()  # as the test's app_paths
    startup = Startup(paths, make_settings(paths), "th")
    startup.begin()
    state: dict[str, object] = {}

    def step() -> None:
        window = startup.window
        if "page" not in state:
            if window.services is None:
                QTimer.singleShot(POLL_MS, step)
                return
            window.open_session(session_id)  # the facilitator picks the exhibition in the list
            page = window.stack.currentWidget()
            assert isinstance(page, KioskStaffPage), page
            state["page"] = page
            page.start_button.click()
            kiosk = page.kiosk
            assert kiosk is not None and kiosk.isVisible(), "the kiosk PIN is set: the visitor screen opens at once"
            kiosk.sig_visit_saved.connect(lambda rid: state.setdefault("rating", rid))
            kiosk.faces.button(4).click()  # a visitor: a face, one proposal, Send
            next(iter(kiosk.proposal_buttons.values())).click()
            kiosk.save_button.click()
        tasks = startup.tasks
        if "rating" not in state or tasks is None or tasks.busy():
            QTimer.singleShot(POLL_MS, step)
            return
        out(f"KIOSK {state['rating']}")

    QTimer.singleShot(POLL_MS, step)
    try:
        return app.exec()
    finally:
        startup.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
