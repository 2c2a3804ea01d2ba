"""Failures of a phone's write that are the laptop's, not the phone's: told apart from refusals so
the phone hears "not received, send again" (503 with Retry-After), never a refusal (409)."""

from __future__ import annotations

from sala.domain.errors import SalaError


class WriterBusyError(SalaError):
    """The app's one writer did not start the phone's write before its deadline, so it was never
    made (and never will be): the same send again, with the same client key, is stored once."""

    def __init__(self) -> None:
        super().__init__("เครื่องของเวทีกำลังยุ่ง จึงยังไม่ได้รับสิ่งที่คุณส่ง ข้อความยังอยู่ ไม่มีอะไรหายหรือบันทึกซ้ำ "
                         "กดส่งอีกครั้งได้เลย",
                         "The session's laptop was busy, so what you sent was not received. Your text is still "
                         "here; nothing is lost or saved twice. Press send again")
