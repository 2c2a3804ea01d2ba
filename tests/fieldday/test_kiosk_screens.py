"""The kiosk fits any screen from 1024x600 to 1920x1080: each size is a real X screen (its own
Xvfb with openbox), the kiosk shown full screen there by a child process on xcb."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _xvfb(size: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb at ``size`` on a free display (it names the display itself: -displayfd)."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=open(log, "wb"))
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # written once the server accepts connections
    assert number, f"Xvfb did not start:\n{log.read_text(errors='replace')}"
    return proc, f":{number}"


def _stop(proc: subprocess.Popen[bytes] | None) -> None:
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("openbox") is None,
                    reason="needs Xvfb and openbox (packaging/system-deps.sh installs them)")
@pytest.mark.parametrize(("size", "proposals"), [
    pytest.param("1024x600", "short", id="1024x600-short"),
    pytest.param("1024x600", "long", id="1024x600-long"),
    pytest.param("1024x600", "five", id="1024x600-five-long"),
    pytest.param("1920x1080", "long", id="1920x1080-long"),
])
def test_kiosk_fits_the_screen(tmp_path, size, proposals):
    xvfb = wm = None
    try:
        xvfb, display = _xvfb(size, tmp_path / "xvfb.log")
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path))
        env.pop("XAUTHORITY", None)  # this server has no cookie: local clients are let in
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        child = subprocess.run([sys.executable, "-m", "tests.fieldday.kiosk_child", str(tmp_path), proposals],
                               check=False, cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
        assert child.returncode == 0, child.stdout + child.stderr
        result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    finally:
        _stop(wm)
        _stop(xvfb)
    w, h = (int(x) for x in size.split("x"))
    assert result["screen"] == [w, h]
    assert result["settled"], f"the kiosk never became full screen: {result}"
    assert result["outside"] == [], f"off the {size} screen (see {tmp_path / 'kiosk.png'}):\n  " + \
        "\n  ".join(result["outside"])
    # proposals wrap only between Thai words (PyThaiNLP's boundaries) and none is cut off
    for tile in result["wrapping"]:
        assert tile["inside_word"] == [], f"a line ends inside a word: {tile['inside_word']} in {tile['lines']}"
        assert not tile["cut"] and not tile["too_wide"], f"a proposal's text is cut off: {tile}"
    if proposals != "short":
        assert max(len(t["lines"]) for t in result["wrapping"]) >= 2, "the long proposals really wrap"
    pin = result["pin"]  # after a wrong PIN at the staff exit (see kiosk-pin.png)
    assert pin["refused"], pin
    assert pin["overlaps"] == [], f"keys overlap after a wrong PIN: {pin}"
    assert min(pin["key_heights"]) >= 44 and pin["outside"] == [], pin
