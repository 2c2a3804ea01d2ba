"""The PDF report dialog: a session summary or a period report, built in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from sala.bootstrap import Services
from sala.ui.common.job_dialog import JobDialog, OutputPicker, default_folder
from sala.ui.reports.filter_fields import FilterFields

try:  # QtPdf is not part of PySide6-Essentials; without it we offer "open", not "print".
    from PySide6 import QtPdf  # noqa: F401 - only whether it imports matters
    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed wheel
    HAVE_QTPDF = False


class ReportDialog(JobDialog):
    """Session summary (``session_id`` given) or period report, written as a PDF."""

    def __init__(self, services: Services, lang: str, session_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, lang, parent)
        self.session_id = session_id
        form = QFormLayout()
        if session_id:
            detail = services.sessions.get(session_id)
            self.setWindowTitle(self.tr("Session summary"))
            form.addRow(self.tr("Session"), QLabel(detail.title))
            self.filters = None
        else:
            self.setWindowTitle(self.tr("Period report"))
            self.filters = FilterFields(services, lang)
            form.addRow(self.filters)
            # how many sessions the filter covers, before anything is produced (issue 10)
            self.count_label = QLabel()
            self.count_label.setObjectName("sessionCount")
            self.count_label.setWordWrap(True)
            form.addRow(self.count_label)
        self.report_lang = QComboBox()
        self.report_lang.addItem("ไทย", "th")
        self.report_lang.addItem("English", "en")
        self.report_lang.setCurrentIndex(0 if lang == "th" else 1)
        form.addRow(self.tr("Report language"), self.report_lang)
        self.personal = QCheckBox(self.tr("Include contact details of participants who consented (personal data)"))
        self.personal.setVisible(bool(session_id))
        form.addRow(self.personal)
        # Named as a Thai official files it ("สรุปผลเวที <title> 1 ธ.ค. 2569.pdf", "รายงาน ปีงบประมาณ
        # 2570.pdf"), in the report's language; renamed as the filter changes until the user picks a name.
        self._auto_path = default_folder(services) / (self._file_name() or "report.pdf")
        self.output = OutputPicker(self._auto_path, "PDF (*.pdf)")
        self.report_lang.currentIndexChanged.connect(self._rename)
        form.addRow(self.tr("Save as"), self.output)
        if not HAVE_QTPDF:
            form.addRow(QLabel(self.tr("To print, open the PDF and print it from the viewer.")))
        self.finish_layout(form)
        if self.filters is not None:
            self.filters.sig_changed.connect(self.update_count)
            self.filters.sig_changed.connect(self._rename)
            self.update_count()

    def _file_name(self) -> str | None:
        from sala.domain.errors import SalaError
        from sala.reports.filenames import period_report_file_name, session_file_name

        lang = self.report_lang.currentData()
        if self.session_id:
            return session_file_name(self.services.db, self.session_id, lang)
        try:
            return period_report_file_name(self.filters.current(), lang)  # type: ignore[union-attr]
        except SalaError:  # a filter the count line already calls wrong
            return None

    def _rename(self, *_args: object) -> None:
        if self.output.value() != self._auto_path:
            return  # the user chose a name: keep it
        name = self._file_name()
        if name:
            self._auto_path = self._auto_path.with_name(name)
            self.output.path.setText(str(self._auto_path))

    def update_count(self) -> int | None:
        """Show how many sessions the chosen filter covers; none disables Create. A short read on
        the UI thread, like the lists'. Returns the count (None: the filter itself is wrong)."""
        from sala.domain.errors import SalaError
        from sala.reports.filters import count_sessions

        try:
            n = count_sessions(self.services.db, self.filters.current())  # type: ignore[union-attr]
        except SalaError as exc:
            self.count_label.setText(exc.message(self.lang))
            self.run_button.setEnabled(False)
            return None
        if n == 0:
            self.count_label.setText(self.tr("No session matches this filter: there is nothing to print."))
        else:
            self.count_label.setText(self.tr("Sessions in this report: %1").replace("%1", f"{n:,}"))
        self.run_button.setEnabled(n > 0)
        return n

    def make_job(self) -> tuple[Path, Callable[[Callable[[float, str], None]], Any]]:
        from sala.reports.output import check_writable

        target = self.output.value()
        check_writable(target)
        lang = self.report_lang.currentData()
        db, attachments = self.services.db, self.services.paths.attachments
        agency, unit = self.services.preferences.report_header()  # as set in Settings
        if self.session_id:
            from sala.reports.session_summary import build_session_summary

            sid, personal = self.session_id, self.personal.isChecked()
            return target, lambda progress: build_session_summary(
                db, sid, target, lang=lang, include_personal_data=personal, attachments_dir=attachments,
                agency=agency, unit=unit, progress=progress)
        from sala.domain.errors import SalaError
        from sala.reports.filters import count_sessions
        from sala.reports.period_report import build_period_report

        flt = self.filters.current()  # type: ignore[union-attr]
        if count_sessions(db, flt) == 0:
            raise SalaError("ไม่มีเวทีตรงกับตัวกรองนี้ จึงไม่มีรายงานให้พิมพ์", "No session matches this filter, "
                            "so there is no report to print.")
        return target, lambda progress: build_period_report(db, flt, target, lang=lang, agency=agency, unit=unit,
                                                                   progress=progress)
