"""Captions: trimmed and stored; an overlong one is refused as a caption (never cut); a
finalized session's captions cannot change."""

from __future__ import annotations

from pathlib import Path

import pytest

from sala.domain import enums as e
from sala.domain.errors import ImmutableError, ValidationError
from sala.domain.inputs import SessionInput
from sala.domain.validation import TEXT_MAX

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
                    "000154a24f5d0000000049454e44ae426082")


def test_caption_set_refused_and_frozen(services, tmp_path: Path) -> None:
    sid = services.sessions.create(SessionInput("สนทนากลุ่ม", e.SessionKind.FOCUS_GROUP, province="CMI")).id
    src = tmp_path / "a.png"
    src.write_bytes(PNG)
    a = services.attachments.add_file(sid, src)
    assert services.attachments.set_caption(a.id, "  แผนผังหมู่บ้าน ").caption == "แผนผังหมู่บ้าน"
    with pytest.raises(ValidationError) as err:
        services.attachments.set_caption(a.id, "ก" * (TEXT_MAX + 1))
    assert err.value.field == "caption" and "คำบรรยายภาพ" in err.value.th and "caption" in err.value.en
    assert services.attachments.list(sid)[0].caption == "แผนผังหมู่บ้าน"
    services.sessions.close(sid)
    services.sessions.finalize(sid)
    with pytest.raises(ImmutableError):
        services.attachments.set_caption(a.id, "อื่น")
