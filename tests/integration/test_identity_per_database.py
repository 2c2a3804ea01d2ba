"""Identity belongs to its database (issue 12): two databases in one folder, a real central.

Before, one ``device_signing_key`` and one ``device_token`` per folder served every database in
it: enrolling the second overwrote the first's token and both signed with one key. Now each
database's key and token are named by its device id; an older laptop's folder-wide key and
token stay with the database that used them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sala.bootstrap import Services, build_services
from sala.paths import AppPaths
from sala.sync import identity
from sala.sync.run_report import Outcome
from tests.integration.servers import CentralServer
from tests.integration.sync_helpers import FAST, assert_exactly_once, enroll, fill, ledger


def _open(db: Path) -> Services:
    return build_services(AppPaths.for_database(db).ensure())


def test_two_databases_in_one_folder_enroll_and_sync_each_with_its_own_identity(
        central_sqlite: CentralServer, tmp_path: Path) -> None:
    folder = tmp_path / "field"
    one, two = _open(folder / "one.sqlite3"), _open(folder / "two.sqlite3")
    try:
        assert one.paths.data_dir == two.paths.data_dir == folder.resolve()
        enroll(one, central_sqlite)
        token_one = one.sync.identity.token()
        assert token_one and two.sync.identity.token() is None, "the second database has no token of the first"
        enroll(two, central_sqlite)     # used to overwrite the first one's token
        assert one.sync.identity.token() == token_one != two.sync.identity.token()
        assert one.sync.identity.public_key() != two.sync.identity.public_key()
        for ident in (one.sync.identity, two.sync.identity):
            assert stat.S_IMODE(ident.key_path.stat().st_mode) == 0o600
            assert stat.S_IMODE(ident.token_path.stat().st_mode) == 0o600
            assert stat.S_IMODE(ident.folder.stat().st_mode) == 0o700
        fill(one, 5)
        fill(two, 7)
        assert one.sync.sync(policy=FAST).outcome is Outcome.OK
        assert two.sync.sync(policy=FAST).outcome is Outcome.OK
        fill(one, 2, start=5)
        assert one.sync.sync(policy=FAST).outcome is Outcome.OK, "the first still syncs after the second enrolled"
        led = ledger(central_sqlite)
        assert led[one.db.device_id] == 7 and led[two.db.device_id] == 7
        assert_exactly_once(central_sqlite, [one, two])
    finally:
        one.close()
        two.close()


def test_a_second_database_cannot_use_the_first_ones_token(central_sqlite: CentralServer, tmp_path: Path) -> None:
    """The attack: the second database sends the first one's token (copied into its own token
    file). The server refuses it, and the first database is not harmed."""
    folder = tmp_path / "field"
    one, two = _open(folder / "one.sqlite3"), _open(folder / "two.sqlite3")
    try:
        enroll(one, central_sqlite)
        with one.db.write() as s, two.db.write() as s2:   # the same platform, as if enrolled
            for setting in (identity.URL, identity.SERVER_ID, identity.SIGNING_KEY, identity.PINNED_BY):
                setting.put(s2, setting.get(s))
        two.sync.identity.set_token(one.sync.identity.token() or "")
        fill(two, 3)
        report = two.sync.sync(policy=FAST)
        assert report.outcome is Outcome.REENROLL, report
        assert two.db.device_id not in ledger(central_sqlite)
        fill(one, 2)
        assert one.sync.sync(policy=FAST).outcome is Outcome.OK
        assert ledger(central_sqlite)[one.db.device_id] == 2
    finally:
        one.close()
        two.close()


def test_an_older_laptops_identity_stays_with_the_database_it_was_used_with(
        central_sqlite: CentralServer, tmp_path: Path) -> None:
    folder = tmp_path / "field"
    old = _open(folder / "sala.sqlite3")
    try:
        enroll(old, central_sqlite)
        fill(old, 4)
        assert old.sync.sync(policy=FAST).outcome is Outcome.OK
        ident = old.sync.identity
        public = ident.public_key()
        # The older layout: one key and one token file for the whole folder.
        os.replace(ident.key_path, folder / identity.LEGACY_KEY_FILE)
        os.replace(ident.token_path, folder / identity.LEGACY_TOKEN_FILE)
    finally:
        old.close()

    newer = _open(folder / "second.sqlite3")      # a database made after the upgrade, same folder
    old = _open(folder / "sala.sqlite3")
    try:
        assert newer.sync.identity.token() is None, "the folder's old token is not the new database's"
        assert newer.sync.identity.public_key() != public, "nor its old key"
        assert old.sync.identity.public_key() == public, "the old database keeps the key it enrolled with"
        fill(old, 3, start=4)
        assert old.sync.sync(policy=FAST).outcome is Outcome.OK, "and still syncs with its old token"
        enroll(newer, central_sqlite)
        fill(newer, 2)
        assert newer.sync.sync(policy=FAST).outcome is Outcome.OK
        fill(old, 1, start=7)
        assert old.sync.sync(policy=FAST).outcome is Outcome.OK
        led = ledger(central_sqlite)
        assert led[old.db.device_id] == 8 and led[newer.db.device_id] == 2
    finally:
        newer.close()
        old.close()
