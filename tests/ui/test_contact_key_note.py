"""The staff see where the contacts' key is when there is no OS key store (issue 12).

A headless Linux without Secret Service keeps the key that encrypts contacts in a private file;
the participants tab says so (it is weaker than a key store), and says nothing where the OS
key store holds the key. The consent text read to participants says what Sala does.
"""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from sala.domain import enums as e
from sala.domain.inputs import CONSENT_PURPOSE_EN, CONSENT_PURPOSE_TH, ParticipantInput
from sala.ui.focus_group.page import FocusGroupPage
from tests.memory_keyring import MemoryKeyring


@pytest.fixture
def ring():
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def _page(qtbot, services, tasks, sid: str):
    page = FocusGroupPage(services, tasks, sid, "th")
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.tabs.setCurrentWidget(page.participants)
    qtbot.waitUntil(lambda: page.participants.table.isVisible())
    return page


def test_without_a_key_store_the_participants_tab_says_the_key_is_a_file(
        qtbot, services, tasks, focus_group_sid, fonts, thai_ui, screenshot, ring, tmp_path: Path) -> None:
    ring(fail.Keyring())
    services.participants.add(focus_group_sid, ParticipantInput(
        "P01", e.AgeBand.A45_59, e.Gender.FEMALE, consent=e.ConsentKind.WRITTEN, contact_name="บุญมี ศรีสุข",
        phone="0812345678"))
    page = _page(qtbot, services, tasks, focus_group_sid)
    note = page.participants.key_note
    assert note.isVisible()
    assert "ไฟล์ส่วนตัว" in note.text() and "keyring" in note.text() and "ล็อกเครื่อง" in note.text()
    screenshot(page, "participants-key-in-a-file")
    assert page.participants.rows[0].phone.text() == "081-234-5678", "the laptop still reads its contacts"
    assert services.participants.vault.store.path(services.db.device_id).is_file()


def test_with_an_os_key_store_there_is_no_such_note(qtbot, services, tasks, focus_group_sid, fonts, thai_ui,
                                                    ring) -> None:
    memory = MemoryKeyring()
    ring(memory)
    services.participants.add(focus_group_sid, ParticipantInput(
        "P01", consent=e.ConsentKind.VERBAL, contact_name="สมศรี มีสุข", phone="0891234567"))
    assert ("sala-contacts", services.db.device_id) in memory.items
    page = _page(qtbot, services, tasks, focus_group_sid)
    assert not page.participants.key_note.isVisible()
    assert page.participants.rows[0].name.text() == "สมศรี มีสุข"


def test_the_consent_text_says_encrypted_on_the_laptop_and_sealed_for_the_platform(services,
                                                                                   focus_group_sid) -> None:
    assert "เข้ารหัส" in CONSENT_PURPOSE_TH and "ปิดผนึก" in CONSENT_PURPOSE_TH and "ระบบกลาง" in CONSENT_PURPOSE_TH
    assert "encrypted" in CONSENT_PURPOSE_EN and "sealed" in CONSENT_PURPOSE_EN and "platform" in CONSENT_PURPOSE_EN
    p = services.participants.add(focus_group_sid, ParticipantInput("P01", consent=e.ConsentKind.WRITTEN,
                                                                    phone="0812345678"))
    with services.db.read() as s:
        from sala.storage.models import Participant, ParticipantContact

        row = s.get(Participant, p.id)
        contact = s.get(ParticipantContact, p.id)
        assert row is not None and row.consent_purpose == CONSENT_PURPOSE_TH   # what was read is kept
        assert contact is not None and contact.phone == "" and contact.box   # and it is true: encrypted
