"""First enrollment without a deployment file (issue 11, "Identity" 3): the enrollment code the
operator prints ends with a fingerprint of the platform's signing key, and the laptop refuses a
server that does not prove that key before it sends anything — the code, the challenge request,
its name. A rogue at the sync address (``pinning_rogue.py``, a real process with its own key)
sees one ``GET /v1/hello`` and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from sala.sync import identity, outbox
from sala.wire import enroll as enroll_wire
from tests.integration.servers import CentralServer
from tests.integration.sync_helpers import laptop
from tests.integration.test_pinning import Rogue, rogues, sala, start_rogue  # noqa: F401 - fixture

GROUPED = r"^([A-Z2-9]{4}-){5}[A-Z2-9]{4}$"


def test_operator_code_carries_the_platform_fingerprint(central_sqlite: CentralServer) -> None:
    done = central_sqlite.cli("enroll-code", "--count", "2")
    codes = done.stdout.split()
    fingerprint = enroll_wire.code_fingerprint(central_sqlite.hello.signing_key)
    assert len(codes) == 2 and all(enroll_wire.split_code(c)[1] == fingerprint for c in codes)
    import re
    assert all(re.match(GROUPED, c) for c in codes)
    assert enroll_wire.group(fingerprint) in done.stderr and "platform's key" in done.stderr


@pytest.mark.parametrize("how", ["real_code", "bare_code"])
def test_a_rogue_answering_the_first_enrollment_gets_nothing(
        central_sqlite: CentralServer, tmp_path: Path, rogues: list[Rogue], how: str) -> None:  # noqa: F811
    rogue = start_rogue(tmp_path, "own_key", central_sqlite.url)    # a valid proof of its own key
    rogues.append(rogue)
    code = central_sqlite.mint_codes(1)[0]                 # the real platform's code
    if how == "bare_code":
        code = enroll_wire.group(enroll_wire.split_code(code)[0])    # the check left off
    svc = laptop(tmp_path)
    try:
        expected = identity.WrongPlatformError if how == "real_code" else identity.IncompleteCodeError
        with pytest.raises(expected) as caught:
            svc.sync.enroll(rogue.url, code)
        assert caught.value.th and caught.value.en
        seen = rogue.requests()
        assert [(r["method"], r["path"].split("?")[0]) for r in seen] == [("GET", "/v1/hello")]
        secret = enroll_wire.split_code(code)[0]
        assert all(secret not in str(r) for r in seen)
        with svc.db.read() as s:
            assert identity.pinned(s) is None and outbox.sealing_key(s) is None
        assert svc.sync.identity.token() is None
        # the same code at the real platform enrolls (it was never spent)
        svc.sync.enroll(central_sqlite.url, code if how == "real_code" else
                        enroll_wire.group(secret + enroll_wire.code_fingerprint(
                            central_sqlite.hello.signing_key)))
        with svc.db.read() as s:
            pin = identity.pinned(s)
        assert pin is not None and pin.signing_key == central_sqlite.hello.signing_key
    finally:
        svc.close()


def test_sala_enroll_against_a_rogue_exits_9_in_both_languages(
        central_sqlite: CentralServer, tmp_path: Path, rogues: list[Rogue]) -> None:  # noqa: F811
    rogue = start_rogue(tmp_path, "own_key", central_sqlite.url)
    rogues.append(rogue)
    done = sala("--db", str(tmp_path / "cli" / "sala.sqlite3"), "enroll", "--server", rogue.url,
                "--code", central_sqlite.mint_codes(1)[0])
    assert done.returncode == 9, done.stderr
    assert "ไม่ใช่ระบบกลางที่เครื่องนี้เชื่อถือ" in done.stderr
    assert "not the platform this laptop trusts" in done.stderr
    assert [r["method"] for r in rogue.requests()] == ["GET"]
