"""One participant's row of editors, saved by itself a moment after the last change.

The table shows the code, bands and consent; name, phone and e-mail sit in a contact form
below it (``contact_form``), headed by the participant's code, each field with its own error
line: a refused phone or e-mail is said beside the field, in Thai and English, and nothing of
the row is saved until it is put right. A good phone number is shown in its usual form.

Each row owns a single-shot timer: any edit restarts it, and when it fires the row's whole
state goes to the writer thread. Saves are ordered on that one thread, so the last one wins
and always carries the newest state.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from sala.domain import enums as e
from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.domain.inputs import ParticipantInput
from sala.domain.provinces import all_provinces
from sala.services.participants import CONSENTED, ParticipantView
from sala.ui.common.errors import ERROR_COLOUR, ERROR_STYLE, error_text
from sala.ui.common.tasks import TaskRunner

SAVE_DELAY_MS = 600  # the issue allows at most 1 s of typing to be at risk

CONTACT_LOCKED_TH = ("กรอกข้อมูลติดต่อได้เมื่อผู้เข้าร่วมให้ความยินยอม (ด้วยวาจาหรือเป็นลายลักษณ์อักษร) แล้วเท่านั้น "
                     "ตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล")
CONTACT_LOCKED_EN = ("Contact details can be filled in only after the participant consents (verbal or written), "
                     "under the PDPA.")


def _combo(items: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox()
    for value, label in items:
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ParticipantRow(QObject):
    """The editors for one participant and the debounced save that keeps them in the database."""

    sig_saved = Signal(object)
    """The row reached the database; carries the stored ParticipantView."""
    sig_failed = Signal(object, object)
    """A save was refused: (this row, the exception) — shown beside the table."""

    def __init__(self, view: ParticipantView, contact: tuple[str, str, str], lang: str,
                 save: Callable[[str, ParticipantInput], ParticipantView], tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.participant_id = view.id
        self._save_fn = save
        self._tasks = tasks
        self.code = QLineEdit(view.code)
        self.code.setMaxLength(16)
        self.age = _combo([(m.value, m.label(lang)) for m in e.AgeBand], view.age_band.value)
        self.gender = _combo([(m.value, m.label(lang)) for m in e.Gender], view.gender.value)
        self.occupation = _combo([(m.value, m.label(lang)) for m in e.Occupation], view.occupation.value)
        provinces = [("", e.Gender.NOT_STATED.label(lang))] + [(p.code, p.label(lang)) for p in all_provinces()]
        self.province = _combo(provinces, view.province_code or "")
        self.consent = _combo([(m.value, m.label(lang)) for m in e.ConsentKind], view.consent.value)
        self.name, self.phone, self.email = (QLineEdit(t) for t in contact)
        self.name.setMaxLength(120)
        self.email.setMaxLength(200)
        self.code.setObjectName("participantRowCode")
        self.name.setObjectName("contactName")
        self.phone.setObjectName("contactPhone")
        self.email.setObjectName("contactEmail")
        self.phone.setPlaceholderText("081-234-5678")
        self.field_errors: dict[str, QLabel] = {}
        self.contact_form = self._build_contact_form(lang)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        for edit in (self.code, self.name, self.phone, self.email):
            edit.textEdited.connect(self._changed)
        self.phone.editingFinished.connect(self._tidy_phone)
        for box in (self.age, self.gender, self.occupation, self.province):
            box.activated.connect(self._changed)
        self.consent.activated.connect(self._consent_changed)
        self._lock_contact(lang)
        self._lang = lang

    def widgets(self) -> list[QWidget]:
        """The table's cells, left to right (contact details are in ``contact_form``)."""
        return [self.code, self.age, self.gender, self.occupation, self.province, self.consent]

    def editors(self) -> list[QWidget]:
        return [*self.widgets(), self.name, self.phone, self.email]

    def _build_contact_form(self, lang: str) -> QWidget:
        form_widget = QWidget()
        self.contact_title = QLabel()
        self.contact_title.setObjectName("contactTitle")
        self.contact_title.setStyleSheet("font-weight: bold;")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        labels = {"contact_name": self.tr("Full name"), "phone": self.tr("Phone"), "email": self.tr("E-mail")}
        for field, edit in (("contact_name", self.name), ("phone", self.phone), ("email", self.email)):
            error = QLabel()
            error.setObjectName(f"{field}Error")
            error.setWordWrap(True)
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            self.field_errors[field] = error
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(labels[field], cell)
        outer = QVBoxLayout(form_widget)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.contact_title)
        outer.addLayout(form)
        self._title_contact(lang)
        self.code.textChanged.connect(lambda _t: self._title_contact(lang))
        return form_widget

    def _title_contact(self, lang: str) -> None:
        code = self.code.text() or "?"
        self.contact_title.setText(self.tr("Contact details of %1").replace("%1", code))

    def consented(self) -> bool:
        return e.ConsentKind(self.consent.currentData()) in CONSENTED

    def pending(self) -> bool:
        return self._timer.isActive()

    def data(self) -> ParticipantInput:
        return ParticipantInput(
            code=self.code.text(), age_band=self.age.currentData(), gender=self.gender.currentData(),
            occupation=self.occupation.currentData(), province=self.province.currentData() or "",
            consent=self.consent.currentData(), contact_name=self.name.text(), phone=self.phone.text(),
            email=self.email.text(),
        )

    def save_now(self) -> None:
        """Send the row's current state to the writer now (timer fired, or the page is leaving).

        Checked here first: a refused field is marked beside itself and nothing is sent.
        """
        self._timer.stop()
        data = self.data()
        try:
            data.validated()
        except ValidationError as exc:
            self.sig_failed.emit(self, exc)
            return
        pid = self.participant_id
        self._tasks.run(lambda: self._save_fn(pid, data), self._saved, lambda exc: self.sig_failed.emit(self, exc))

    def _changed(self) -> None:
        self._timer.start()

    def _consent_changed(self) -> None:
        if not self.consented():
            # Without consent the personal data goes (the service deletes it too), not just hidden.
            for edit in (self.name, self.phone, self.email):
                edit.clear()
        self._lock_contact(self._lang)
        self._changed()

    def _lock_contact(self, lang: str) -> None:
        ok = self.consented()
        texts = (CONTACT_LOCKED_TH, CONTACT_LOCKED_EN)
        why = "\n".join(texts if lang == "th" else reversed(texts))
        for edit in (self.name, self.phone, self.email):
            edit.setEnabled(ok)
            edit.setPlaceholderText("" if ok else self.tr("Needs consent"))
            edit.setToolTip("" if ok else why)

    def _saved(self, view: ParticipantView) -> None:
        for w in self.editors():
            w.setStyleSheet("")
        for label in self.field_errors.values():
            label.hide()
        if not self.phone.hasFocus():
            self._tidy_phone()
        self.sig_saved.emit(view)

    def _tidy_phone(self) -> None:
        """A good number in its usual written form (0812345678 → 081-234-5678); a bad one is left."""
        try:
            clean = v.phone(self.phone.text())
        except ValidationError:
            return
        if clean and clean != self.phone.text():
            self.phone.setText(clean)

    def mark_invalid(self, exc: BaseException) -> None:
        field = getattr(exc, "field", "") if isinstance(exc, ValidationError) else ""
        target = {"code": self.code, "phone": self.phone, "email": self.email, "contact_name": self.name,
                  "consent": self.consent, "province": self.province}.get(field)
        if target is not None:
            target.setStyleSheet(f"border: 2px solid {ERROR_COLOUR};")
        label = self.field_errors.get(field)
        if label is not None and isinstance(exc, ValidationError):
            label.setText(error_text(exc, self._lang))
            label.show()
