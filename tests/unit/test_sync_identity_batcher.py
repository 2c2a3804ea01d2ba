"""Device identity (key file 0600, token in a real keyring or a 0600 file when only the
fail/null backend exists) and the batcher (concatenated envelopes = canonical batch bytes)."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from sala.sync import batcher, identity
from sala.wire import crypto, protocol


class MemoryKeyring(KeyringBackend):
    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def restore_keyring():
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_headless_fail_backend_falls_back_to_private_file(tmp_path: Path, restore_keyring) -> None:
    keyring.set_keyring(fail.Keyring())
    ident = identity.Identity(tmp_path, "dev-1")
    assert identity.usable_keyring() is None
    assert ident.set_token("secret-token") == "file"
    assert os.stat(ident.token_path).st_mode & 0o777 == 0o600
    assert ident.token() == "secret-token"
    ident.clear_token()
    assert ident.token() is None


def test_real_keyring_holds_the_token_and_no_file(tmp_path: Path, restore_keyring) -> None:
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    ident = identity.Identity(tmp_path, "dev-2")
    assert ident.set_token("tok") == "keyring"
    assert not ident.token_path.exists()
    assert kr.store[(identity.KEYRING_SERVICE, "dev-2")] == "tok" and ident.token() == "tok"


def test_signing_key_made_once_and_private(tmp_path: Path) -> None:
    a = identity.Identity(tmp_path, "dev-3")
    pub = a.public_key()
    assert os.stat(a.key_path).st_mode & 0o777 == 0o600
    assert identity.Identity(tmp_path, "dev-3").public_key() == pub


def test_assembled_batch_is_the_canonical_signed_batch() -> None:
    key = crypto.generate_signing_key()
    recs = [protocol.make_record(device_id="dev-4", seq=i, type="contribution",
                                 body={"text": f"ฝุ่น PM2.5 #{i}"}) for i in range(1, 8)]
    rows = [(r["seq"], protocol.canonical_json(r).decode()) for r in recs]
    signed, first, last = batcher.build("dev-4", key, rows, batcher.Bounds(5, 1 << 20, 1 << 20))
    assert (first, last, signed.record_count) == (1, 5, 5)
    batch, raw = protocol.open_signed_batch(signed.body, signed.signature, signed.public_key)
    assert raw == protocol.encode_batch(protocol.Batch("dev-4", recs[:5], batch_id=batch.batch_id))
    small, _, last = batcher.build("dev-4", key, rows, batcher.Bounds(100, 700, 1 << 20))
    assert small.record_count < 7 and last == small.record_count
