"""Batches forwarded from USB bundles that the central platform refused, with its reason.

A supervisor forwards other laptops' records; when the service will not take them (the origin
laptop was revoked, the supervisor's vouch was refused, …) they stay on this laptop as "refused"
(``batch_store.refused_forwards``) until the cause is dealt with and the same bundle is
imported again. This dialog lists them; the Sync menu opens it, and after a sync that leaves
refusals the status bar says so (``install.py``).

Each reason is said in the UI's language (``run_report.reason_text``, one per refusal code), the
service's own English words kept under it as a detail; long text wraps inside the window at
1366x768. A supervisor may dismiss a refusal (after the PIN when one is set, and a
confirmation): the batch stays on record, no longer listed (``batch_store.dismiss_refused``).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sala.domain.clock import to_local
from sala.domain.counts import count_en
from sala.domain.thaidate import format_datetime
from sala.services import audit
from sala.services.supervisor_pin import SupervisorPin
from sala.sync import batch_store
from sala.sync.run_report import reason_text
from sala.sync.service import SyncService
from sala.ui.common.supervisor_guard import require_supervisor
from sala.ui.common.tasks import TaskRunner

DISMISS = audit.REFUSAL_DISMISS


def refused(sync: SyncService) -> list[dict[str, Any]]:
    """The refused forwards now (a short read on the UI thread, like the history's)."""
    with sync.db.read() as s:
        return batch_store.refused_forwards(s)


def refusals_note(n: int) -> str:
    """Status-bar words after a sync that leaves ``n`` refused forwarded batches."""
    # said without a plural (pyside6-lupdate reads no count from QCoreApplication.translate)
    return (QCoreApplication.translate("RefusalsDialog", "Forwarded batches the central platform refused: %1 "
                                       "(see Sync ▸ Refused forwards)")
            .replace("%1", str(n)))


def breakable(text: str) -> str:
    """``text`` with a zero-width space after each ``-``, ``_``, ``.`` and ``/``: a device id or a
    file name has no other place to wrap, and a UUID's ``-`` before a digit is no break
    opportunity (Unicode's line breaking), so it ran past its column (seen at 1366x768)."""
    return re.sub(r"([-_./])", "\\1\u200b", text)


def reason_cell(r: dict[str, Any], lang: str) -> str:
    """The reason in the UI's language, then the service's own words as a detail."""
    said = reason_text(r["code"], lang)
    detail = f"{r['message']} ({r['code']})" if r["message"] else r["code"]
    return f"{said}\n{QCoreApplication.translate('RefusalsDialog', 'The service said:')} {detail}"


class RefusalsDialog(QDialog):
    """Who, how many records, from which bundle file, why, and when — one row per batch."""

    COLUMNS = 5

    def __init__(self, sync: SyncService, lang: str, tasks: TaskRunner, parent: QWidget | None = None, *,
                 supervisor: SupervisorPin | None = None) -> None:
        super().__init__(parent)
        self.sync, self.lang, self.tasks, self.supervisor = sync, lang, tasks, supervisor
        self.rows: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Refused forwards"))
        self.resize(1000, 480)
        lay = QVBoxLayout(self)
        self.explain = QLabel(self.tr(
            "The central platform did not accept these records forwarded from USB bundles. They "
            "are kept on this laptop. Once the cause is dealt with (for example the administrator "
            "registers the laptop they came from), import the same bundle again and sync."))
        self.explain.setWordWrap(True)
        lay.addWidget(self.explain)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Laptop"), self.tr("Records"),
                                              self.tr("Bundle file"), self.tr("Reason"),
                                              self.tr("Refused at")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        head = self.table.horizontalHeader()
        # the reason takes what is left and wraps; nothing runs past the right edge
        for col, mode in ((0, QHeaderView.ResizeMode.Interactive),
                          (1, QHeaderView.ResizeMode.ResizeToContents),
                          (2, QHeaderView.ResizeMode.Interactive),
                          (3, QHeaderView.ResizeMode.Stretch),
                          (4, QHeaderView.ResizeMode.ResizeToContents)):
            head.setSectionResizeMode(col, mode)
        head.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selection_changed)
        lay.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("Nothing forwarded has been refused."))
        lay.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.dismiss_button = QPushButton(self.tr("Dismiss…"))
        self.dismiss_button.setToolTip(self.tr(
            "Set the selected refusals aside (supervisor). They stay on record on this laptop; "
            "importing their bundle again sends them again."))
        self.dismiss_button.setEnabled(False)
        self.dismiss_button.clicked.connect(lambda _=False: self.dismiss())
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.rows = rows = refused(self.sync)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            who = f"{r['device_name']} ({r['device_id']})" if r["device_name"] else r["device_id"]
            shown = [breakable(who), str(r["records"]), breakable(r["source"])]
            when = ""
            if r["refused_at"]:
                when = format_datetime(to_local(datetime.fromisoformat(r["refused_at"])), self.lang)
            reason = reason_cell(r, self.lang)
            for j, (text, tip) in enumerate(zip([*shown, reason, when],
                                                [who, str(r["records"]), r["source"], reason, when], strict=True)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.table.setItem(i, j, item)
        width = max(160, self.width() // 5)
        for col in (0, 2):
            self.table.resizeColumnToContents(col)
            if self.table.columnWidth(col) > width:
                self.table.setColumnWidth(col, width)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)
        self._selection_changed()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # after the header has given the stretching column its new width
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def selected_ids(self) -> list[str]:
        picked = sorted({ix.row() for ix in self.table.selectionModel().selectedRows()})
        return [self.rows[i]["batch_id"] for i in picked if i < len(self.rows)]

    def _selection_changed(self) -> None:
        self.dismiss_button.setEnabled(bool(self.selected_ids()))

    def confirm(self, n: int, records: int) -> QMessageBox:
        """The confirmation (a separate method so tests can answer it like a person)."""
        # each count in its own %n message: English says "1 refused batch", "2 records"
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Dismiss refusals"), self.tr(
            "Dismiss %1 (%2)? They are not deleted: they stay on this laptop with the platform's "
            "reason, no longer listed here. Importing their bundle again sends them again.")
            .replace("%1", self.tr("%n refused batch(es)", "", n))
            .replace("%2", self.tr("%n record(s)", "", records)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Dismiss"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        return box

    def dismiss(self) -> int:
        """Dismiss the selected refusals: the supervisor's PIN (when set), a confirmation, then
        one transaction (state ``dismissed`` and an audit entry). Returns how many."""
        ids = self.selected_ids()
        if not ids:
            return 0
        if self.supervisor is not None and not require_supervisor(self, self.supervisor, DISMISS,
                                                                  self.lang, self.tasks):
            return 0
        records = sum(r["records"] for r in self.rows if r["batch_id"] in ids)
        box = self.confirm(len(ids), records)
        try:
            if box.exec() != QMessageBox.StandardButton.Yes:
                return 0
        finally:
            box.deleteLater()
        role = self.supervisor.role() if self.supervisor is not None else audit.FIELD_STAFF
        with self.sync.db.write() as s:
            n = batch_store.dismiss_refused(s, ids)
            said = f"{count_en(n, 'refused forward', 'refused forwards')}, {count_en(records, 'record', 'records')}"
            audit.append(s, role, DISMISS, said, ids[:20])
        self.reload()
        return n
