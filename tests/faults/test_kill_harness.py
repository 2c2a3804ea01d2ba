"""The kill harness in CI: at least 200 SIGKILLs of ``sala`` processes while they capture,
finalize, back up, import a bundle and sync to a real ``sala-central``; nothing lost, nothing
twice, every reopened database passes ``integrity_check``. ``SALA_KILLS`` sets the count
(``make kills``: 2,000). See ``tests/faults/kill_harness.py``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.faults.kill_harness import MODES, run


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_and_duplicates_nothing(tmp_path: Path):
    kills = max(200, int(os.environ.get("SALA_KILLS", "200")))
    tally = run(kills, tmp_path)
    print(tally.line())
    detail = "\n".join(tally.detail + tally.worker_errors[:3])
    assert not tally.worker_errors, detail
    assert tally.kills >= 200, detail
    assert set(tally.by_mode) == set(MODES), detail
    assert tally.before_ready > 0, detail
    assert (tally.lost, tally.duplicated, tally.integrity_failures) == (0, 0, 0), f"{tally.line()}\n{detail}"
    assert "bundle forwarded True" in detail, detail
