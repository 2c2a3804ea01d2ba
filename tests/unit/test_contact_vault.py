"""Contacts at rest (issue 12): never plain text in the database, its WAL or its backups.

Each attack copies what a thief would find (the database file, its -wal, the backups folder)
and greps the bytes for the participant's name and phone number.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from sala.bootstrap import Services, build_services
from sala.domain.inputs import ParticipantInput, SessionInput
from sala.paths import AppPaths
from sala.storage import contact_vault as cv
from sala.storage.contact_vault import ContactKeyMissingError, ContactVault
from sala.storage.keystore import KeyStore
from sala.storage.models import OutboxEntry, ParticipantContact
from sala.sync import outbox
from sala.wire import crypto

NAME = "สมศรี มีสุขใจ"
PHONE = "081-234-5678"
EMAIL = "somsri@example.go.th"
SECRETS = (NAME.encode("utf-8"), PHONE.encode(), b"0812345678", EMAIL.encode())


def _session(services: Services, title: str = "สนทนากลุ่มงบประมาณชลบุรี") -> str:
    return services.sessions.create(SessionInput(title, "focus_group", province="ชลบุรี")).id


def _add(services: Services, sid: str, code: str = "P01", name: str = NAME, phone: str = PHONE,
         email: str = EMAIL) -> str:
    return services.participants.add(sid, ParticipantInput(code, consent="written", contact_name=name,
                                                           phone=phone, email=email)).id


def _leaks(folder: Path) -> list[str]:
    """Every file under ``folder`` whose bytes hold one of the secrets."""
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {s!r}" for s in SECRETS if s in data]
    return found


def _plain_contact(services: Services, pid: str) -> ParticipantContact:
    with services.db.read() as s:
        row = s.get(ParticipantContact, pid)
        assert row is not None
        s.expunge(row)
        return row


def test_a_contact_is_encrypted_in_the_database_and_its_wal(services: Services, app_paths: AppPaths) -> None:
    pid = _add(services, _session(services))
    row = _plain_contact(services, pid)
    assert (row.name, row.phone, row.email) == ("", "", "") and row.box and row.sealed is None
    assert services.participants.contact(pid) == cv.Contact(NAME, PHONE, EMAIL), "the laptop still reads it"
    assert _leaks(app_paths.data_dir) == [], "copy the data folder off the laptop: no contact in it"
    backup = services.db.backup("manual")
    assert not any(s in backup.read_bytes() for s in SECRETS)


def test_a_participant_is_found_by_name_or_phone_across_sessions_also_once_sealed(services: Services) -> None:
    a, b = _session(services, "เวทีแรก"), _session(services, "เวทีที่สอง")
    first = _add(services, a)
    second = _add(services, b, name="  สมศรี   มีสุขใจ ", phone="+66 81 234 5678", email="")
    other = _add(services, b, code="P02", name="สมชาย ใจดี", phone="02-123-4567", email="")
    find = services.participants.find
    assert find(name="สมศรี มีสุขใจ") == sorted([first, second])
    assert find(phone="0812345678") == sorted([first, second])
    assert find(phone="๐๒-๑๒๓-๔๕๖๗") == [other]
    assert find(name="สมศรี") == [] and find(phone="0899999999") == [] and find() == []
    with services.db.write() as s:
        outbox.SEALING_KEY.put(s, crypto.sealing_public_b64(crypto.generate_sealing_key()))
    services.sessions.close(a)
    services.sessions.finalize(a)
    assert _plain_contact(services, first).box is None and _plain_contact(services, first).sealed
    assert services.participants.contact(first) is None, "sealed: the laptop cannot read it any more"
    assert find(phone=PHONE) == sorted([first, second]), "the blind index still finds the sealed one"


def test_finalize_seals_for_the_platform_and_only_the_platform_opens_it(services: Services,
                                                                         app_paths: AppPaths) -> None:
    platform = crypto.generate_sealing_key()
    with services.db.write() as s:
        outbox.SEALING_KEY.put(s, crypto.sealing_public_b64(platform))
    sid = _session(services)
    pid = _add(services, sid)
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    row = _plain_contact(services, pid)
    assert row.sealed is not None and row.box is None and (row.name, row.phone) == ("", "")
    box = json.loads(row.sealed)
    opened = json.loads(crypto.unseal(platform, box, aad=pid.encode()))
    assert opened == {"name": NAME, "phone": PHONE, "email": EMAIL}
    assert _leaks(app_paths.data_dir) == []


def test_without_its_key_nothing_is_readable_and_no_new_key_silently_replaces_it(
        services: Services) -> None:
    sid = _session(services)
    pid = _add(services, sid)
    store = services.participants.vault.store
    path = store.path(services.db.device_id)
    assert path.is_file()
    path.unlink()   # the key file is lost (or the database was copied to another machine)
    fresh = build_services(services.paths)
    try:
        with pytest.raises(ContactKeyMissingError) as err:
            fresh.participants.contact(pid)
        assert "กุญแจ" in err.value.th and "key" in err.value.en
        with pytest.raises(ContactKeyMissingError):
            _add(fresh, sid, code="P02")
        assert [p.code for p in fresh.participants.list(sid)] == ["P01"], "nothing written half-way"
        fresh.participants.add(sid, ParticipantInput("P03"))   # recording without contacts goes on
        assert not path.exists(), "no new key was made over the old contacts"
    finally:
        fresh.close()


def test_the_key_file_is_private_and_outside_the_data_folder(services: Services, app_paths: AppPaths) -> None:
    _add(services, _session(services))
    path = services.participants.vault.store.path(services.db.device_id)
    assert app_paths.data_dir not in path.parents
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) & 0o077 == 0
    assert services.participants.vault.kept_in_file()
    assert services.participants.vault.where() == str(path)


def test_each_database_has_its_own_contact_key(tmp_path: Path) -> None:
    one = build_services(AppPaths.for_database(tmp_path / "one.sqlite3").ensure())
    two = build_services(AppPaths.for_database(tmp_path / "two.sqlite3").ensure())
    try:
        p1, p2 = _add(one, _session(one)), _add(two, _session(two))
        assert one.participants.vault.key_id() != two.participants.vault.key_id()
        assert one.participants.find(phone=PHONE) == [p1] and two.participants.find(phone=PHONE) == [p2]
        with two.db.read() as s:
            stolen = s.get(ParticipantContact, p2)
            assert stolen is not None
            with pytest.raises(ContactKeyMissingError):
                one.participants.vault.decrypt_contact(stolen)   # the other database's key opens nothing
    finally:
        one.close()
        two.close()


def _older_version_wrote_plain(db: Path, pid: str) -> None:
    """What Sala before migration 0010 left: the contact in the plain columns."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("UPDATE participant_contact SET name=?, phone=?, email=?, box=NULL, key_id=NULL, "
                     "name_key=NULL, phone_key=NULL WHERE participant_id=?", (NAME, PHONE, EMAIL, pid))
        conn.commit()
    finally:
        conn.close()


