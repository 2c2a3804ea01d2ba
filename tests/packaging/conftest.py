"""The frozen app, built once per test run (PyInstaller, ~1 minute) for every test that needs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "sala.spec"
BUILD_TIMEOUT_S = 600


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``Sala/`` as ``make dist`` makes it (the same spec), built under the test run's temp folder."""
    from sala.ui import i18n_build

    i18n_build.build()  # the .qm the spec ships (up to date after `make test`: then nothing is written)
    base = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(base / "pyinstaller-cache"))
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(base / "dist"), "--workpath", str(base / "build"), str(SPEC)],
                   cwd=ROOT, env=env, check=True, timeout=BUILD_TIMEOUT_S)
    bundle = base / "dist" / "Sala"
    assert (bundle / "Sala").is_file()
    return bundle


def clean_env(home: Path, tmp: Path) -> dict[str, str]:
    """A user with an empty home and no Qt platform chosen: the self-check must choose offscreen."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "SALA_DATA_DIR", "SALA_RESOURCES", "XDG_DATA_HOME", "XDG_STATE_HOME",
                        "XDG_CONFIG_HOME", "PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY")}
    home.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), TMPDIR=str(tmp))
    return env
