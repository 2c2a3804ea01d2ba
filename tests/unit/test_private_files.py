"""Everything Sala leaves on the laptop is the user's alone (issue 12): the data folder and every
folder in it 0700; the database (and its -wal/-shm), backups, the device's keys and token, the
contacts' key file and exports 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sala.bootstrap import build_services
from sala.domain.inputs import ParticipantInput, SessionInput
from sala.paths import AppPaths
from sala.reports import exports
from sala.reports.filters import ReportFilter


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A laptop whose umask gives everything to everyone (the worst case)."""
    before = os.umask(0)
    yield
    os.umask(before)


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)) or ".": stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.rglob("*")]}


def test_the_data_folder_and_what_is_in_it_are_the_users_alone(tmp_path: Path, open_umask: None) -> None:
    paths = AppPaths(tmp_path / "data", tmp_path / "data" / "logs").ensure()
    svc = build_services(paths)
    try:
        sid = svc.sessions.create(SessionInput("สนทนากลุ่มงบประมาณชลบุรี", "focus_group", province="ชลบุรี")).id
        svc.participants.add(sid, ParticipantInput("P01", consent="written", contact_name="สมศรี มีสุข",
                                                   phone="0812345678"))
        svc.sync.identity.signing_key()
        svc.sync.identity.set_token("sala_not-a-real-token")
        svc.db.backup("manual")
        csv = paths.data_dir / "participants.csv"
        exports.export(svc.db, "participants", "csv", csv, ReportFilter(), include_personal_data=True)
        assert "สมศรี มีสุข" in csv.read_text(encoding="utf-8-sig"), "the export opens the encrypted contact"
        key_file = svc.participants.vault.store.path(svc.db.device_id)
        modes = _modes(paths.data_dir)
    finally:
        svc.close()
    assert {"sala.sqlite3", "sala.sqlite3-wal", "backups", "identity", "participants.csv"} <= set(modes)
    assert any(name.startswith("identity/") and name.endswith(".token") for name in modes)
    loose = {name: oct(mode) for name, mode in modes.items()
             if mode & 0o077 or (mode != 0o700 and (paths.data_dir / name).is_dir())}
    assert loose == {}, "group or others can reach these"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700


def test_an_export_outside_the_data_folder_is_private_too(tmp_path: Path, open_umask: None, services) -> None:
    out = tmp_path / "desk" / "sessions.xlsx"
    out.parent.mkdir()
    exports.export(services.db, "sessions", "xlsx", out, ReportFilter())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
