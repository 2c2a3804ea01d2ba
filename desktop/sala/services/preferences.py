"""The user's settings kept with the data: the agency and unit printed on reports, the default province.

Stored through :mod:`sala.storage.settings` (so a restored backup brings them back, and they are
never synced). They are read by the report builders (GUI and CLI) and the new-session dialog,
and written only by the settings screen, all in one transaction after every value is checked:
a refused value leaves every setting as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from sala.domain import validation as v
from sala.domain.errors import ValidationError
from sala.storage.database import Database
from sala.storage.settings import Setting

AGENCY = Setting("report.agency", str)
UNIT = Setting("report.unit", str)
DEFAULT_PROVINCE = Setting("session.default_province", str)
NAME_MAX = 200
"""An agency's or unit's name fits a report's header line."""


@dataclass(frozen=True)
class Preferences:
    agency: str = ""
    unit: str = ""
    default_province: str = ""
    """A province code ("LPG"), or "" for none."""


def _name(field: str, value: str, th: str, en: str) -> str:
    text = v.clean_text(value)
    if len(text) > NAME_MAX:
        raise ValidationError(field, f"{th}ยาวเกิน {NAME_MAX} ตัวอักษร (มี {len(text)})",
                              f"{en} is longer than {NAME_MAX} characters ({len(text)})")
    if "\n" in text or "\r" in text:
        raise ValidationError(field, f"{th}ต้องเป็นข้อความบรรทัดเดียว", f"{en} must be a single line")
    return text


def clean(prefs: Preferences) -> Preferences:
    """``prefs`` checked and normalised; raises ValidationError (Thai and English) naming the field."""
    province = v.province(prefs.default_province)
    return Preferences(agency=_name("agency", prefs.agency, "ชื่อหน่วยงาน", "The agency's name"),
                       unit=_name("unit", prefs.unit, "ชื่อส่วนงาน", "The unit's name"),
                       default_province=province.code if province else "")


class PreferencesService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self) -> Preferences:
        with self.db.read() as s:
            return Preferences(agency=AGENCY.get(s) or "", unit=UNIT.get(s) or "",
                               default_province=DEFAULT_PROVINCE.get(s) or "")

    def save(self, prefs: Preferences) -> Preferences:
        """Check every value, then store them all in one transaction; returns what was stored."""
        good = clean(prefs)
        with self.db.write() as s:
            AGENCY.put(s, good.agency or None)
            UNIT.put(s, good.unit or None)
            DEFAULT_PROVINCE.put(s, good.default_province or None)
        return good

    def report_header(self) -> tuple[str | None, str | None]:
        """(agency, unit) for a report's header; None where not set (nothing is printed)."""
        prefs = self.load()
        return prefs.agency or None, prefs.unit or None
