"""Child process for the start-up benchmark: start a bare window or Sala's, say when shown.

Usage: python -m tests.perf.startup_child {bare|sala} [DB] [--search WORD]
Prints ``SHOWN`` once the window is exposed, then ``VMHWM <kB>`` (peak resident memory).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _peak_kb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    if mode == "bare":
        w = QMainWindow()
        w.resize(1200, 760)
    else:
        from pathlib import Path

        from sala.bootstrap import build_services
        from sala.paths import AppPaths
        from sala.ui.app import create_main_window
        from sala.ui.fonts import register_fonts
        from sala.ui.i18n import install_translators
        from sala.ui.main import make_settings
        from sala.ui.tasks import TaskRunner

        db = Path(sys.argv[2])
        register_fonts(app)
        _tr = install_translators(app, "th")  # noqa: F841
        paths = AppPaths.for_database(db)
        services = build_services(paths)
        w = create_main_window(services, TaskRunner(), make_settings(paths), "th")
    w.show()

    def shown() -> None:
        print("SHOWN", flush=True)
        if "--search" in sys.argv:
            word = sys.argv[sys.argv.index("--search") + 1]
            w.list_page.filters.search.setText(word)
            w.list_page.apply_filter(w.list_page.filters.current())
            app.processEvents()
        print("VMHWM", _peak_kb(), flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


if __name__ == "__main__":
    main()
