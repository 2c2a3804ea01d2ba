"""The kiosk shown full screen on whatever X display ``DISPLAY`` names (a test starts its own Xvfb
at another screen size with a window manager): ``python -m tests.fieldday.kiosk_child FOLDER
short|long|five``. Writes FOLDER/result.json (screen size, the kiosk's frame, every control off the
screen) and FOLDER/kiosk.png (the whole screen), then exits."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

GIVE_UP_MS = 60_000


FIVE = [
    "ตั้งจุดคัดแยกขยะพลาสติกในตลาดสดเทศบาลทุกแห่งพร้อมเจ้าหน้าที่ให้คำแนะนำแม่ค้าและผู้ซื้อทุกวันตลอดปีงบประมาณ",
    "รับซื้อขวดพลาสติกคืนจากโรงเรียนและชุมชนในราคาที่เป็นธรรมโดยนำรายได้เข้ากองทุนสวัสดิการชุมชนของหมู่บ้าน",
    "ให้โรงพยาบาลส่งเสริมสุขภาพตำบลและองค์การบริหารส่วนตำบลร่วมกันรณรงค์ลดการเผาขยะในที่โล่งทุกหมู่บ้าน",
    "จัดรถเก็บขยะอันตรายจากครัวเรือนเดือนละครั้งและประชาสัมพันธ์ตารางเวลาผ่านเสียงตามสายของชุมชน",
    "สนับสนุนร้านค้าที่ใช้บรรจุภัณฑ์ย่อยสลายได้ด้วยการลดค่าธรรมเนียมแผงในตลาดนัดชุมชนเป็นเวลาหนึ่งปี",
]


def wrapped(tile) -> dict[str, object]:
    """The tile's text as it is drawn at its real width: the lines, any line that ends inside a
    word (PyThaiNLP's boundaries, as the printed reports use) or is wider than the tile, and whether
    the lines need more height than the tile has."""
    from sala.reports.thai_break import word_pieces

    box = tile.text_rect()
    fm = tile.fontMetrics()
    lines = tile.lines(box.width())
    ends, at = set(), 0
    for chunk in tile.text().split():
        start = tile.text().index(chunk, at)
        pos = start
        for piece in word_pieces(chunk):
            pos += len(piece)
            ends.add(pos)
        ends.add(start)
        at = start + len(chunk)
    inside, at = [], 0
    for i, line in enumerate(lines[:-1]):
        at = tile.text().index(line, at) + len(line)
        if at not in ends:
            inside.append(f"{line[-6:]}|{lines[i + 1][:6]}")
    too_wide = [line for line in lines if fm.horizontalAdvance(line) > box.width()]
    return {"lines": lines, "inside_word": inside, "too_wide": too_wide, "point_size": tile.font().pointSize(),
            "cut": len(lines) * fm.lineSpacing() > box.height() + 1}


def main(folder: Path, which: str) -> int:
    from sala.bootstrap import build_services
    from sala.domain.clock import BANGKOK
    from sala.domain.inputs import SessionInput, VenueInput
    from sala.paths import AppPaths
    from sala.ui.common.tasks import TaskRunner
    from sala.ui.kiosk.visitor import KioskVisitor
    from sala.ui.shell import qt_fixes
    from sala.ui.shell.fonts import register_fonts
    from sala.ui.shell.i18n import install_translators
    from tests.fieldday.helpers import outside_screen
    from tests.fieldday.test_exhibition import PROPOSALS, SHORT

    app = QApplication(sys.argv[:1])
    qt_fixes.install()
    register_fonts(app)
    translators = install_translators(app, "th")  # noqa: F841 - kept alive while the kiosk shows
    services = build_services(AppPaths(folder / "data", folder / "logs").ensure())
    tasks = TaskRunner()
    start = datetime.now(BANGKOK).replace(hour=9, minute=0, second=0, microsecond=0)
    detail = services.sessions.create(SessionInput(
        title="นิทรรศการ ขยะพลาสติก ลำปาง", kind="exhibition",
        venue=VenueInput("ศูนย์การค้าเซ็นทรัลลำปาง", "other", "ลำปาง", "เมืองลำปาง"),
        facilitators="อรทัย ใจงาม", planned_start=start, planned_end=start + timedelta(hours=8)))
    titles = {"long": PROPOSALS, "short": SHORT, "five": FIVE}[which]
    for title in titles:
        services.exhibition.add_proposal(detail.id, title)
    services.sessions.set_status(detail.id, "open")
    services.kiosk_pin.set("2580", "2580")
    kiosk = KioskVisitor(services, tasks, detail.id, "th")
    kiosk.showFullScreen()
    screen = QGuiApplication.primaryScreen().geometry()
    result: dict[str, object] = {}

    def settled() -> bool:  # mapped, and the window manager has made it full screen
        handle = kiosk.windowHandle()
        return bool(handle and handle.isExposed() and kiosk.isFullScreen()
                    and kiosk.frameGeometry().topLeft() == screen.topLeft())

    def check() -> None:
        if not settled() and "waited" not in result:
            QTimer.singleShot(50, check)
            return
        QApplication.processEvents()
        result.update(screen=[screen.width(), screen.height()], frame=list(kiosk.frameGeometry().getRect()),
                      outside=outside_screen(kiosk, screen), settled=settled(),
                      wrapping=[wrapped(tile) for tile in kiosk.proposal_buttons.values()])
        QGuiApplication.primaryScreen().grabWindow(0).save(str(folder / "kiosk.png"))
        wrong_pin()

    def wrong_pin() -> None:
        """Staff tap, a wrong PIN: the refusal and the countdown must leave the keypad whole and
        the dialog on the screen (keys overlapped before, seen in the lead's walk-through)."""
        kiosk.ask_pin()
        dlg = kiosk.pin_dialog
        dlg.entry.setText("1111")
        dlg.submit()
        answered(dlg)

    def answered(dlg) -> None:
        if dlg.busy:  # checked on the writer thread
            QTimer.singleShot(50, lambda: answered(dlg))
            return
        QTimer.singleShot(700, lambda: pin_checked(dlg))  # the window manager has applied the new size

    def pin_checked(dlg) -> None:
        QApplication.processEvents()
        keys = [k.geometry() for k in dlg.keys.values()]
        result["pin"] = {
            "refused": bool(dlg.message.text()),
            "overlaps": [f"{a.getRect()}/{b.getRect()}" for i, a in enumerate(keys) for b in keys[i + 1:]
                         if a.intersects(b)],
            "key_heights": sorted({k.height() for k in dlg.keys.values()}),
            "outside": outside_screen(dlg, screen)}
        QGuiApplication.primaryScreen().grabWindow(0).save(str(folder / "kiosk-pin.png"))
        app.exit(0)  # not quit(): that asks every window to close, and the kiosk refuses without the PIN

    QTimer.singleShot(GIVE_UP_MS, lambda: result.setdefault("waited", True))
    QTimer.singleShot(0, check)
    app.exec()
    kiosk._unlocked = True
    kiosk.close()
    tasks.shutdown()
    services.close()
    (folder / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
