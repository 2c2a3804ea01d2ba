"""Contacts' key in a real OS key store: gnome-keyring's Secret Service on a private D-Bus.

Each Sala run is a child process under ``dbus-run-session`` with gnome-keyring unlocked over a
keyring folder of this test; the second run is a new D-Bus session over the same keyring files,
as after a reboot. The attack: a copy of the data folder (database and backups) without the
user's keyring opens no contact and shows none in its bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sala.bootstrap import build_services
from sala.paths import AppPaths
from sala.storage.contact_vault import ContactKeyMissingError

ROOT = Path(__file__).resolve().parents[2]
NEEDS = ("dbus-run-session", "gnome-keyring-daemon")
pytestmark = pytest.mark.skipif(any(shutil.which(t) is None for t in NEEDS),
                                reason="gnome-keyring and dbus are not installed (packaging/system-deps.sh)")

_SESSION = ('mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR" && '
            'printf %s "$UNLOCK" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && '
            'exec "$0" "$@"')


def _run(home: Path, action: str, data: Path, key_dir: Path) -> dict[str, object]:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_RUNTIME_DIR=str(home / "run"),
               XDG_CONFIG_HOME=str(home / "config"), UNLOCK="field-laptop-login", SALA_KEY_DIR=str(key_dir),
               PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring", PYTHONPATH=str(ROOT))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", _SESSION, sys.executable, "-m",
                           "tests.integration.keyring_child", action, str(data)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_contacts_key_lives_in_secret_service_and_a_copied_data_folder_opens_nothing(tmp_path: Path) -> None:
    home, data, key_dir = tmp_path / "home", tmp_path / "sala", tmp_path / "key-files"
    home.mkdir()
    first = _run(home, "add", data, key_dir)
    assert first["backend"] == "keyring.backends.SecretService"
    assert first["where"] == "keyring" and first["contact"] == ["สมศรี มีสุขใจ", "081-234-5678"]
    assert not key_dir.exists(), "no key file where the OS key store holds the key"
    assert list((home / "data" / "keyrings").iterdir()), "gnome-keyring wrote its own (encrypted) file"

    again = _run(home, "read", data, key_dir)   # a new login session: the key store keeps the key
    assert again["pid"] == first["pid"] and again["contact"] == ["สมศรี มีสุขใจ", "081-234-5678"]

    stolen = tmp_path / "usb-copy"             # the data folder copied off the laptop
    shutil.copytree(data, stolen)
    for path in stolen.rglob("*"):
        if path.is_file():
            data_bytes = path.read_bytes()
            assert b"0812345678" not in data_bytes and b"081-234-5678" not in data_bytes, path
            assert "สมศรี".encode() not in data_bytes, path
    svc = build_services(AppPaths(stolen, stolen / "logs"))   # this process: no Secret Service
    try:
        with pytest.raises(ContactKeyMissingError):
            svc.participants.contact(str(first["pid"]))
        assert svc.participants.find(phone="0812345678") == [], "nor can the blind index be tested"
    finally:
        svc.close()
