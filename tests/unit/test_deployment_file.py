"""The deployment file as an attacker or a careless copy meets it (sync/deployment.py, wire/deployment.py):
every one-byte change is refused (spacing too: the file must be byte for byte what the platform wrote),
with the reason in Thai and English and nothing written; a pipe, a folder or a huge file never hangs
or fills memory; the file beside the app is read only when it is a real file there, not a link."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest

from sala.bootstrap import Services
from sala.domain.clock import now
from sala.storage import settings
from sala.sync import deployment, identity
from sala.wire import crypto
from sala.wire import deployment as dw

THAI = re.compile(r"[\u0e00-\u0e7f]")


def make(**over: str) -> bytes:
    key = crypto.generate_signing_key()
    t = now()
    fields = dict(url="https://sala.example.go.th", server_id="srv-0123456789abcdef", name="ศูนย์ข้อมูลกลาง",
                  signing_key=crypto.public_key_b64(key),
                  sealing_key=crypto.sealing_public_b64(crypto.generate_sealing_key()), sealing_alg=crypto.SEAL_ALG,
                  agency="สำนักงานจังหวัดลำปาง", unit="กลุ่มงานยุทธศาสตร์", province="LPG",
                  issued_at=dw.iso(t - timedelta(days=1)), expires_at=dw.iso(t + timedelta(days=30)))
    fields.update(over)
    return dw.sign(key, dw.Deployment(**fields))


def _nothing_trusted(services: Services) -> None:
    with services.db.read() as s:
        assert identity.pinned(s) is None
        assert deployment.ADOPTED.get(s) is None
        assert settings.get(s, "report.agency") is None


def _refused(path: Path, services: Services, **kw: bool) -> deployment.DeploymentRefusedError:
    with pytest.raises(deployment.DeploymentRefusedError) as err:
        deployment.adopt(services.db, deployment.read(path, **kw))
    assert THAI.search(err.value.th) and "deployment file was not used" in err.value.en, err.value.bilingual()
    _nothing_trusted(services)
    return err.value


def test_every_one_byte_change_is_refused_spacing_included() -> None:
    """Before, a tab for a space or a CR for a LF was accepted: the signature covers the content only."""
    raw = make()
    dw.parse(raw, now())
    tried = 0
    for i, byte in enumerate(raw):
        for new in {(byte + 1) % 128 or 1, 0x20, 0x09, 0x0A, 0x0D} - {byte}:
            changed = bytearray(raw)
            changed[i] = new
            with pytest.raises(dw.DeploymentInvalidError):
                dw.parse(bytes(changed), now())
            tried += 1
    assert tried > 4 * len(raw)


def test_spacing_changes_get_their_own_reason_in_thai_and_english(tmp_path: Path, services: Services) -> None:
    raw = make()
    tabbed = raw.replace(b'\n  "deployment"', b'\n\t"deployment"', 1)
    assert tabbed != raw
    path = tmp_path / "sala-deployment.json"
    path.write_bytes(tabbed)
    err = _refused(path, services)
    assert err.code == "altered"
    assert "changed after the platform signed it" in err.bilingual()


def test_a_copy_with_a_bom_or_windows_line_ends_is_the_same_file(tmp_path: Path, services: Services) -> None:
    raw = make()
    for name, data in (("bom.json", b"\xef\xbb\xbf" + raw), ("crlf.json", raw.replace(b"\n", b"\r\n"))):
        (tmp_path / name).write_bytes(data)
        assert deployment.read(tmp_path / name).agency == "สำนักงานจังหวัดลำปาง"
    info = deployment.adopt(services.db, deployment.read(tmp_path / "crlf.json"))
    assert info["agency"] == "สำนักงานจังหวัดลำปาง"


def test_truncated_signed_by_nobody_and_junk_are_refused(tmp_path: Path, services: Services) -> None:
    raw = make()
    cases = {"truncated": raw[: len(raw) // 2], "empty": b"", "binary": os.urandom(2000),
             "deep": b"[" * 50_000 + b"]" * 50_000}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert _refused(tmp_path / name, services).code in ("not_json", "malformed", "too_large"), name


def test_a_huge_file_is_refused_without_reading_it_all(tmp_path: Path, services: Services) -> None:
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as f:  # 4 GiB, sparse: reading it whole would take the laptop's memory
        f.truncate(4 * 2**30)
    assert _refused(huge, services).code == "too_large"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_or_a_folder_is_refused_and_never_waited_on(tmp_path: Path, services: Services) -> None:
    """Before, ``sala setup PIPE`` waited for ever in open()."""
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    assert _refused(pipe, services).code == "not_a_file"
    assert _refused(tmp_path, services).code == "not_a_file"
    assert _refused(tmp_path / "nowhere.json", services).code == "missing"


def test_the_file_beside_the_app_must_be_a_file_not_a_link(tmp_path: Path, services: Services,
                                                           caplog: pytest.LogCaptureFixture) -> None:
    """A link in the app's folder would hand the trust of every user of the laptop to whoever can
    write where it points (a home folder, /tmp)."""
    elsewhere = tmp_path / "somewhere-writable" / "dep.json"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(make())
    app = tmp_path / "opt-sala"
    app.mkdir()
    (app / dw.FILE_NAME).symlink_to(elsewhere)
    assert deployment.adopt_beside_app(services.db, app) is None
    assert "link to somewhere else" in caplog.text and "ลิงก์" in caplog.text
    _nothing_trusted(services)
    # the same link given to `sala setup` by the user is the user's choice: followed
    assert deployment.read(app / dw.FILE_NAME).agency == "สำนักงานจังหวัดลำปาง"
    (app / dw.FILE_NAME).unlink()
    (app / dw.FILE_NAME).write_bytes(elsewhere.read_bytes())
    assert deployment.adopt_beside_app(services.db, app) is not None


@pytest.mark.parametrize("agency", ["สำนักงาน\nจังหวัดลำปาง", "ก" * (deployment.NAME_MAX + 1)])
def test_a_report_header_the_settings_screen_would_refuse_is_refused(tmp_path: Path, services: Services,
                                                                    agency: str) -> None:
    path = tmp_path / "dep.json"
    path.write_bytes(make(agency=agency))
    assert _refused(path, services).code == "malformed"


def test_the_header_limit_is_the_settings_screens() -> None:
    from sala.services.preferences import NAME_MAX

    assert deployment.NAME_MAX == NAME_MAX


def test_invisible_characters_in_the_header_are_cleaned_as_the_settings_screen_does(
        tmp_path: Path, services: Services) -> None:
    path = tmp_path / "dep.json"
    path.write_bytes(make(agency="\u202eสำนักงาน\u200bจังหวัดลำปาง "))
    deployment.adopt(services.db, deployment.read(path))
    assert services.preferences.load().agency == "สำนักงานจังหวัดลำปาง"


def test_what_became_of_the_file_beside_the_app_is_said_once_per_file(tmp_path: Path, services: Services) -> None:
    """Before, a refused file beside the app went only to the log: the office never learned its
    laptops did not trust their platform."""
    app = tmp_path / "opt-sala"
    app.mkdir()
    good = make()
    (app / dw.FILE_NAME).write_bytes(good.replace(b'\n  "deployment"', b'\n\t"deployment"', 1))
    assert deployment.adopt_beside_app(services.db, app) is None
    notice = deployment.take_notice(services.db)
    assert notice is not None and notice["kind"] == "refused" and notice["path"] == str(app / dw.FILE_NAME)
    assert THAI.search(notice["th"]) and "changed after the platform signed it" in notice["en"]
    assert deployment.take_notice(services.db) is None, "said once"
    assert deployment.adopt_beside_app(services.db, app) is None  # the next start, the same bad file
    assert deployment.take_notice(services.db) is None, "not again for the same file"
    _nothing_trusted(services)

    (app / dw.FILE_NAME).write_bytes(good)  # the administrator puts a good one there
    assert deployment.adopt_beside_app(services.db, app) is not None
    notice = deployment.take_notice(services.db)
    assert notice is not None and notice["kind"] == "adopted" and notice["agency"] == "สำนักงานจังหวัดลำปาง"
    assert deployment.adopt_beside_app(services.db, app) is None  # adopted already: nothing new to say
    assert deployment.take_notice(services.db) is None


def test_no_file_beside_the_app_nothing_to_say(tmp_path: Path, services: Services) -> None:
    assert deployment.adopt_beside_app(services.db, tmp_path) is None
    assert deployment.take_notice(services.db) is None
