"""The supervisor PIN on the command line: one way for every guarded command.

``sala participant erase``, ``sala retention run`` and ``sala bundle import`` are supervisor acts,
as in the app. The PIN is read from the terminal without echo, or as one line of standard input
when it is not a terminal (scripts; ``--pin-stdin`` says so explicitly). The same growing waits
as the app apply (they are kept in the database). A refusal is exit 5 for all three, in Thai and
English; a right PIN allows that one act (the command then locks again).
"""

from __future__ import annotations

import math
import sys
from typing import Any

from sala.domain.errors import SalaError
from sala.services import audit

EXIT_PIN = 5


class PinError(SalaError):
    exit_code = EXIT_PIN


def read_secret(prompt: str, *, from_stdin: bool = False) -> str:
    if not from_stdin and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    sys.stdout.write(prompt)
    sys.stdout.flush()
    return sys.stdin.readline().strip()


def _wait(seconds: float) -> PinError:
    n = max(1, math.ceil(seconds))
    return PinError(f"ใส่รหัสผิดหลายครั้ง กรุณารอ {n} วินาทีก่อนลองอีกครั้ง",
                    f"Too many wrong PINs: wait {n} s before trying again")


def require_supervisor(services: Any, act: str, *, from_stdin: bool = False) -> str:
    """Ask for and check the supervisor PIN for ``act``; the role to write in its audit entry.

    While no PIN is set, an act the app lets go ahead (a bundle import) goes ahead as field staff;
    erasure and retention are refused until one is set."""
    pins = services.supervisor
    if not pins.is_set():
        if pins.allows_without_pin(act):
            return str(audit.FIELD_STAFF)
        raise PinError("ต้องตั้งรหัส PIN หัวหน้างานก่อน (ในโปรแกรม: การตั้งค่า ▸ หัวหน้างานและการเก็บรักษาข้อมูล)",
                       "Set a supervisor PIN first (in the app: Settings ▸ Supervisor and retention)")
    wait = pins.wait_remaining()
    if wait > 0:
        raise _wait(wait)
    attempt = pins.check(read_secret("รหัส PIN หัวหน้างาน / supervisor PIN: ", from_stdin=from_stdin))
    if attempt.refused:
        raise _wait(attempt.wait_s)
    if not attempt.ok:
        n = max(1, math.ceil(attempt.wait_s))
        raise PinError(f"รหัส PIN ไม่ถูกต้อง ไม่ได้ทำรายการนี้ (ลองใหม่ได้ใน {n} วินาที)",
                       f"Wrong PIN; nothing was done (try again in {n} s)")
    return str(audit.SUPERVISOR)
