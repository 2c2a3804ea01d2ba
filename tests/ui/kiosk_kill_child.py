"""The real app on a data folder, as a facilitator uses it before the battery dies:
``python -m tests.ui.kiosk_kill_child DATA_DIR SESSION_ID``.

Starts like ``sala`` does (``Startup``: the real main window, the writer thread), opens the
exhibition from the window, presses "Start kiosk mode", and a visitor rates by touch and sends.
Once the visitor screen shows and the writer has committed everything, it prints
``KIOSK <rating id>`` (flushed) and carries on running until the test kills it (SIGKILL).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

POLL_MS = 20


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(data_dir: Path, session_id: str) -> int:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # as in the test run: device keys in SALA_KEY_DIR files
    from sala.paths import AppPaths
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
    paths = AppPaths(data_dir, data_dir.parent / "logs").ensure()
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