def _downgrade(db: Path, revision: str) -> None:
    from alembic import command

    from sala.storage import migrate
    from sala.storage.engine import make_engine

    engine = make_engine(db)
    try:
        command.downgrade(migrate.alembic_config(engine), revision)
    finally:
        engine.dispose()
    conn = sqlite3.connect(db)
    try:
        assert "box" not in {r[1] for r in conn.execute("PRAGMA table_info(participant_contact)")}
        assert conn.execute("SELECT phone FROM participant_contact").fetchone()[0] == PHONE
    finally:
        conn.close()


def test_an_upgrade_encrypts_plain_contacts_in_the_database_and_every_backup(app_paths: AppPaths) -> None:
    svc = build_services(app_paths)
    sid = _session(svc)
    pid = _add(svc, sid)
    svc.close()
    _older_version_wrote_plain(app_paths.database, pid)
    # backups taken while the contact was plain, one of them of an older schema
    svc_paths = app_paths.backups
    from sala.storage import backup as backups

    kept = backups.make_backup(app_paths.database, svc_paths, "manual")
    old = backups.make_backup(app_paths.database, svc_paths, "before-0010")
    _downgrade(old, "0009")   # a backup of the schema before contacts were encrypted
    aside = app_paths.database.with_name(app_paths.database.name + ".damaged-20261130T000000Z")
    aside.write_bytes(kept.read_bytes())
    assert len(_leaks(app_paths.data_dir)) >= 3, "the attack must see the plain contacts first"

    svc = build_services(app_paths)   # the next start
    try:
        assert svc.participants.contact(pid) == cv.Contact(NAME, PHONE, EMAIL)
        assert svc.participants.find(phone=PHONE) == [pid]
    finally:
        svc.close()
    assert _leaks(app_paths.data_dir) == [], "database, WAL, backups and the file kept aside: no plain contact"
    assert [p.name for p in app_paths.backups.iterdir() if p.name.endswith(("-wal", "-shm"))] == [], \
        "reading the backups leaves nothing beside them"
    for backup in (kept, old, aside):
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        conn = sqlite3.connect(backup)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM participant_contact WHERE box IS NOT NULL").fetchone()[0] == 1
        finally:
            conn.close()
    # a restored backup is readable by this laptop
    restored = build_services(AppPaths.for_database(old))
    try:
        assert restored.participants.contact(pid) == cv.Contact(NAME, PHONE, EMAIL)
    finally:
        restored.close()


