"""Batches forwarded from USB bundles that the central platform refused, with its reason.

A supervisor forwards other laptops' records; when the service will not take them (the origin
laptop is not known to it, its device was revoked, …) they stay on this laptop as "refused"
(``batch_store.refused_forwards``) until the cause is dealt with and the same bundle is
imported again. This dialog lists them; the Sync menu opens it, and after a sync that leaves
refusals the status bar says so (``install.py``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sala.domain.clock import to_local
from sala.domain.thaidate import format_datetime
from sala.sync import batch_store
from sala.sync.service import SyncService


def refused(sync: SyncService) -> list[dict[str, Any]]:
    """The refused forwards now (a short read on the UI thread, like the history's)."""
    with sync.db.read() as s:
        return batch_store.refused_forwards(s)


def refusals_note(n: int) -> str:
    """Status-bar words after a sync that leaves ``n`` refused forwarded batches."""
    return (QCoreApplication.translate("RefusalsDialog",
                                       "The central platform refused %1 forwarded batch(es); see "
                                       "Sync ▸ Refused forwards")
            .replace("%1", str(n)))


class RefusalsDialog(QDialog):
    """Who, how many records, from which bundle file, why, and when — one row per batch."""

    def __init__(self, sync: SyncService, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync, self.lang = sync, lang
        self.setWindowTitle(self.tr("Refused forwards"))
        self.resize(1000, 420)
        lay = QVBoxLayout(self)
        self.explain = QLabel(self.tr(
            "The central platform did not accept these records forwarded from USB bundles. They "
            "are kept on this laptop. Once the cause is dealt with (for example the administrator "
            "registers the laptop they came from), import the same bundle again and sync."))
        self.explain.setWordWrap(True)
        lay.addWidget(self.explain)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Laptop"), self.tr("Records"),
                                              self.tr("Bundle file"), self.tr("Reason"),
                                              self.tr("Refused at")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        lay.addWidget(self.table)
        self.empty = QLabel(self.tr("Nothing forwarded has been refused."))
        lay.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        rows = refused(self.sync)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            who = f"{r['device_name']} ({r['device_id']})" if r["device_name"] else r["device_id"]
            when = ""
            if r["refused_at"]:
                when = format_datetime(to_local(datetime.fromisoformat(r["refused_at"])), self.lang)
            reason = f"{r['message']} ({r['code']})" if r["message"] else r["code"]
            for j, text in enumerate([who, str(r["records"]), r["source"], reason, when]):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not rows)
