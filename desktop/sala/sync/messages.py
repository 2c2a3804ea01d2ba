"""Plain Thai/English words for every way a sync can end, for the status bar, dialogs and CLI.

The engine reports an :class:`Outcome`; people read :func:`outcome_error` (what happened and
what to do). Kept apart so the GUI, ``sala sync`` and the run history say the same thing.
"""

from __future__ import annotations

import re
from enum import StrEnum

from sala.domain.counts import count_en
from sala.domain.errors import SalaError


class Outcome(StrEnum):
    OK = "ok"                      # nothing left to send
    NO_LINK = "no_link"            # network error / captive portal / wrong server
    REENROLL = "reenroll"          # 401/403: token revoked or unknown
    NOT_ENROLLED = "not_enrolled"  # never enrolled on this laptop
    BUSY = "busy"                  # 429/503 for longer than we wait in one run
    PHOTOS = "photos"              # text sent, some photo files missing or still uploading
    DISK = "disk"                  # the local disk is full or unwritable
    CANCELLED = "cancelled"
    WRONG_SERVER = "wrong_server"  # the server failed to prove it is the pinned platform
    PLAIN_HTTP = "plain_http"      # an http:// address the user never allowed
    ERROR = "error"                # a bug; details in the log


_TEXT: dict[Outcome, tuple[str, str]] = {
    Outcome.OK: ("ส่งข้อมูลครบแล้ว", "Everything has been sent."),
    Outcome.NO_LINK: ("ยังติดต่อระบบกลางไม่ได้ (ไม่มีสัญญาณ หรือเครือข่ายต้องล็อกอินผ่านหน้าเว็บก่อน) "
                      "ข้อมูลปลอดภัยในเครื่องนี้ และจะส่งให้อัตโนมัติเมื่อมีสัญญาณ",
                      "Cannot reach the central platform (no link, or the network wants a web "
                      "login first). Your data is safe on this laptop and will be sent "
                      "automatically when a link returns."),
    Outcome.REENROLL: ("ระบบกลางไม่ยอมรับเครื่องนี้แล้ว (สิทธิ์ถูกยกเลิกหรือหมดอายุ) "
                       "โปรดขอรหัสลงทะเบียนใหม่จากผู้ดูแล แล้วลงทะเบียนเครื่องอีกครั้ง",
                       "The central platform no longer accepts this laptop (access revoked or "
                       "expired). Ask your supervisor for a new enrollment code and enroll again."),
    Outcome.NOT_ENROLLED: ("เครื่องนี้ยังไม่ได้ลงทะเบียนกับระบบกลาง โปรดลงทะเบียนด้วยรหัสจากผู้ดูแล",
                           "This laptop is not enrolled with the central platform yet. Enroll "
                           "it with a code from your supervisor."),
    Outcome.BUSY: ("ระบบกลางมีงานมาก จะลองส่งใหม่ภายหลังโดยอัตโนมัติ",
                   "The central platform is busy; sending will be retried automatically."),
    Outcome.PHOTOS: ("ส่งข้อความครบแล้ว แต่ยังมีรูปภาพที่ส่งไม่ครบหรือหาไฟล์ไม่พบ",
                     "All text has been sent, but some photos are still to upload or their "
                     "files are missing."),
    Outcome.DISK: ("บันทึกลงดิสก์ไม่ได้ (ดิสก์เต็มหรือเขียนไม่ได้) โปรดเพิ่มพื้นที่ว่างแล้วลองใหม่",
                   "Cannot write to the disk (full or read-only). Free some space and try again."),
    Outcome.CANCELLED: ("หยุดการส่งแล้ว ส่วนที่เหลือจะส่งครั้งต่อไป",
                        "Sending stopped; the rest will go next time."),
    Outcome.WRONG_SERVER: ("เครื่องที่ตอบอยู่ที่ที่อยู่ระบบกลางไม่ใช่ระบบกลางที่เครื่องนี้เชื่อถือ (พิสูจน์ตัวตนไม่ผ่าน) "
                           "จึงไม่ได้ส่งข้อมูลใด ๆ ออกไป ข้อมูลยังปลอดภัยในเครื่องนี้ โปรดแจ้งผู้ดูแลระบบ",
                           "The server answering at the central platform's address is not the "
                           "platform this laptop trusts (it failed to prove its identity), so "
                           "nothing was sent. Your data is safe on this laptop; tell your "
                           "administrator."),
    Outcome.PLAIN_HTTP: ("ที่อยู่ระบบกลางไม่เข้ารหัส (http://) จึงไม่ได้ส่งข้อมูล โปรดใช้ที่อยู่ https:// "
                         "หรือลงทะเบียนใหม่โดยอนุญาต HTTP ธรรมดา ถ้าผู้ดูแลระบบยืนยันว่าเครือข่ายปลอดภัย",
                         "The central platform's address is not encrypted (http://), so nothing "
                         "was sent. Use an https:// address, or enroll again allowing plain HTTP "
                         "if your administrator says the network is safe."),
    Outcome.ERROR: ("เกิดข้อผิดพลาดภายในโปรแกรมระหว่างส่งข้อมูล รายละเอียดอยู่ในไฟล์บันทึก",
                    "An internal error occurred while sending; details are in the log."),
}


