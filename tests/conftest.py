"""Fixtures shared by every test: a fresh database per test, fonts, the task runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sala.bootstrap import Services, build_services
from sala.paths import AppPaths


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """Device keys kept in a file (no OS key store here) go under pytest's temp folder, not the
    user's configuration folder (``storage/keystore.py``). Set before test modules are imported,
    so the environments they copy for child processes (``sala`` CLI runs) carry it too; keys are
    named by device id, so tests do not share one."""
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is not None and "SALA_KEY_DIR" not in os.environ:
        os.environ["SALA_KEY_DIR"] = str(factory.mktemp("device-keys", numbered=True))
    # keyring picks its backend on first use among every KeyringBackend subclass imported by
    # then, and test modules define in-memory ones: without this the run's keyring would depend
    # on which modules were collected, and keys kept in memory would be lost to child processes.
    # Tests that want an OS key store set one (and put this back).
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths(tmp_path / "data", tmp_path / "logs").ensure()


@pytest.fixture
def services(app_paths: AppPaths) -> Iterator[Services]:
    """Every service over a new, migrated database in this test's own folder."""
    svc = build_services(app_paths)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def fonts(qapp):  # pytest-qt's QApplication
    """Register the bundled Sarabun once per test run."""
    from sala.ui.shell.fonts import register_fonts

    return register_fonts(qapp)


@pytest.fixture(scope="session")
def thai_ui(qapp, fonts):
    """Thai translations installed, as at a normal start (Thai is the default UI language)."""
    from sala.ui.shell.i18n import install_translators

    return install_translators(qapp, "th")


@pytest.fixture
def tasks(qapp):
    from sala.ui.common.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def settings(app_paths: AppPaths):
    from sala.ui.shell.main import make_settings

    return make_settings(app_paths)
