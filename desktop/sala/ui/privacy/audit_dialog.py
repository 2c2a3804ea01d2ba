"""The audit log for people: who, when (Bangkok time, B.E. in Thai), what, why, which records; and
whether the chain is whole (an edited, removed or moved entry is named in red)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sala.services import audit
from sala.ui.common.errors import ERROR_STYLE, bilingual
from sala.ui.common.supervisor_guard import while_alive

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner

COLUMNS = (("ลำดับ", "No."), ("เมื่อ", "When"), ("ผู้ทำ", "Who"), ("การกระทำ", "What"), ("เหตุผล", "Why"),
           ("ข้อมูลที่เกี่ยวข้อง", "Which"))


class AuditLogDialog(QDialog):
    """Every entry, newest first, with the chain's check above them."""

    sig_loaded = Signal(int)
    """The entries were read and shown (how many)."""

    def __init__(self, services: Services, tasks: TaskRunner, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.services, self.tasks, self.lang = services, tasks, lang
        self.setWindowTitle(bilingual("บันทึกการตรวจสอบ", "Audit log", lang, " / "))
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([th if lang == "th" else en for th, en in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 220)
        close = QPushButton("ปิด" if lang == "th" else "Close")
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(1100, 600)
        self.reload()

    def reload(self) -> None:
        db = self.services.db

        def read() -> tuple[list[audit.Entry], list[audit.Problem]]:
            with db.read() as s:
                return audit.entries(s), audit.verify(s)

        # closed before the log is read (it deletes itself on close), the answer finds no table
        self.tasks.run(read, while_alive(self, self._show))

    def _show(self, result: Any) -> None:
        entries, problems = result
        lang = self.lang
        self.table.setRowCount(len(entries))
        for i, entry in enumerate(reversed(entries)):
            role = audit.ROLE_LABELS.get(entry.actor_role, (entry.actor_role, entry.actor_role))
            who = f"{role[0] if lang == 'th' else role[1]} · {entry.device_id[-12:]}"
            cells = [str(entry.position), entry.when(lang), who, entry.what(lang), entry.reason or "-",
                     ", ".join(entry.target) or "-"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.who(lang) if col == 2 else text)
                self.table.setItem(i, col, item)
        if problems:
            self.status.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
            self.status.setText("\n".join(p.message(lang) for p in problems))
        else:
            self.status.setStyleSheet("color: #1b5e20;")
            self.status.setText(bilingual(f"บันทึกครบถ้วน {len(entries)} รายการ ไม่มีการแก้ไขหรือลบ",
                                          f"The log is intact: {len(entries)} entries, nothing edited or removed",
                                          lang, " · "))
        self.sig_loaded.emit(len(entries))
