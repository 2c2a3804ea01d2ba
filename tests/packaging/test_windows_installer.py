"""The Inno Setup script (packaging/sala.iss) cannot run here; what can be checked is checked:
a fixed AppId (upgrades in place), nothing that deletes user data, and every path it names
exists in the bundle's layout (the Linux build's, with ``Sala`` for ``Sala.exe``), where the
frozen app resolves its resources."""

from __future__ import annotations

import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

from tests.packaging.conftest import ROOT

ISS = ROOT / "packaging" / "sala.iss"
USER_DATA = ("{userappdata}", "{localappdata}", "{commonappdata}", "{userdocs}", "{commondocs}", "{%USERPROFILE",
             "{%APPDATA", "{%LOCALAPPDATA", "{userprofile}", "{usersavedgames}", "{sd}", "{win}")


def _sections() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        else:
            out.setdefault(current, []).append(line)
    return out


def _params(entry: str) -> dict[str, str]:
    return {k.strip(): v.strip().strip('"') for k, v in re.findall(r'(\w+):\s*("[^"]*"|[^;]+)', entry)}


def _app_paths() -> list[str]:
    """Every ``{app}\\…`` path the script names (shortcuts, icons, run, deletes)."""
    text = ISS.read_text(encoding="utf-8")
    return sorted(set(re.findall(r"\{app\}\\([^\";\s]+)", text)))


def test_app_id_is_fixed() -> None:
    setup = dict(line.split("=", 1) for line in _sections()["Setup"])
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["UsePreviousAppDir"] == "yes"
    assert setup["DefaultDirName"] == r"{autopf}\Sala"
    assert (ISS.parent / PureWindowsPath(setup["SetupIconFile"]).as_posix()).is_file()


def test_no_user_data_is_deleted() -> None:
    sections = _sections()
    assert "UninstallDelete" not in sections
    for entry in sections.get("InstallDelete", []):
        name = _params(entry)["Name"]
        assert name.startswith("{app}\\") and name != "{app}\\", entry
        assert not any(place.lower() in name.lower() for place in USER_DATA), entry
    for entry in sections.get("Files", []):
        assert _params(entry)["DestDir"].startswith("{app}"), entry


def test_files_come_from_the_spec_output() -> None:
    entry, *_ = _sections()["Files"]
    source = PureWindowsPath(_params(entry)["Source"])
    assert source.name == "*" and (ISS.parent / source.parent.as_posix()).resolve() == ROOT / "dist" / "Sala"
    spec = (ROOT / "packaging" / "sala.spec").read_text(encoding="utf-8")
    assert 'name="Sala"' in spec and "icon=" in spec and "sala.ico" in spec


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_every_named_path_is_in_the_bundle(frozen_bundle: Path) -> None:
    named = _app_paths()
    assert r"Sala.exe" in named and r"_internal" in named
    for win in named:
        linux = frozen_bundle / PureWindowsPath(win).as_posix()
        if linux.suffix == ".exe":
            linux = linux.with_suffix("")
        assert linux.exists(), f"{{app}}\\{win} is not in the bundle ({linux})"


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_paths_resolve_the_frozen_way(frozen_bundle: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from sala import paths

    internal = frozen_bundle / "_internal"
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    monkeypatch.delenv("SALA_RESOURCES", raising=False)
    monkeypatch.delenv("SALA_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert paths.resources_dir() == internal / "resources"
    assert paths.font_path().is_file()
    assert (paths.i18n_dir() / "sala_th.qm").is_file()
    # The shortcut icon the script names is the one the frozen app finds.
    assert "_internal\\resources\\icons\\sala.ico" in _app_paths()
    assert (paths.resources_dir() / "icons" / "sala.ico").is_file()
    # The user's data is never inside the installed folder (so no uninstaller can take it).
    assert not paths.AppPaths.default().data_dir.is_relative_to(frozen_bundle)


def test_a_deployment_file_beside_the_installer_goes_beside_the_app(monkeypatch: pytest.MonkeyPatch,
                                                                    tmp_path: Path) -> None:
    """An office ships sala-deployment.json beside the setup .exe: the installer copies it (if there)
    to {app}, the folder the frozen Sala.exe looks in at start (sync.deployment.app_dir)."""
    from sala.sync import deployment
    from sala.wire.deployment import FILE_NAME

    entries = [_params(e) for e in _sections()["Files"]]
    (dep,) = [e for e in entries if e["Source"].startswith("{src}")]
    assert dep["Source"] == "{src}\\" + FILE_NAME and dep["DestDir"] == "{app}"
    flags = {f.strip() for f in dep["Flags"].split()}
    assert {"external", "skipifsourcedoesntexist"} <= flags  # read at install time; optional
    # the frozen app's folder is the executable's ({app}\Sala.exe -> {app})
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Sala.exe"))
    assert deployment.app_dir() == tmp_path
