"""The USB bundle is offered on the flash drive under a name that tells laptops apart."""

from __future__ import annotations

import re

from sala.ui.sync import bundle_place


def test_a_bundle_is_named_for_its_laptop_and_the_thai_date(services):
    name = bundle_place.bundle_file_name(services.db, "th")
    assert re.fullmatch(r"Sala .+ \d{1,2} [ก-๙.]+ 25\d\d \d\d\.\d\d\.sala", name), name
    assert bundle_place.bundle_file_name(services.db, "en").endswith(".sala")


def test_the_flash_drive_is_offered_first(services, monkeypatch, tmp_path):
    drive = tmp_path / "KINGSTON"
    drive.mkdir()
    monkeypatch.setattr(bundle_place, "removable_folders", lambda: [drive])
    assert bundle_place.default_bundle_path(services.db, "th").parent == drive
    monkeypatch.setattr(bundle_place, "removable_folders", lambda: [])
    monkeypatch.setenv("HOME", str(tmp_path))
    assert bundle_place.default_bundle_path(services.db, "th").parent == tmp_path
