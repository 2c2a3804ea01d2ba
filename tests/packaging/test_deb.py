"""The Debian package: installs under /opt/sala with a menu entry, runs its self-check from the
installed path, upgrades in place, and leaves the user's data behind when removed.

Needs root and dpkg-deb (CI runs it as root); it installs into the real system and removes
what it installed at the end, whatever happens.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, clean_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

INSTALLED = ("/opt/sala/Sala", "/opt/sala/_internal/resources/fonts/Sarabun-Regular.ttf", "/usr/bin/sala",
             "/usr/share/applications/sala.desktop", "/usr/share/icons/hicolor/256x256/apps/sala.png",
             "/usr/share/icons/hicolor/48x48/apps/sala.png", "/usr/share/icons/hicolor/scalable/apps/sala.svg")


TEST_VERSION_MARK = "+test"
"""In the versions this test installs: a package left with it is this test's own."""


def _why_not() -> str | None:
    if os.geteuid() != 0:
        return "installing a .deb needs root (CI runs this test as root)"
    for tool in ("dpkg-deb", "dpkg", "dpkg-query"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (not a Debian-family system)"
    return None


def _installed_version() -> str | None:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Status} ${Version}", "sala"], capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.startswith("install ok installed"):
        return None
    return done.stdout.split()[-1]


def _build_deb(bundle: Path, out: Path, version: str) -> Path:
    env = dict(os.environ, VERSION=version, DEB_COMPRESS="gzip", DEB_LEVEL="1", TMPDIR=str(out))
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["bash", str(ROOT / "packaging" / "build-deb.sh"), str(bundle), str(out)], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=300)
    (deb,) = out.glob(f"sala_{version}_*.deb")
    return deb


def _dpkg(*args: str) -> None:
    done = subprocess.run(["dpkg", *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def _self_check(env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(["/usr/bin/sala", "--self-check"], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "in /opt/sala/_internal/sala/storage/migrations" in done.stdout, done.stdout
    return done.stdout


@pytest.fixture
def machine_to_ourselves() -> Iterator[None]:
    """Root and dpkg, and the machine's packages to ourselves: several test runs may share this
    machine, so one at a time installs (a lock on this file), and an installed Sala is left alone."""
    reason = _why_not()
    if reason:
        pytest.skip(reason)
    with open(__file__, "rb") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pytest.skip("another test run on this machine is installing the package right now")
        try:
            installed = _installed_version()
            if installed is not None and TEST_VERSION_MARK in installed:
                # this test's own package, left by a run that was killed before its clean-up: before,
                # every later run skipped for ever because of it (found installed, 0.1.0+test1)
                subprocess.run(["dpkg", "--purge", "sala"], capture_output=True, timeout=300)
                installed = _installed_version()
            if installed is not None:
                pytest.skip("a Sala package is already installed on this machine; the test will not replace it")
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def test_deb_install_upgrade_remove(machine_to_ourselves: None, frozen_bundle: Path, tmp_path: Path) -> None:
    base = re.search(r'^version = "(.+)"', (ROOT / "pyproject.toml").read_text(), re.M).group(1)
    old_version, new_version = f"{base}{TEST_VERSION_MARK}0", f"{base}{TEST_VERSION_MARK}1"
    old = _build_deb(frozen_bundle, tmp_path / "old", old_version)
    new = _build_deb(frozen_bundle, tmp_path / "new", new_version)
    env = clean_env(tmp_path / "home", tmp_path / "tmp")
    try:
        _dpkg("-i", str(old))
        assert _installed_version() == old_version
        assert [p for p in INSTALLED if not Path(p).exists()] == []
        desktop = Path("/usr/share/applications/sala.desktop").read_text(encoding="utf-8")
        assert "Exec=sala" in desktop and "Icon=sala" in desktop and "Name[th]=ศาลา" in desktop
        _self_check(env, tmp_path)

        # The office's deployment file, put beside the installed app by the administrator: the
        # user's first start trusts that platform and takes its report header.
        PLACED.write_bytes(_deployment_file())
        # The user's data, made by the installed app in the user's home.
        info = subprocess.run(["/usr/bin/sala", "info"], env=env, cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)
        assert info.returncode == 0, info.stdout + info.stderr
        data = tmp_path / "home" / ".local" / "share" / "Sala"
        database = data / "sala.sqlite3"
        assert database.is_file()
        assert _settings(database)["central.pinned_by"] == "deployment"
        assert _settings(database)["report.agency"] == "สำนักงานจังหวัดลำปาง"
        digest = hashlib.sha256(database.read_bytes()).hexdigest()

        _dpkg("-i", str(new))  # a newer version over the old one
        assert _installed_version() == new_version
        _self_check(env, tmp_path)
        assert PLACED.is_file(), "an upgrade keeps the office's deployment file"

        _dpkg("-r", "sala")
        assert _installed_version() is None
        assert [p for p in INSTALLED if Path(p).exists()] == []
        assert [p.name for p in Path("/opt/sala").iterdir()] == [PLACED.name], "remove keeps only the configuration"
        _dpkg("--purge", "sala")  # purging the removed package must not reach into homes either
        assert not Path("/opt/sala").exists()
        assert database.is_file() and hashlib.sha256(database.read_bytes()).hexdigest() == digest
        assert (data / "backups").is_dir()
    finally:
        # whatever state a failure left: installed, removed with its configuration, half-installed
        subprocess.run(["dpkg", "--purge", "sala"], capture_output=True, timeout=300)
        if PLACED.is_file() and _installed_version() is None:
            PLACED.unlink()
            with contextlib.suppress(OSError):
                PLACED.parent.rmdir()


PLACED = Path("/opt/sala/sala-deployment.json")


def _deployment_file() -> bytes:
    from datetime import timedelta

    from sala.domain.clock import now
    from sala.wire import crypto
    from sala.wire import deployment as dw

    key = crypto.generate_signing_key()
    return dw.sign(key, dw.Deployment(
        url="https://sala.example.go.th", server_id="srv-0123456789abcdef", name="ศูนย์ข้อมูลกลาง",
        signing_key=crypto.public_key_b64(key), sealing_key=crypto.sealing_public_b64(crypto.generate_sealing_key()),
        sealing_alg=crypto.SEAL_ALG, agency="สำนักงานจังหวัดลำปาง", unit="กลุ่มงานยุทธศาสตร์", province="LPG",
        issued_at=dw.iso(now()), expires_at=dw.iso(now() + timedelta(days=30))))


def _settings(database: Path) -> dict[str, object]:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return {k: json.loads(v) for k, v in db.execute("select key, value from local_setting")}
