"""What a user asks for, as plain data, and its validation into clean values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sala.domain import clock
from sala.domain import enums as e
from sala.domain import validation as v
from sala.domain.clock import ensure_aware, to_local
from sala.domain.errors import ValidationError


@dataclass
class VenueInput:
    name: str
    kind: e.VenueKind | str
    province: str
    district: str = ""


@dataclass
class SessionInput:
    title: str
    kind: e.SessionKind | str
    province: str = ""
    district: str = ""
    venue_id: str | None = None
    venue: VenueInput | None = None
    topic_ids: list[str] = field(default_factory=list)
    facilitators: str = ""
    planned_start: datetime | None = None
    planned_end: datetime | None = None
    notes: str = ""

    def validated(self) -> SessionInput:
        """A cleaned copy, or a ValidationError naming the first bad field."""
        kind = e.SessionKind.parse(self.kind, "kind")
        start = ensure_aware(self.planned_start) if self.planned_start else None
        end = ensure_aware(self.planned_end) if self.planned_end else None
        v.time_range(start, end, "ended_at")
        venue = None
        if self.venue is not None:
            venue = VenueInput(
                v.required_text(self.venue.name, "name", v.TITLE_MAX),
                e.VenueKind.parse(self.venue.kind, "venue_kind"),
                v.province(self.venue.province, required=True).code,  # type: ignore[union-attr]
                v.optional_text(self.venue.district, "district", v.NAME_MAX),
            )
        province = v.province(self.province or (venue.province if venue else ""), required=self.venue_id is None)
        return SessionInput(
            title=v.required_text(self.title, "title", v.TITLE_MAX),
            kind=kind,
            province=province.code if province else "",
            district=v.optional_text(self.district or (venue.district if venue else ""), "district", v.NAME_MAX),
            venue_id=self.venue_id,
            venue=venue,
            topic_ids=list(dict.fromkeys(self.topic_ids)),
            facilitators=v.optional_text(self.facilitators, "facilitators", 400),
            planned_start=start,
            planned_end=end,
            notes=v.optional_text(self.notes, "notes", v.NOTES_MAX),
        )

    def session_date(self) -> date:
        return to_local(self.planned_start or clock.now()).date()  # a Thai date, not the laptop's zone's


@dataclass
class AttendanceInput:
    """A session's head count, apart from those who spoke; the groups are optional.

    ``age_band``/``gender``/``occupation`` map an enum value (or member) to a number of people;
    each group may add up to less than ``total`` (the rest are "not stated"), never more.
    ``total=None`` clears the head count.
    """

    total: int | str | None
    age_band: dict[str, int] = field(default_factory=dict)
    gender: dict[str, int] = field(default_factory=dict)
    occupation: dict[str, int] = field(default_factory=dict)

    def validated(self) -> AttendanceInput:
        total, detail = v.attendance(self.total, {"age_band": self.age_band, "gender": self.gender,
                                                  "occupation": self.occupation})
        detail = detail or {}
        return AttendanceInput(total, dict(detail.get("age_band", {})), dict(detail.get("gender", {})),
                               dict(detail.get("occupation", {})))

    def detail(self) -> dict[str, dict[str, int]] | None:
        """The stored JSON form: only the groups that hold a count, or None."""
        groups = {"age_band": self.age_band, "gender": self.gender, "occupation": self.occupation}
        return {k: dict(g) for k, g in groups.items() if g} or None

    @classmethod
    def from_stored(cls, total: int | None, detail: dict | None) -> AttendanceInput:
        detail = detail or {}
        return cls(total, dict(detail.get("age_band", {})), dict(detail.get("gender", {})),
                   dict(detail.get("occupation", {})))


@dataclass
class ContributionInput:
    type: e.ContributionType | str
    text: str
    stance: e.Stance | str | None = None
    tags: list[str] = field(default_factory=list)
    participant_code: str | None = None
    question_id: str | None = None
    topic_id: str | None = None

    def validated(self) -> ContributionInput:
        return ContributionInput(
            type=e.ContributionType.parse(self.type, "type"),
            text=v.required_text(self.text, "text", v.TEXT_MAX),
            stance=e.Stance.parse(self.stance, "stance") if self.stance else None,
            tags=v.tags(self.tags),
            participant_code=v.participant_code(self.participant_code),
            question_id=self.question_id,
            topic_id=self.topic_id,
        )


@dataclass
class ParticipantInput:
    code: str
    age_band: e.AgeBand | str = e.AgeBand.NOT_STATED
    gender: e.Gender | str = e.Gender.NOT_STATED
    occupation: e.Occupation | str = e.Occupation.NOT_STATED
    province: str = ""
    consent: e.ConsentKind | str = e.ConsentKind.NONE
    contact_name: str = ""
    phone: str = ""
    email: str = ""

    def validated(self) -> ParticipantInput:
        consent = e.ConsentKind.parse(self.consent, "consent")
        name = v.optional_text(self.contact_name, "contact_name", v.NAME_MAX)
        phone = v.phone(self.phone) or ""
        email = v.email(self.email) or ""
        if (name or phone or email) and consent not in (e.ConsentKind.VERBAL, e.ConsentKind.WRITTEN):
            raise ValidationError(
                "consent",
                "บันทึกข้อมูลติดต่อได้เฉพาะเมื่อผู้เข้าร่วมให้ความยินยอมแล้วเท่านั้น (พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล)",
                "Contact details can be recorded only with the participant's consent (PDPA)",
            )
        province = v.province(self.province)
        return ParticipantInput(
            code=v.participant_code(self.code, required=True) or "",
            age_band=e.AgeBand.parse(self.age_band, "age_band"),
            gender=e.Gender.parse(self.gender, "gender"),
            occupation=e.Occupation.parse(self.occupation, "occupation"),
            province=province.code if province else "",
            consent=consent,
            contact_name=name,
            phone=phone,
            email=email,
        )


# Read to each participant before they consent, and kept with their record. It must stay true
# of what Sala does (storage/contact_vault.py): contacts are encrypted on the laptop from the
# first keystroke (under a key in the OS key store, or a private file where there is none),
# apart from the opinions, and sealed for the platform alone at finalize, or, on a laptop that
# does not know the platform yet, as soon as it does.
CONSENT_PURPOSE_TH = (
    "ข้อมูลของท่านจะใช้เพื่อสรุปความคิดเห็นในเวทีรับฟังความคิดเห็นนี้และรายงานต่อหน่วยงานภาครัฐเท่านั้น "
    "ชื่อ หมายเลขโทรศัพท์ และอีเมลของท่านจะบันทึกเฉพาะเมื่อท่านยินยอม โดยเก็บแยกจากความคิดเห็นและเข้ารหัสไว้ในเครื่องนี้ "
    "เมื่อยืนยันผลเวทีแล้วจะถูกปิดผนึกให้เปิดอ่านได้เฉพาะระบบกลางเท่านั้น "
    "(หากเครื่องนี้ยังไม่เคยเชื่อมต่อระบบกลาง จะปิดผนึกทันทีที่เชื่อมต่อได้) "
    "และใช้เพื่อแจ้งผลการดำเนินการกลับไปยังท่านเท่านั้น ตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562"
)
CONSENT_PURPOSE_EN = (
    "Your input is used only to summarise this consultation and report it to government agencies. "
    "Your name, phone number and e-mail are recorded only if you agree; they are kept apart from your opinions, "
    "encrypted on this laptop, and once the session is finalized they are sealed so that only the central "
    "platform can open them (if this laptop has not yet been connected to the platform, as soon as it is). "
    "They are used only to tell you what came of it, under the PDPA B.E. 2562 (2019)."
)
