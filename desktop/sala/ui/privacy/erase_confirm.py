"""The last step before an erasure: what goes, what stays, a reason, and an explicit yes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sala.domain.counts import count_en
from sala.services.participant_rights import ParticipantRecord, describe
from sala.ui.common.errors import bilingual


def _t(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


class EraseConfirmDialog(QDialog):
    """Ask for the reason and a deliberate confirmation; :meth:`reason` after ``accepted``."""

    def __init__(self, rows: Sequence[ParticipantRecord], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseConfirmDialog")
        self.setWindowTitle(bilingual("ยืนยันการลบข้อมูลส่วนบุคคล", "Confirm the erasure", lang, " / "))
        what = QLabel(_t(
            lang,
            f"จะลบข้อมูลส่วนบุคคลของผู้เข้าร่วม {len(rows)} รายการนี้: ชื่อ โทรศัพท์ อีเมล และการเชื่อมโยง"
            "ความคิดเห็นกับผู้นี้ รหัสผู้เข้าร่วมจะถูกแทนด้วยรหัสที่ไม่บอกตัวตน เนื้อหาความคิดเห็นและจำนวน"
            "ผู้เข้าร่วมยังคงอยู่ แพลตฟอร์มกลางจะได้รับแจ้งให้ลบด้วยเมื่อซิงก์หรือส่งแฟ้ม USB ย้อนกลับไม่ได้",
            f"The personal data of {count_en(len(rows), 'participant record', 'participant records')} will be "
            "erased: name, phone, "
            "e-mail and the link between this person and what they said. Their code is replaced by one "
            "that names no one. The words said and the head counts stay. The central platform is told to "
            "erase its copies at the next sync or USB bundle. This cannot be undone."))
        what.setWordWrap(True)
        what.setObjectName("eraseWhat")
        self.rows = QListWidget()
        self.rows.setObjectName("eraseRows")
        for r in rows:
            self.rows.addItem(describe(r, lang))
        self.rows.setMaximumHeight(120)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("eraseReason")
        self.reason_edit.setPlaceholderText(_t(lang, "เช่น ผู้เข้าร่วมขอให้ลบตาม พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล",
                                               "e.g. the participant asked under the PDPA"))
        self.reason_edit.setMaximumHeight(90)
        self.understood = QCheckBox(_t(lang, "เข้าใจแล้วว่าย้อนกลับไม่ได้", "I understand this cannot be undone"))
        self.understood.setObjectName("eraseUnderstood")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("eraseConfirm")
        self.ok_button.setText(_t(lang, "ลบข้อมูลส่วนบุคคล", "Erase personal data"))
        self.ok_button.setStyleSheet("color: #8A1C1C; font-weight: bold;")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t(lang, "ยกเลิก", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(self.rows)
        layout.addWidget(QLabel(_t(lang, "เหตุผล (บันทึกไว้ในบันทึกการตรวจสอบ)", "Reason (kept in the audit log)")))
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.understood)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self.reason_edit.textChanged.connect(self._update)
        self.understood.toggled.connect(self._update)
        self._update()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()) and self.understood.isChecked())
