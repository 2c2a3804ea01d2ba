"""storage.settings: the one way to keep a device-local setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from sala.storage import settings
from sala.storage.database import open_database
from sala.storage.settings import Setting

URL = Setting("test.url", str)
LIMITS = Setting("test.limits", dict)


@pytest.fixture()
def db(tmp_path: Path):
    database, _ = open_database(tmp_path / "sala.db", tmp_path / "backups")
    yield database
    database.close()


def test_round_trip_update_and_remove(db) -> None:
    with db.write() as s:
        URL.put(s, "https://central.example/")
        LIMITS.put(s, {"max_records": 5000})
    with db.read() as s:
        assert URL.get(s) == "https://central.example/"
        assert LIMITS.get(s) == {"max_records": 5000}
    with db.write() as s:
        URL.put(s, "https://other.example/")
        LIMITS.put(s, None)
    with db.read() as s:
        assert URL.get(s) == "https://other.example/"
        assert LIMITS.get(s) is None and settings.get(s, "test.limits") is None


def test_a_write_is_seen_by_a_later_read_in_the_same_transaction(db) -> None:
    with db.write() as s:
        URL.put(s, "first")
        assert URL.get(s) == "first"
        URL.put(s, "second")
        assert URL.get(s) == "second"
        URL.put(s, None)
        assert URL.get(s) is None


def test_a_value_of_the_wrong_type_reads_as_absent_and_cannot_be_written(db) -> None:
    with db.write() as s:
        settings.put(s, "test.url", {"not": "a string"})
    with db.read() as s:
        assert URL.get(s) is None
        assert settings.get(s, "test.url") == {"not": "a string"}
    with pytest.raises(TypeError), db.write() as s:
        URL.put(s, 42)  # type: ignore[arg-type]