def test_an_os_key_store_keeps_the_key_and_no_file_is_written(services: Services, tmp_path: Path) -> None:
    import keyring

    from tests.memory_keyring import MemoryKeyring

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        vault = ContactVault(services.db.device_id, KeyStore(cv.SERVICE, tmp_path / "keys"))
        services.participants.vault = vault
        pid = _add(services, _session(services))
        assert (cv.SERVICE, services.db.device_id) in ring.items
        assert not (tmp_path / "keys").exists(), "no key file beside an OS key store"
        assert vault.where() == "keyring" and not vault.kept_in_file()
        assert services.participants.contact(pid) == cv.Contact(NAME, PHONE, EMAIL)
    finally:
        keyring.set_keyring(before)


def test_a_key_file_moves_into_an_os_key_store_that_appears_later(tmp_path: Path) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Ring(KeyringBackend):
        priority = 1
        items: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.items.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.items[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.items.pop((service, username), None)

    store = KeyStore(cv.SERVICE, tmp_path / "keys")
    assert store.put("dev-1", os.urandom(32)) == "file"
    secret = store.get("dev-1")
    before = keyring.get_keyring()
    keyring.set_keyring(Ring())
    try:
        assert store.get("dev-1") == secret
        assert not store.path("dev-1").exists() and store.where("dev-1") == "keyring"
    finally:
        keyring.set_keyring(before)


def test_contacts_of_a_finalized_session_wait_encrypted_then_are_sealed_at_the_next_start(
        app_paths: AppPaths) -> None:
    svc = build_services(app_paths)
    sid = _session(svc)
    pid = _add(svc, sid)
    svc.sessions.close(sid)
    svc.sessions.finalize(sid)   # no platform key yet
    assert _plain_contact(svc, pid).box is not None
    platform = crypto.generate_sealing_key()
    conn = sqlite3.connect(app_paths.database)   # the key arrived (e.g. a restore of a later backup)
    try:
        conn.execute("INSERT INTO local_setting(key, value) VALUES (?, ?)",
                     (outbox.SEALING_KEY.key, json.dumps(crypto.sealing_public_b64(platform))))
        conn.commit()
    finally:
        conn.close()
    svc.close()
    svc = build_services(app_paths)
    try:
        row = _plain_contact(svc, pid)
        assert row.sealed is not None and row.box is None
        with svc.db.read() as s:
            kinds = list(s.scalars(select(OutboxEntry.record_type)))
        assert kinds.count("sealed_personal_data") == 1
    finally:
        svc.close()
    assert _leaks(app_paths.data_dir) == []


def test_text_an_older_version_blanked_when_sealing_is_purged_from_free_pages(app_paths: AppPaths) -> None:
    svc = build_services(app_paths)
    pid = _add(svc, _session(svc))
    svc.close()
    conn = sqlite3.connect(app_paths.database)   # what the older version did: plain, then blanked at seal
    try:
        conn.execute("PRAGMA secure_delete=OFF")    # SQLite's default outside Debian's build
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("UPDATE participant_contact SET name=?, phone=?, email=?, box=NULL, key_id=NULL "
                     "WHERE participant_id=?", (NAME * 20, PHONE, EMAIL, pid))
        conn.commit()
        conn.execute("UPDATE participant_contact SET name='', phone='', email='', sealed=? WHERE participant_id=?",
                     (b'{"alg":"X25519-HKDF-SHA256-AES256GCM"}', pid))
        conn.execute("DELETE FROM local_setting WHERE key LIKE 'contacts.free_pages%'")
        conn.commit()
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    assert NAME.encode("utf-8") in app_paths.database.read_bytes(), "the old text is still in the file's free space"
    build_services(app_paths).close()
    assert _leaks(app_paths.data_dir) == []
