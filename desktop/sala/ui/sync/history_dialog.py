"""Sync history and quarantine: every run with its outcome and per-batch results, records the
central platform refused (with its reason), and what arrived from other laptops by USB.

Read-only views over ``SyncService``; reads are short and happen on the UI thread like the
other pages' lists. Actions (enroll, bundles) live in ``install.py``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sala.domain.clock import to_local
from sala.domain.thaidate import format_datetime
from sala.sync.messages import outcome_text
from sala.sync.run_report import batch_text, reason_text, size_text
from sala.sync.service import SyncService


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.horizontalHeader().setStretchLastSection(True)
    t.verticalHeader().hide()
    t.resizeColumnsToContents()  # each title whole while the table is still empty
    return t


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(value))
    t.resizeColumnsToContents()


class SyncDialog(QDialog):
    def __init__(self, sync: SyncService, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.lang = lang
        self.setWindowTitle(self.tr("Sync history and refused records"))
        self.resize(980, 560)
        self.tabs = QTabWidget()
        self.runs = _table([self.tr("Started"), self.tr("Via"), self.tr("Outcome"),
                            self.tr("Sent"), self.tr("Refused"), self.tr("Size")])
        # plain words only: HTTP statuses and wire codes stay in the log (issue 10)
        self.batches = _table([self.tr("From laptop"), self.tr("Records"), self.tr("Result")])
        self.run_message = QLabel()
        self.run_message.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.runs)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.run_message)
        lay.addWidget(self.batches)
        split.addWidget(box)
        self.tabs.addTab(split, self.tr("History"))
        self.quarantine = _table([self.tr("No."), self.tr("Type"), self.tr("State"), self.tr("Reason")])
        self.tabs.addTab(self.quarantine, self.tr("Refused records"))
        self.forwarded = _table([self.tr("Device"), self.tr("Name"), self.tr("Records"),
                                 self.tr("Forwarded"), self.tr("From file")])
        self.tabs.addTab(self.forwarded, self.tr("From other laptops"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(self.tabs)
        root.addWidget(buttons)
        self.runs.itemSelectionChanged.connect(self._show_run)
        self.reload()

    def reload(self) -> None:
        self._runs = self.sync.history()
        rows = []
        for run in self._runs:
            d = run.detail or {}
            refused = int(d.get("conflict", 0)) + int(d.get("rejected", 0))
            via = self.tr("USB bundle") if run.via == "bundle" else self.tr("Network")
            rows.append([format_datetime(to_local(run.started_at), self.lang), via,
                         self._outcome(run.outcome), str(d.get("sent", d.get("records", 0))),
                         str(refused), size_text(int(d.get("bytes") or 0), self.lang)])
        _fill(self.runs, rows)
        _fill(self.quarantine, [[str(q.seq), q.record_type, self._state(q.state), reason_text(q.reason, self.lang)]
                                for q in self.sync.quarantine()])
        _fill(self.forwarded, [[f["device_id"], f.get("name", ""), str(f["records"]),
                                str(f["forwarded"]), ", ".join(f["sources"])]
                               for f in self.sync.forwarded()])
        if self._runs:
            self.runs.selectRow(0)

    def _outcome(self, outcome: str) -> str:
        if outcome == "imported":
            return self.tr("Imported, waiting to forward")
        if outcome == "running":
            return self.tr("Running")
        return outcome_text(outcome, self.lang)

    def _state(self, state: str) -> str:
        if state == "conflict":
            return self.tr("Conflict")
        if state == "rejected":
            return self.tr("Refused")
        return state

    def _show_run(self) -> None:
        rows = self.runs.selectionModel().selectedRows()
        if not rows:
            return
        run = self._runs[rows[0].row()]
        self.run_message.setText(self._outcome(run.outcome))
        out = []
        for b in (run.detail or {}).get("batch_results", []):
            out.append([str(b.get("device_id", "")), str(b.get("records", "")), batch_text(b, self.lang)])
        _fill(self.batches, out)
