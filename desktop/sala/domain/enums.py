"""Closed vocabularies of the domain, each value with a Thai and an English label."""

from __future__ import annotations

from enum import StrEnum


class Labelled(StrEnum):
    """A string enum whose members carry a Thai and an English label."""

    def label(self, lang: str = "th") -> str:
        th, en = _LABELS[type(self).__name__][self.value]
        return th if lang == "th" else en

    @classmethod
    def parse(cls, value: object, field: str | None = None):
        """Return the member for ``value`` or raise a bilingual ValidationError."""
        from sala.domain.errors import ValidationError

        if isinstance(value, cls):
            return value
        try:
            return cls(str(value))
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            raise ValidationError(
                field or cls.__name__,
                f"ค่า “{value}” ไม่ถูกต้อง ต้องเป็นหนึ่งใน: {allowed}",
                f"“{value}” is not a valid value; expected one of: {allowed}",
            ) from None


class SessionKind(Labelled):
    MINITALK = "minitalk"
    FOCUS_GROUP = "focus_group"
    EXHIBITION = "exhibition"


class SessionStatus(Labelled):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    FINALIZED = "finalized"


class ContributionType(Labelled):
    OPINION = "opinion"
    CONCERN = "concern"
    IDEA = "idea"
    QUESTION = "question"
    COMPLAINT = "complaint"
    PRAISE = "praise"


class Stance(Labelled):
    SUPPORT = "support"
    OPPOSE = "oppose"
    NEUTRAL = "neutral"


class AgeBand(Labelled):
    UNDER_18 = "under_18"
    A18_24 = "18_24"
    A25_34 = "25_34"
    A35_44 = "35_44"
    A45_59 = "45_59"
    A60_PLUS = "60_plus"
    NOT_STATED = "not_stated"


class Gender(Labelled):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    NOT_STATED = "not_stated"


class Occupation(Labelled):
    STUDENT = "student"
    FARMER = "farmer"
    EMPLOYEE = "employee"
    CIVIL_SERVANT = "civil_servant"
    BUSINESS = "business"
    SELF_EMPLOYED = "self_employed"
    UNEMPLOYED = "unemployed"
    RETIRED = "retired"
    OTHER = "other"
    NOT_STATED = "not_stated"


class ConsentKind(Labelled):
    NONE = "none"
    VERBAL = "verbal"
    WRITTEN = "written"
    DECLINED = "declined"


class VenueKind(Labelled):
    G_SERVICE = "g_service"
    SCHOOL = "school"
    LIBRARY = "library"
    COMMUNITY_HALL = "community_hall"
    EXHIBITION = "exhibition"
    OTHER = "other"


_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "SessionKind": {
        "minitalk": ("มินิทอล์ก", "Minitalk"),
        "focus_group": ("สนทนากลุ่ม", "Focus group"),
        "exhibition": ("นิทรรศการ", "Exhibition feedback"),
    },
    "SessionStatus": {
        "draft": ("ร่าง", "Draft"),
        "open": ("กำลังดำเนินการ", "Open"),
        "closed": ("ปิดแล้ว", "Closed"),
        "finalized": ("ยืนยันแล้ว", "Finalized"),
    },
    "ContributionType": {
        "opinion": ("ความคิดเห็น", "Opinion"),
        "concern": ("ข้อกังวล", "Concern"),
        "idea": ("ข้อเสนอ", "Idea / proposal"),
        "question": ("คำถาม", "Question"),
        "complaint": ("ข้อร้องเรียน", "Complaint"),
        "praise": ("คำชื่นชม", "Praise"),
    },
    "Stance": {
        "support": ("เห็นด้วย", "Support"),
        "oppose": ("ไม่เห็นด้วย", "Oppose"),
        "neutral": ("เป็นกลาง", "Neutral"),
    },
    "AgeBand": {
        "under_18": ("ต่ำกว่า 18 ปี", "Under 18"),
        "18_24": ("18–24 ปี", "18–24"),
        "25_34": ("25–34 ปี", "25–34"),
        "35_44": ("35–44 ปี", "35–44"),
        "45_59": ("45–59 ปี", "45–59"),
        "60_plus": ("60 ปีขึ้นไป", "60 and over"),
        "not_stated": ("ไม่ระบุ", "Not stated"),
    },
    "Gender": {
        "female": ("หญิง", "Female"),
        "male": ("ชาย", "Male"),
        "other": ("เพศอื่น ๆ", "Other"),
        "not_stated": ("ไม่ระบุ", "Not stated"),
    },
    "Occupation": {
        "student": ("นักเรียน/นักศึกษา", "Student"),
        "farmer": ("เกษตรกร", "Farmer"),
        "employee": ("พนักงานบริษัท/ลูกจ้าง", "Employee"),
        "civil_servant": ("ข้าราชการ/พนักงานรัฐ", "Civil servant"),
        "business": ("ค้าขาย/ธุรกิจส่วนตัว", "Business owner / trader"),
        "self_employed": ("อาชีพอิสระ", "Self-employed"),
        "unemployed": ("ว่างงาน", "Unemployed"),
        "retired": ("เกษียณ", "Retired"),
        "other": ("อื่น ๆ", "Other"),
        "not_stated": ("ไม่ระบุ", "Not stated"),
    },
    "ConsentKind": {
        "none": ("ยังไม่ได้ขอ", "Not asked"),
        "verbal": ("ยินยอมด้วยวาจา", "Verbal"),
        "written": ("ยินยอมเป็นลายลักษณ์อักษร", "Written"),
        "declined": ("ไม่ยินยอม", "Declined"),
    },
    "VenueKind": {
        "g_service": ("จุดบริการ G-Service", "G-Service point"),
        "school": ("โรงเรียน", "School"),
        "library": ("ห้องสมุด", "Library"),
        "community_hall": ("ศาลาประชาคม/หอประชุมชุมชน", "Community hall"),
        "exhibition": ("นิทรรศการ", "Exhibition"),
        "other": ("อื่น ๆ", "Other"),
    },
}