class SyncProblem(SalaError):  # noqa: N818 - public name used by the CLI, ui and tests
    """A sync that could not finish, with its :class:`Outcome` and an exit code for scripts."""

    def __init__(self, outcome: Outcome, detail: str = "") -> None:
        th, en = _TEXT[outcome]
        super().__init__(th, en)
        self.outcome = outcome
        self.detail = detail
        self.exit_code = EXIT_CODES[outcome]


#: ``sala sync`` exit codes (0 only when nothing is left to send).
EXIT_CODES: dict[Outcome, int] = {
    Outcome.OK: 0, Outcome.ERROR: 70, Outcome.NO_LINK: 3, Outcome.REENROLL: 4,
    Outcome.NOT_ENROLLED: 4, Outcome.BUSY: 5, Outcome.PHOTOS: 6, Outcome.DISK: 7,
    Outcome.CANCELLED: 8, Outcome.WRONG_SERVER: 9, Outcome.PLAIN_HTTP: 10,
}


def outcome_text(outcome: str, lang: str = "th") -> str:
    th, en = _TEXT[Outcome(outcome) if outcome in Outcome._value2member_map_ else Outcome.ERROR]
    return th if lang == "th" else en


def quarantine_note(n: int, lang: str = "th") -> str:
    if lang == "th":
        return f"มี {n} รายการที่ระบบกลางไม่รับ (ถูกกักไว้พร้อมเหตุผล) ดูได้ที่หน้าประวัติการส่ง"
    return (f"{count_en(n, 'record was', 'records were')} refused by the central platform (quarantined with the "
            "reason); see the sync history.")


# -- why a run failed, in a few words ------------------------------------------------------------
# The run's ``detail`` is for the log (an exception's name, a status and a code, the stall's own
# bilingual sentence); the status bar says the cause in the UI's language. Patterns, not codes:
# the detail comes from several layers, and an unknown one falls back to the outcome's words.

_STALL = re.compile(r"^(?P<th>.+?) / (?P<en>.+?)(?: \[.*\])?$", re.S)

_CAUSES: list[tuple[str, tuple[str, str]]] = [
    ("ConnectTimeout", ("หมดเวลารอการเชื่อมต่อกับระบบกลาง", "Timed out connecting to the central platform")),
    ("ConnectError", ("เชื่อมต่อระบบกลางไม่ได้ (ไม่มีเครือข่าย หรือที่อยู่ไม่ตอบ)",
                      "Could not connect to the central platform (no network, or the address does not answer)")),
    ("not sala-central", ("มีหน้าเว็บอื่นตอบแทนระบบกลาง (เช่น หน้าล็อกอิน Wi-Fi)",
                          "Another page answered instead of the central platform (a Wi-Fi login page?)")),
    ("answer is not", ("มีหน้าเว็บอื่นตอบแทนระบบกลาง (เช่น หน้าล็อกอิน Wi-Fi)",
                       "Another page answered instead of the central platform (a Wi-Fi login page?)")),
    ("HTTP 5", ("ระบบกลางขัดข้องชั่วคราว", "The central platform had a server error")),
    ("ReadError", ("การเชื่อมต่อหลุดระหว่างส่ง", "The connection dropped while sending")),
    ("RemoteProtocolError", ("การเชื่อมต่อหลุดระหว่างส่ง", "The connection dropped while sending")),
    ("WriteError", ("การเชื่อมต่อหลุดระหว่างส่ง", "The connection dropped while sending")),
    ("revoked", ("เครื่องนี้ถูกยกเลิกสิทธิ์ที่ระบบกลาง", "This laptop was revoked on the central platform")),
    ("bad_token", ("ระบบกลางไม่รู้จักรหัสประจำเครื่องนี้แล้ว", "The central platform no longer knows this laptop's token")),
    ("not_pinned", ("ตัวตนของระบบกลางไม่ตรงกับที่เครื่องนี้บันทึกไว้",
                    "The platform's identity is not the one this laptop pinned")),
    ("bad_proof", ("ระบบกลางพิสูจน์ตัวตนไม่ผ่าน", "The server failed to prove it is the platform")),
    ("no_proof", ("ระบบกลางไม่ได้พิสูจน์ตัวตน", "The server did not prove it is the platform")),
    ("429", ("ระบบกลางขอให้รอ (มีงานมาก)", "The central platform asked to wait (busy)")),
    ("503", ("ระบบกลางขอให้รอ (มีงานมาก)", "The central platform asked to wait (busy)")),
]


def failure_reason(outcome: str, detail: str, lang: str = "th") -> str:
    """The cause of a failed run in a few words of ``lang`` ("" for a run that did not fail).

    A stalled link says so with its limit (``client.LinkStalled``'s own sentence in ``lang``);
    otherwise the first known cause in ``detail``; else the outcome's own words."""
    if outcome in (Outcome.OK, Outcome.CANCELLED, ""):
        return ""
    detail = detail or ""
    if "The link stalled" in detail:
        m = _STALL.match(detail)
        if m is not None:
            text = m.group("th" if lang == "th" else "en").strip()
            return text.split(" จะลองส่งใหม่")[0] if lang == "th" else text.split("; sending")[0]
    for needle, (th, en) in _CAUSES:
        if needle in detail:
            return th if lang == "th" else en
    return outcome_text(outcome, lang)
