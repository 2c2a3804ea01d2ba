"""Field-day tests: the real main window on Qt's xcb platform under Xvfb at 1366x768 with a
window manager (openbox), as ``make test`` runs them (its second pytest run).

Under ``offscreen`` (``make test``'s first run, or a plain ``pytest``) the whole folder is skipped
with the reason said; nothing here fakes a display.
"""

from __future__ import annotations

import pytest

XCB_REASON = ("field-day tests need a real X display: run by `make test` under Xvfb on xcb "
              "(QT_QPA_PLATFORM=xcb); skipped on this platform")


@pytest.fixture(autouse=True)
def _xcb_only(qapp) -> None:  # noqa: ANN001 - pytest-qt's QApplication
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "xcb":
        pytest.skip(f"{XCB_REASON} (platform: {QGuiApplication.platformName()!r})")
