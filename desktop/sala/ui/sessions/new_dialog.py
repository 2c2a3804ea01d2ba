"""Setting up a session in under a minute, by keyboard: one dialog for all three kinds.

Each kind brings a template (a title pattern and a planned duration; for a focus group, a saved
question guide if there are any). Recent topics and venues come first. Nothing is created until
everything is valid; a bad field gets its message beside it, in Thai and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sala.bootstrap import Services
from sala.domain import clock
from sala.domain import enums as e
from sala.domain.clock import BANGKOK
from sala.domain.errors import ValidationError
from sala.domain.inputs import SessionInput, VenueInput
from sala.domain.provinces import all_provinces
from sala.ui.common.errors import error_label, error_text, show_error
from sala.ui.common.tasks import TaskRunner
from sala.ui.common.widgets import BuddhistDateEdit, py_date, py_time


@dataclass(frozen=True)
class KindTemplate:
    title_th: str
    title_en: str
    minutes: int


TEMPLATES = {
    e.SessionKind.MINITALK: KindTemplate("มินิทอล์ก {topic} {place}", "Minitalk: {topic}, {place}", 120),
    e.SessionKind.FOCUS_GROUP: KindTemplate("สนทนากลุ่ม {topic} {place}", "Focus group: {topic}, {place}", 90),
    e.SessionKind.EXHIBITION: KindTemplate("นิทรรศการ {topic} {place}", "Exhibition: {topic}, {place}", 480),
}
NEW_VENUE = "__new__"


class NewSessionDialog(QDialog):
    def __init__(self, services: Services, tasks: TaskRunner, lang: str, kind: e.SessionKind = e.SessionKind.MINITALK,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New session"))
        self._services, self._tasks, self._lang = services, tasks, lang
        self.session_id: str | None = None
        self._title_touched = False

        self.kind = QComboBox()
        for k in e.SessionKind:
            self.kind.addItem(k.label(lang), k.value)
        self.guide = QComboBox()
        self.guide_label = QLabel(self.tr("Question guide"))
        self.title = QLineEdit()
        self.title.textEdited.connect(self._title_edited)
        self.topics = QListWidget()
        for t in services.sessions.topics():
            item = QListWidgetItem(t.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topics.addItem(item)
        self.topics.itemChanged.connect(lambda _i: self._suggest_title())
        self.venue = QComboBox()
        for v in services.sessions.venues():
            label = f"{v.name} ({v.district}, {self._province_name(v.province_code)})".replace("(, ", "(")
            self.venue.addItem(label, v.id)
        self.venue.addItem(self.tr("New venue…"), NEW_VENUE)
        self.venue_name = QLineEdit()
        self.venue_name.textEdited.connect(lambda _t: self._suggest_title())
        self.venue_kind = QComboBox()
        for vk in e.VenueKind:
            self.venue_kind.addItem(vk.label(lang), vk.value)
        self.province = QComboBox()
        self.province.setEditable(True)
        self.province.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.province.addItem("", "")
        for p in all_provinces():
            self.province.addItem(p.label(lang), p.code)
        if (completer := self.province.completer()) is not None:  # it is: the combo is editable
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.province.setCurrentIndex(max(0, self.province.findData(services.preferences.load().default_province)))
        self.district = QLineEdit()
        self.facilitators = QLineEdit()
        self.facilitators.setPlaceholderText(self.tr("Names, separated by commas"))
        self.date = BuddhistDateEdit(lang)
        # today in Thailand, whatever the laptop's own time zone says (issue 10)
        today = clock.to_local(clock.now()).date()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.start = QTimeEdit(QTime(9, 0))
        self.end = QTimeEdit(QTime(11, 0))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.start.timeChanged.connect(self._keep_duration)
        self._duration = 120

        self.errors: dict[str, QLabel] = {f: error_label() for f in (
            "kind", "title", "name", "venue_kind", "province", "district", "facilitators", "ended_at")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)

        def row(label: str, widget: Any, field: str | None = None) -> None:
            form.addRow(label, widget)
            if field:
                form.addRow("", self.errors[field])
        row(self.tr("Kind"), self.kind, "kind")
        form.addRow(self.guide_label, self.guide)
        row(self.tr("Agenda topics"), self.topics)
        row(self.tr("Venue"), self.venue)
        self.new_venue = QWidget()
        nv = QFormLayout(self.new_venue)
        nv.setContentsMargins(0, 0, 0, 0)
        nv.addRow(self.tr("Venue name"), self.venue_name)
        nv.addRow("", self.errors["name"])
        nv.addRow(self.tr("Venue kind"), self.venue_kind)
        nv.addRow("", self.errors["venue_kind"])
        nv.addRow(self.tr("Province"), self.province)
        nv.addRow("", self.errors["province"])
        nv.addRow(self.tr("District"), self.district)
        nv.addRow("", self.errors["district"])
        form.addRow(self.new_venue)
        row(self.tr("Title"), self.title, "title")
        row(self.tr("Facilitators"), self.facilitators, "facilitators")
        times = QHBoxLayout()
        times.addWidget(self.date, 2)
        times.addWidget(self.start, 1)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end, 1)
        row(self.tr("Planned date and time"), times, "ended_at")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create session"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.create_session)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.venue.currentIndexChanged.connect(self._venue_changed)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self._kind_changed()
        self._venue_changed()
        self.setMinimumWidth(600)
        self.resize(660, 0)
        (self.title if self.venue.count() > 1 else self.venue_name).setFocus()

    def showEvent(self, event: Any) -> None:  # Qt name
        # Five whole rows, measured once polished: a half-shown Thai row looks like a glitch.
        rows = min(5, max(1, self.topics.count()))
        self.topics.setFixedHeight(self.topics.sizeHintForRow(0) * rows + 2 * self.topics.frameWidth())
        super().showEvent(event)

    # -- templates ----------------------------------------------------------------------------
    def _province_name(self, code: str) -> str:
        return next((p.label(self._lang) for p in all_provinces() if p.code == code), code)

    def _kind_changed(self) -> None:
        kind = e.SessionKind(self.kind.currentData())
        self._duration = TEMPLATES[kind].minutes
        self._keep_duration()
        templates = self._guide_templates() if kind == e.SessionKind.FOCUS_GROUP else []
        self.guide.clear()
        if templates:
            self.guide.addItem(self.tr("No guide yet"), None)
            for g in templates:
                self.guide.addItem(g.title, g.id)
        self.guide.setVisible(bool(templates))
        self.guide_label.setVisible(bool(templates))
        self._suggest_title()

    def _guide_templates(self) -> list[Any]:
        guides = getattr(self._services, "guides", None)  # the focus-group guide service, when present
        return list(guides.templates()) if guides is not None else []

    def _keep_duration(self) -> None:
        self.end.setTime(self.start.time().addSecs(self._duration * 60))

    def _venue_changed(self) -> None:
        self.new_venue.setVisible(self.venue.currentData() == NEW_VENUE)
        self._suggest_title()

    def _title_edited(self, text: str) -> None:
        self._title_touched = bool(text)

    def _suggest_title(self) -> None:
        if self._title_touched:
            return
        tpl = TEMPLATES[e.SessionKind(self.kind.currentData())]
        topics = [self.topics.item(i).text() for i in range(self.topics.count())
                  if self.topics.item(i).checkState() == Qt.CheckState.Checked]
        if self.venue.currentData() == NEW_VENUE:
            place = self.venue_name.text().strip()
        else:
            place = self.venue.currentText().split(" (")[0]
        pattern = tpl.title_th if self._lang == "th" else tpl.title_en
        title = pattern.format(topic=topics[0] if topics else "", place=place)
        self.title.setText(" ".join(title.replace(": ,", ":").strip(" ,:").split()))

    # -- creating -----------------------------------------------------------------------------
    def data(self) -> SessionInput:
        topic_ids = [self.topics.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.topics.count())
                     if self.topics.item(i).checkState() == Qt.CheckState.Checked]
        day = py_date(self.date.date())
        start = datetime.combine(day, py_time(self.start.time()), BANGKOK)
        end = datetime.combine(day, py_time(self.end.time()), BANGKOK)
        venue_id, venue = None, None
        if self.venue.currentData() == NEW_VENUE:
            province = self.province.currentData() if self.province.currentText() == self.province.itemText(
                self.province.currentIndex()) else self.province.currentText()
            venue = VenueInput(self.venue_name.text(), self.venue_kind.currentData(), province or "",
                               self.district.text())
        else:
            venue_id = self.venue.currentData()
        return SessionInput(title=self.title.text(), kind=self.kind.currentData(), venue_id=venue_id, venue=venue,
                            topic_ids=topic_ids, facilitators=self.facilitators.text(),
                            planned_start=start, planned_end=end)

    def create_session(self) -> None:  # not create(): that is QWidget's, for native windows
        for label in self.errors.values():
            label.hide()
        data = self.data()
        try:
            data.validated()
        except ValidationError as exc:
            self.show_field_error(exc)
            return
        guide_id = self.guide.currentData() if self.guide.isVisible() else None
        self.ok_button.setEnabled(False)
        services = self._services

        def create() -> str:
            detail = services.sessions.create(data)
            if guide_id:
                services.guides.apply_template(detail.id, guide_id)
            return detail.id
        self._tasks.run(create, self._created, self._failed)

    def _created(self, session_id: str) -> None:
        self.session_id = session_id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_field_error(exc)
        else:
            show_error(self, exc, self._lang)

    def show_field_error(self, exc: ValidationError) -> None:
        label = self.errors.get(exc.field) or self.errors["title"]
        label.setText(error_text(exc, self._lang))
        label.show()
        target = {"title": self.title, "name": self.venue_name, "province": self.province, "district": self.district,
                  "facilitators": self.facilitators, "ended_at": self.end}.get(exc.field)
        if target is not None:
            target.setFocus()


def run_new_session_dialog(services: Services, tasks: TaskRunner, lang: str, parent: QWidget | None) -> str | None:
    """``new_session`` for the main window: the id of the session set up, or None if cancelled."""
    dlg = NewSessionDialog(services, tasks, lang, parent=parent)
    dlg.exec()
    return dlg.session_id

