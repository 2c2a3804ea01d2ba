"""The "Participant rights" dialog (issue 12): search one person's records across sessions by
code, name or phone; see them; export a copy for them (Thai PDF + JSON, owner-only); erase their
personal data with a reason, behind the supervisor PIN and a confirmation.

Database work runs on the one writer (:class:`~sala.ui.common.tasks.TaskRunner`); results come
back on the UI thread. Every message is shown in the UI's language first, then the other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sala.domain import enums as e
from sala.domain.counts import count_en
from sala.domain.errors import SalaError
from sala.domain.thaidate import format_date, format_datetime
from sala.services import supervisor_pin as sp
from sala.services.participant_rights import (
    CONTACT_NONE,
    CONTACT_READABLE,
    CONTACT_SEALED,
    ParticipantRecord,
    ParticipantRightsService,
)
from sala.ui.common.errors import ERROR_STYLE, bilingual, error_text
from sala.ui.common.supervisor_guard import require_supervisor
from sala.ui.privacy.erase_confirm import EraseConfirmDialog

if TYPE_CHECKING:
    from sala.bootstrap import Services
    from sala.ui.common.tasks import TaskRunner

Guard = Callable[[QWidget], bool]
COLUMNS = (("", ""), ("รหัส", "Code"), ("เวที", "Session"), ("วันที่", "Date"),
           ("ความคิดเห็น", "Said"), ("ข้อมูลติดต่อ", "Contact"))
CONTACT_WORDS = {CONTACT_NONE: ("ไม่มี", "none"), CONTACT_READABLE: ("มี (เข้ารหัสในเครื่อง)", "yes (encrypted here)"),
                 CONTACT_SEALED: ("ผนึกส่งแพลตฟอร์มแล้ว", "sealed for the platform")}


def _t(lang: str, th: str, en: str) -> str:
    return th if lang == "th" else en


class ParticipantRightsDialog(QDialog):
    """Find, show, export and erase one participant's data; see the module's doc."""

    sig_erased = Signal(object)
    """An erasure committed (its :class:`~sala.services.participant_rights.ErasureResult`)."""
    sig_exported = Signal(object)
    """An export written (its :class:`~sala.reports.participant_export.ExportFiles`)."""
    sig_searched = Signal(int)
    """A search finished with this many records shown."""

    def __init__(self, services: Services, tasks: TaskRunner, lang: str, parent: QWidget | None = None, *,
                 guard: Guard | None = None, choose_folder: Callable[[], Path | None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participantRightsDialog")
        self.services, self.tasks, self.lang = services, tasks, lang
        self.rights: ParticipantRightsService = services.participant_rights
        self._guard = guard or (lambda parent: require_supervisor(parent, services.supervisor, sp.ERASE, lang, tasks))
        self._choose_folder = choose_folder or self._ask_folder
        self.records: list[ParticipantRecord] = []
        self._query: dict[str, str] = {}
        self.setWindowTitle(bilingual("สิทธิของผู้เข้าร่วม (PDPA)", "Participant rights (PDPA)", lang, " / "))
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        lang = self.lang
        intro = QLabel(_t(lang, "ค้นหาทุกข้อมูลของผู้เข้าร่วมหนึ่งคนในทุกเวที ด้วยรหัส ชื่อ หรือหมายเลขโทรศัพท์ "
                                "เพื่อส่งสำเนาให้เจ้าของข้อมูล หรือลบข้อมูลส่วนบุคคลตามคำขอ",
                          "Find everything about one participant across sessions, by code, name or phone, "
                          "to give them a copy or to erase their personal data at their request."))
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("rightsCode")
        self.code_edit.setPlaceholderText("P07")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("rightsName")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("rightsPhone")
        self.phone_edit.setPlaceholderText("081-234-5678")
        for w in (self.code_edit, self.name_edit, self.phone_edit):
            w.returnPressed.connect(self.search)
        self.search_button = QPushButton(_t(lang, "ค้นหา", "Search"))
        self.search_button.setObjectName("rightsSearch")
        self.search_button.clicked.connect(self.search)
        form = QFormLayout()
        form.addRow(_t(lang, "รหัสผู้เข้าร่วม", "Participant code"), self.code_edit)
        form.addRow(_t(lang, "ชื่อ", "Name"), self.name_edit)
        form.addRow(_t(lang, "โทรศัพท์", "Phone"), self.phone_edit)
        form.addRow("", self.search_button)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("rightsTable")
        self.table.setHorizontalHeaderLabels([_t(lang, th, en) for th, en in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("rightsDetail")
        self.detail.setReadOnly(True)
        self.detail.setMaximumHeight(150)
        self.message = QLabel()
        self.message.setObjectName("rightsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(_t(lang, "ส่งออกสำเนาให้เจ้าของข้อมูล…", "Export a copy for them…"))
        self.export_button.setObjectName("rightsExport")
        self.export_button.clicked.connect(self.export)
        self.erase_button = QPushButton(_t(lang, "ลบข้อมูลส่วนบุคคล…", "Erase personal data…"))
        self.erase_button.setObjectName("rightsErase")
        self.erase_button.setStyleSheet("color: #8A1C1C;")
        self.erase_button.clicked.connect(self.erase)
        close = QPushButton(_t(lang, "ปิด", "Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(980, 640)
        self._update_buttons()

    # -- search ---------------------------------------------------------------------------
    def search(self) -> None:
        query = {"code": self.code_edit.text().strip(), "name": self.name_edit.text().strip(),
                 "phone": self.phone_edit.text().strip()}
        self._query = {k: v for k, v in query.items() if v}
        self._say(_t(self.lang, "กำลังค้นหา…", "Searching…"))
        self.search_button.setEnabled(False)
        self.tasks.run(lambda: self.rights.find(code=query["code"], name=query["name"], phone=query["phone"]),
                       self._found, self._failed)

    def _found(self, rows: list[ParticipantRecord]) -> None:
        self.search_button.setEnabled(True)
        self._fill(rows)
        if rows:
            self._say(_t(self.lang, f"พบ {len(rows)} รายการ (ติ๊กเฉพาะรายการที่เป็นของผู้นี้)",
                         f"{len(rows)} found (tick only the ones that are this person's)"))
        else:
            self._say(bilingual("ไม่พบผู้เข้าร่วมที่ตรงกับที่ค้นหา", "No participant matches", self.lang))
        self.sig_searched.emit(len(rows))

    def _fill(self, rows: list[ParticipantRecord]) -> None:
        self.records = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked)
            contact = CONTACT_WORDS.get(r.contact_state, ("อ่านไม่ได้", "unreadable"))
            cells = [tick, QTableWidgetItem(r.code), QTableWidgetItem(r.session_title),
                     QTableWidgetItem(format_date(r.session_date, self.lang, abbr=True)),
                     QTableWidgetItem(str(len(r.contributions))), QTableWidgetItem(_t(self.lang, *contact))]
            for col, item in enumerate(cells):
                self.table.setItem(i, col, item)
        if rows:
            self.table.selectRow(0)
        self._show_detail(0 if rows else -1)
        self._update_buttons()

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < len(self.records):
            self.detail.setPlainText("")
            return
        r = self.records[row]
        kind = e.SessionKind(r.session_kind).label(self.lang)
        lines = [f"{r.session_title} · {kind} · {format_date(r.session_date, self.lang)}",
                 f"{_t(self.lang, 'ช่วงอายุ', 'Age band')}: {e.AgeBand(r.age_band).label(self.lang)} · "
                 f"{_t(self.lang, 'เพศ', 'Gender')}: {e.Gender(r.gender).label(self.lang)} · "
                 f"{_t(self.lang, 'ความยินยอม', 'Consent')}: {e.ConsentKind(r.consent).label(self.lang)}"]
        if r.contact_state == CONTACT_READABLE:
            lines.append(", ".join(p for p in (r.contact_name, r.contact_phone, r.contact_email) if p))
        for c in r.contributions:
            lines.append(f"• {format_datetime(c.recorded_at, self.lang)} "
                         f"{e.ContributionType(c.type).label(self.lang)}: {c.text}")
        self.detail.setPlainText("\n".join(lines))

    def checked_ids(self) -> list[str]:
        return [self.records[i].participant_id for i in range(self.table.rowCount())
                if (item := self.table.item(i, 0)) is not None and item.checkState() == Qt.CheckState.Checked]

    def _checked_rows(self) -> list[ParticipantRecord]:
        ids = set(self.checked_ids())
        return [r for r in self.records if r.participant_id in ids]

    def _update_buttons(self) -> None:
        has = bool(self.records)
        self.export_button.setEnabled(has)
        self.erase_button.setEnabled(has)

    # -- export ---------------------------------------------------------------------------
    def _ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, _t(self.lang, "เลือกโฟลเดอร์ที่จะบันทึก", "Choose a folder"))
        return Path(chosen) if chosen else None

    def export(self) -> None:
        ids = self.checked_ids()
        if not ids:
            self._say(bilingual("ติ๊กอย่างน้อยหนึ่งรายการก่อน", "Tick at least one record first", self.lang), True)
            return
        folder = self._choose_folder()
        if folder is None:
            return
        query, lang, rights = dict(self._query), self.lang, self.rights

        def work() -> Any:
            from sala.reports.participant_export import write_export

            files = write_export(rights.collect(ids, query), folder, lang)
            rights.note_export(ids, [files.pdf.name, files.json.name])
            return files

        self._say(_t(self.lang, "กำลังส่งออก…", "Exporting…"))
        self.tasks.run(work, self._exported, self._failed)

    def _exported(self, files: Any) -> None:
        self._say(bilingual(f"บันทึกแล้ว (เปิดได้เฉพาะผู้ใช้นี้): {files.pdf} และ {files.json}",
                            f"Saved (readable by this user only): {files.pdf} and {files.json}", self.lang))
        self.sig_exported.emit(files)

    # -- erase ----------------------------------------------------------------------------
    def erase(self) -> None:
        rows = self._checked_rows()
        if not rows:
            self._say(bilingual("ติ๊กอย่างน้อยหนึ่งรายการก่อน", "Tick at least one record first", self.lang), True)
            return
        if not self._guard(self):
            self._say(bilingual("ไม่ได้ลบอะไร", "Nothing was erased", self.lang))
            return
        confirm = EraseConfirmDialog(rows, self.lang, self)
        self.confirm_dialog = confirm
        confirm.accepted.connect(lambda: self._erase_confirmed([r.participant_id for r in rows], confirm.reason()))
        confirm.finished.connect(confirm.deleteLater)
        confirm.open()

    def _erase_confirmed(self, ids: list[str], reason: str) -> None:
        role = self.services.supervisor.role()
        self._say(_t(self.lang, "กำลังลบ…", "Erasing…"))
        self.erase_button.setEnabled(False)
        self.tasks.run(lambda: self.rights.erase(ids, reason, actor_role=role), self._erased, self._failed)

    def _erased(self, result: Any) -> None:
        self._fill([r for r in self.records if r.participant_id not in set(result.participant_ids)])
        self._say(bilingual(
            f"ลบข้อมูลส่วนบุคคลแล้ว: ความคิดเห็น {result.contributions_unlinked} รายการไม่ผูกกับผู้นี้อีก "
            f"ข้อมูลติดต่อ {result.contacts_removed} รายการ บันทึกการตรวจสอบลำดับที่ {result.audit_entry.position} "
            "แพลตฟอร์มกลางจะได้รับแจ้งเมื่อซิงก์",
            f"Personal data erased: {count_en(result.contributions_unlinked, 'contribution', 'contributions')} "
            f"unlinked, {count_en(result.contacts_removed, 'contact', 'contacts')} removed, "
            f"audit entry {result.audit_entry.position}; "
            "the platform is told at the next sync", self.lang))
        self.sig_erased.emit(result)

    # -- messages -------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self._update_buttons()
        if isinstance(exc, SalaError):
            self._say(error_text(exc, self.lang), True)
        else:
            self._say(bilingual("เกิดข้อผิดพลาดภายในโปรแกรม รายละเอียดอยู่ในไฟล์บันทึก",
                                "An internal error occurred; details are in the log", self.lang), True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
