"""Fixtures the UI tests share (the database, fonts and task runner come from ``tests/conftest.py``)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def qt_fixes(qapp):  # noqa: ANN001 - pytest-qt's QApplication
    """Patched once per run, as ``run_gui`` does at the app's start (a no-op on a sound PySide6)."""
    from sala.ui.shell import qt_fixes as fixes

    return fixes.install()
