"""A capture session as its own process, for the kill test: build the app offscreen on a temp
database, open a minitalk and type at a steady pace, printing what it did, until it is killed.

Usage: python -m tests.integration.capture_child DATA_DIR [MS_PER_KEY]
Prints ``READY``, then ``KEY <sentence> <chars typed in it>``, ``ENTER <sentence>`` and
``SAVED <id>`` (the writer committed it) lines, each flushed at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SENTENCES = (
    "ฝุ่นช่วงเดือนมีนาคมหนักมากจนเด็กในหมู่บ้านป่วย",
    "ควรมีจุดวัดคุณภาพอากาศทุกตำบลและแจ้งเตือนทางไลน์",
    "ขอเครื่องอัดฟางให้ชาวบ้านยืมแทนการเผาซังข้าวโพด",
    "อยากให้อบต.จัดเวทีติดตามผลทุกสามเดือน",
)


def sentence(n: int) -> str:
    return f"{n:03d} {SENTENCES[n % len(SENTENCES)]}"


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from sala.bootstrap import build_services
    from sala.domain.inputs import SessionInput
    from sala.paths import AppPaths
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.minitalk.page import MinitalkPage
    from sala.ui.shell import qt_fixes
    from sala.ui.shell.app import create_main_window
    from sala.ui.shell.fonts import register_fonts
    from sala.ui.shell.main import make_settings
    from tests.typing import type_text

    data = Path(argv[0])
    ms = int(argv[1]) if len(argv) > 1 else 40
    app = QApplication([])
    qt_fixes.install()  # as run_gui does at start
    register_fonts(app)
    paths = AppPaths(data, data / "logs").ensure()
    services = build_services(paths)
    settings = make_settings(paths)
    sid = services.sessions.create(SessionInput("เวทีทดสอบการปิดเครื่องกะทันหัน", "minitalk", province="LPG")).id
    tasks = TaskRunner()
    window = create_main_window(services, tasks, settings, "th")
    window.show()
    window.open_session(sid)
    settings.sync()
    page = window.stack.currentWidget()
    assert isinstance(page, MinitalkPage)
    window.activateWindow()
    box = page.capture.box
    box.setFocus()
    page.ops.on_saved = lambda v: print(f"SAVED {v.id}", flush=True)
    state = {"n": 0, "i": 0}

    def step() -> None:
        text = sentence(state["n"])
        if state["i"] < len(text):
            type_text(box, text[state["i"]])
            state["i"] += 1
            print(f"KEY {state['n']} {state['i']}", flush=True)
        else:
            page.capture.submit()  # what Enter does in the box
            print(f"ENTER {state['n']}", flush=True)
            state["n"] += 1
            state["i"] = 0

    timer = QTimer(interval=ms)
    timer.timeout.connect(step)
    timer.start()
    print(f"READY {sid}", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
