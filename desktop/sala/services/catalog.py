"""Agenda topics and venues on this device (pulled from the central catalogue when online)."""

from __future__ import annotations

from sqlalchemy import select

from sala.domain import enums as e
from sala.storage.database import Database
from sala.storage.models import Topic, Venue

DEFAULT_TOPICS: tuple[tuple[str, str, str], ...] = (
    ("pm25", "ปัญหาฝุ่นละออง PM2.5 และหมอกควัน", "PM2.5 dust and haze"),
    ("climate", "การเปลี่ยนแปลงสภาพภูมิอากาศ", "Climate change"),
    ("bcg", "เศรษฐกิจ BCG (ชีวภาพ หมุนเวียน สีเขียว)", "BCG economy (bio, circular, green)"),
    ("budget", "งบประมาณแบบมีส่วนร่วม", "Participatory budgeting"),
    ("waste", "การจัดการขยะและสิ่งแวดล้อม", "Waste and environment"),
    ("water", "น้ำท่วมและภัยแล้ง", "Floods and drought"),
    ("transport", "การคมนาคมและขนส่งสาธารณะ", "Transport and public transit"),
    ("health", "สาธารณสุขและบริการสุขภาพ", "Public health services"),
    ("education", "การศึกษาและการเรียนรู้ตลอดชีวิต", "Education and lifelong learning"),
    ("ageing", "สังคมผู้สูงอายุ", "Ageing society"),
    ("digital", "บริการภาครัฐดิจิทัล", "Digital government services"),
    ("tourism", "การท่องเที่ยวโดยชุมชน", "Community-based tourism"),
)


class CatalogService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def ensure_defaults(self) -> int:
        """Add the standard agenda topics that are missing; returns how many were added."""
        with self._db.write() as s:
            have = set(s.scalars(select(Topic.code)))
            added = 0
            for code, th, en in DEFAULT_TOPICS:
                if code not in have:
                    s.add(Topic(code=code, name_th=th, name_en=en, active=True))
                    added += 1
            return added

    def topics(self) -> list[Topic]:
        with self._db.read() as s:
            return list(s.scalars(select(Topic).order_by(Topic.code)))

    def upsert_topic(self, code: str, name_th: str, name_en: str, active: bool = True) -> Topic:
        with self._db.write() as s:
            t = s.scalars(select(Topic).where(Topic.code == code)).first() or Topic(code=code)
            t.name_th, t.name_en, t.active = name_th, name_en, active
            s.add(t)
            return t

    def add_venue(self, name: str, kind: e.VenueKind, province_code: str, district: str = "") -> Venue:
        with self._db.write() as s:
            v = Venue(name=name, kind=kind, province_code=province_code, district=district)
            s.add(v)
            return v
