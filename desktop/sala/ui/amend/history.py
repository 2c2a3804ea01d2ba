"""The list of a finalized session's amendments: when, what kind of record, what changed, why."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget

from sala.domain import enums as e
from sala.domain.clock import to_local
from sala.domain.thaidate import format_date
from sala.domain.validation import FIELD_NAMES
from sala.services.amendments import AmendmentView
from sala.services.tallies import COUNT_FIELDS

# Amendable fields the shared validation names do not cover, as a reader would name them.
_LABELS: dict[str, tuple[str, str]] = {
    "type": ("ประเภท", "Type"), "stance": ("จุดยืน", "Stance"), "done": ("เสร็จแล้ว", "Done"),
    **COUNT_FIELDS,
}


class AmendmentsPanel(QListWidget):
    """Every amendment of the finalized session, oldest first, with its reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlternatingRowColors(True)

    def show_amendments(self, items: list[AmendmentView], lang: str) -> None:
        self.clear()
        targets = {"contribution": self.tr("Contribution"), "tally": self.tr("Show of hands"),
                   "action_item": self.tr("Action item"), "session": self.tr("Session"),
                   "observation": self.tr("Observation")}
        for a in items:
            changes = "\n".join(f"{field_label(k, lang)}: {value_label(k, v, lang)}" for k, v in a.changes.items())
            when = f"{format_date(a.created_at, lang, abbr=True)} {to_local(a.created_at):%H:%M}"
            self.addItem(f"{when} · {targets.get(a.target_type, a.target_type)}\n{changes}\n"
                         + self.tr("Reason: %1").replace("%1", a.reason))


def field_label(field: str, lang: str) -> str:
    th, en = _LABELS.get(field) or FIELD_NAMES.get(field, (field, field))
    return th if lang == "th" else en


def value_label(field: str, value: Any, lang: str) -> str:
    """An amended value as a person reads it (labels for enums, Thai dates, yes/no)."""
    if field == "type" and value:
        return e.ContributionType(value).label(lang)
    if field == "stance":
        return e.Stance(value).label(lang) if value else "—"
    if field == "done":
        return ("ใช่" if value else "ไม่") if lang == "th" else ("yes" if value else "no")
    if field == "due":
        return format_date(date.fromisoformat(str(value)), lang) if value else "—"
    return "—" if value in (None, "") else str(value)
