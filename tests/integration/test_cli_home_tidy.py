"""A user's home holds nothing of Sala's but its own folders: PyThaiNLP's data folder (which it
makes at first use, ``~/pythainlp-data`` by default) goes inside Sala's data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.timeout(600)


def _sala(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("SALA_DATA_DIR", "PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR", "XDG_DATA_HOME", "XDG_STATE_HOME")}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT / "desktop"))
    return subprocess.run([sys.executable, "-m", "sala", *args], cwd=home, env=env, capture_output=True,
                          text=True, timeout=300)


def test_a_thai_report_leaves_no_stray_folder_in_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert _sala(home, "demo-data").returncode == 0
    done = _sala(home, "report", "period", "--out", str(tmp_path / "period.pdf"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "period.pdf").is_file()
    assert sorted(p.name for p in home.iterdir()) == [".local"]
    assert (home / ".local" / "share" / "Sala" / "pythainlp").is_dir()
