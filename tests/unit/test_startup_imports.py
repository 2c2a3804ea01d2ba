"""What the GUI imports before its session list shows: nothing heavy, so the start stays fast.

The window, then the list's first screenful, paint before the services exist (see
``ui/shell/startup.py``); SQLAlchemy, the charts, the PDF and Thai-language libraries and the
sync stack load after. A fresh interpreter imports every module on that path and reads a first
page; none of the heavy packages may be in ``sys.modules`` then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sala.bootstrap import Services
from sala.services.demo import generate

HEAVY = ("sqlalchemy", "alembic", "pyqtgraph", "numpy", "reportlab", "pythainlp", "uharfbuzz", "fastapi",
         "httpx", "cryptography", "PIL", "openpyxl", "docx", "sala.bootstrap", "sala.services.sessions",
         "sala.storage.database", "sala.sync")
START_PATH = ("sala.cli", "sala.ui.shell.main", "sala.ui.shell.startup", "sala.ui.shell.app",
              "sala.ui.shell.main_window", "sala.services.first_page", "sala.ui.sessions.list_page")
CHILD = """
import importlib, json, sys
from pathlib import Path
for name in {modules!r}:
    importlib.import_module(name)
from sala.services.first_page import read_first_page
page = read_first_page(Path(sys.argv[1]))
heavy = sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in {heavy!r}))
print(json.dumps({{"rows": len(page.rows) if page else 0, "heavy": heavy}}))
"""


def test_nothing_heavy_before_the_list_shows(services: Services) -> None:
    generate(services.db, 5, seed=1)
    services.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD.format(modules=START_PATH, heavy=HEAVY),
                           str(services.db.path)], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["rows"] == 5, "the first page was read"
    assert found["heavy"] == []


PAINT_CHILD = """
import json, sys
import PySide6.QtCore as core
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([])
seen = {{}}


class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
            seen.update(qt_namespace="Qt" in core.__dict__, rows=window.list_page.model.rowCount(),
                        services=window.services is not None,
                        model=type(window.list_page.model).__name__,
                        heavy=sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in {heavy!r})))
            QTimer.singleShot(0, app.quit)
        return False


watch = Watch()


def look() -> None:
    window = next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)
    page = getattr(window, "list_page", None)
    if page is not None:
        page.table.viewport().installEventFilter(watch)
    else:
        QTimer.singleShot(1, look)


QTimer.singleShot(0, look)
from sala.cli import main
main(["--db", sys.argv[1]])
print(json.dumps(seen))
"""


def test_the_first_screenful_paints_before_qts_namespace_is_built(services: Services) -> None:
    """The first use of ``PySide6.QtCore.Qt`` builds ~90 enum classes (~12 ms): nothing on the way to
    the list's first paint may touch it (a Python item model does, at its first ``headerData``)."""
    generate(services.db, 8, seed=2)
    services.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", PAINT_CHILD.format(heavy=HEAVY), str(services.db.path)],
                          capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert seen["rows"] == 8 and not seen["services"], "the first screenful, before the services"
    assert seen["model"] == "FirstScreenModel"
    assert seen["qt_namespace"] is False
    assert seen["heavy"] == []
