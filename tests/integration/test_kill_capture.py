"""Kill a capture process (SIGKILL) mid-typing and check what survived in the database.

Every entry the writer committed is there, every entry whose Enter came more than a second
before the kill is there, and the half-typed draft is the text being typed, at most about a
second behind the keyboard. Then the app, started again, reopens that session with the draft.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sala.bootstrap import build_services
from sala.paths import AppPaths
from sala.services.drafts import capture_key
from tests.integration.capture_child import sentence

ROOT = Path(__file__).resolve().parents[2]
MS_PER_KEY = 40
BEHIND_S = 1.0


@pytest.mark.slow
def test_sigkill_mid_typing_loses_at_most_a_second(tmp_path, qtbot, tasks, thai_ui):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=f"{ROOT / 'desktop'}{os.pathsep}{ROOT}")
    proc = subprocess.Popen([sys.executable, "-m", "tests.integration.capture_child", str(tmp_path), str(MS_PER_KEY)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    keys: list[tuple[float, int, int]] = []   # (when seen, sentence, chars typed in it)
    enters: list[tuple[float, int]] = []
    saved: list[str] = []
    session_id = ""
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen = time.monotonic()
            word, *rest = line.split()
            if word == "READY":
                session_id = rest[0]
            elif word == "KEY":
                keys.append((seen, int(rest[0]), int(rest[1])))
                # Kill in the middle of the fourth sentence, well into its typing.
                if int(rest[0]) == 3 and int(rest[1]) == 25:
                    os.kill(proc.pid, signal.SIGKILL)
                    killed_at = seen
                    break
            elif word == "ENTER":
                enters.append((seen, int(rest[0])))
            elif word == "SAVED":
                saved.append(rest[0])
        else:
            pytest.fail(f"the capture process ended by itself: {proc.stderr.read() if proc.stderr else ''}")
    finally:
        proc.kill()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    paths = AppPaths(tmp_path, tmp_path / "logs")
    services = build_services(paths)
    try:
        stored = services.contributions.list(session_id)
        ids = {c.id for c in stored}
        assert set(saved) <= ids, "an entry the writer confirmed is missing"
        texts = {c.text for c in stored}
        for when, n in enters:
            if when < killed_at - BEHIND_S:
                assert sentence(n) in texts, f"entry {n}, entered {killed_at - when:.2f} s before the kill, is lost"
        assert len(stored) == len(texts), "an entry was stored twice"

        draft = services.drafts.load(capture_key(session_id)) or {}
        current = sentence(3)
        text = draft.get("text", "")
        assert current.startswith(text), f"the draft {text!r} is not what was being typed"
        typed_a_second_before = max((i for when, n, i in keys if n == 3 and when < killed_at - BEHIND_S), default=0)
        assert len(text) >= typed_a_second_before, (
            f"draft has {len(text)} chars; {typed_a_second_before} had been typed a second before the kill")
        print(f"\nsurvived: {len(stored)} entries (confirmed {len(saved)}), draft {len(text)}/25 chars "
              f"({(25 - len(text)) * MS_PER_KEY} ms of typing behind)")

        # Started again, the app returns to the same session with the draft in the box.
        from sala.ui.minitalk.page import MinitalkPage
        from sala.ui.shell.app import create_main_window, reopen_last_session
        from sala.ui.shell.main import make_settings

        settings = make_settings(paths)
        window = create_main_window(services, tasks, settings, "th")
        qtbot.addWidget(window)
        assert reopen_last_session(window, settings)
        page = window.stack.currentWidget()
        assert isinstance(page, MinitalkPage) and page.session_id == session_id
        assert page.capture.box.toPlainText() == text
        tasks.wait_idle()
    finally:
        services.close()
