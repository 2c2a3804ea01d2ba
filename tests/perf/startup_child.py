"""Child process for the start-up benchmark: a bare window, or Sala through its real entry point.

Usage: python -m tests.perf.startup_child {bare|sala} [DB] [--search WORD]

Sala starts exactly as the ``sala`` command does (``sala.cli.main(["--db", DB])``); this
child only watches Qt's events from outside. It prints ``SHOWN`` when the main window first
paints, ``LISTED`` when the session table first paints with rows in it (the first screenful
may show before the services exist), then (once they do, after the optional search and once
background work is idle) ``VMHWM <kB>``, the peak resident memory.
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
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])

    class Probe(QObject):
        """Watches only the main window (and later the list's viewport): an application-wide
        Python event filter would wrap every object and event the app makes, and the
        binding's lazy set-up of each new type would then cost the app more than the bare
        window, skewing the comparison."""

        def __init__(self) -> None:
            super().__init__()
            self.shown = self.listed = False

        def eventFilter(self, obj, event):  # Qt name
            if event.type() == QEvent.Type.Paint:
                if not self.shown and isinstance(obj, QMainWindow):
                    self.shown = True
                    print("SHOWN", flush=True)
                    QTimer.singleShot(0, finish if mode == "bare" else look_for_list)
                elif self.shown and not self.listed and not isinstance(obj, QMainWindow):
                    self.listed = True
                    print("LISTED", flush=True)
                    QTimer.singleShot(0, after_listed)
            return False

    probe = Probe()
    real_show = QMainWindow.show

    def show_watched(self) -> None:
        self.installEventFilter(probe)
        real_show(self)

    QMainWindow.show = show_watched  # type: ignore[method-assign]
    real_show_maximized = QMainWindow.showMaximized

    def show_maximized_watched(self) -> None:  # a screen smaller than the preferred size
        self.installEventFilter(probe)
        real_show_maximized(self)

    QMainWindow.showMaximized = show_maximized_watched  # type: ignore[method-assign]

    def look_for_list() -> None:
        """Every 5 ms, until the list has rows; then watch its viewport's next paint."""
        window = main_window()
        page = getattr(window, "list_page", None)
        if page is not None and page.model.rowCount() > 0 and page.table.isVisible():
            page.table.viewport().installEventFilter(probe)
            page.table.viewport().update()
        else:
            QTimer.singleShot(5, look_for_list)

    def finish() -> None:
        print("VMHWM", _peak_kb(), flush=True)
        app.quit()

    def main_window():
        return next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())

    def after_listed() -> None:
        """The search and the idle wait need the services: the list shows before they exist."""
        window = main_window()
        if getattr(window, "services", None) is None:
            QTimer.singleShot(5, after_listed)
            return
        if "--search" in sys.argv:
            word = sys.argv[sys.argv.index("--search") + 1]
            page = window.list_page
            page.filters.search.setText(word)
            page.apply_filter(page.filters.current())
            app.processEvents()
        wait_idle()

    def wait_idle() -> None:
        tasks = main_window().tasks
        if tasks is not None and tasks.pending():
            QTimer.singleShot(20, wait_idle)
        else:
            finish()

    if mode == "bare":
        w = QMainWindow()
        w.resize(1200, 760)
        w.show()
        app.exec()
    else:
        from sala.cli import main as sala_main

        sys.exit(sala_main(["--db", sys.argv[2]]))


if __name__ == "__main__":
    main()
