"""Test data for the report tests: one session of each kind with every section filled in.

The demo generator makes realistic bulk data but no contacts, observations, action items,
photos or amendments; :func:`rich_session` adds them (straight through the models, as a
synced-in record would arrive) so each section of the summary has something to print.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from sala.domain import enums as e
from sala.storage.database import Database
from sala.storage.models import (
    ActionItem,
    Amendment,
    Attachment,
    Contribution,
    Observation,
    Participant,
    ParticipantContact,
    Proposal,
    Rating,
    Session,
    Tally,
    Topic,
    Vote,
    session_topic,
)

# A resident's comment as typed on a tablet: several lines long, not one space in it.
LONG_COMMENT = (
    "ปัญหาฝุ่นละอองขนาดเล็กในเมืองเชียงใหม่เกิดขึ้นทุกปีในช่วงฤดูแล้งเมื่อชาวบ้านเผาป่าและเผาเศษวัสดุ"
    "ทางการเกษตรทำให้ผู้ใหญ่และเด็กที่มีโรคทางเดินหายใจต้องเข้าโรงพยาบาลบ่อยครั้งขึ้นเราอยากให้หน่วยงาน"
    "ของรัฐปั้นแผนที่ชัดเจนและน้ำใจจากทุกฝ่ายเพื่อแก้ปัญหานี้ร่วมกันอย่างยั่งยืนไม่ใช่แก้เฉพาะหน้าเมื่อ"
    "ฝุ่นมาแล้วก็หายไปครั้งแล้วครั้งเล่า"
)
MARKS_COMMENT = "เมื่อน้ำท่วมครั้งที่แล้วผู้ใหญ่บ้านปั้นคันดินกั้นน้ำเอง"
ORIGINAL_TALLY = "เห็นด้วยกับการตั้งจุดวัดฝุ่นหรือไม่"
CORRECTED_TEXT = "ขอให้ติดตั้งเครื่องวัดฝุ่นที่โรงเรียนทุกแห่งในตำบล"
CONSENTING = ("สมศรี มีสุข", "0812345678", "somsri@example.org")
NOT_CONSENTING = ("ประยุทธ ไม่ยอม", "0898765432", "nope@example.org")
SESSION_DAY = date(2026, 3, 14)  # 14 มีนาคม 2569, in fiscal year 2569


@dataclass
class Rich:
    session_id: str
    contribution_ids: list[str]
    photo_path: Path


def tiny_png(colour: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 40), colour).save(buf, "PNG")
    return buf.getvalue()


def rich_session(db: Database, attachments: Path, *, kind: e.SessionKind = e.SessionKind.MINITALK,
                 day: date = SESSION_DAY, province: str = "CMI", topic_code: str | None = None,
                 contributions: int = 6) -> Rich:
    """A finalized session with contributions, people (one consenting contact, one not),
    an observation, a tally, an action item, two photos (one missing) and amendments."""
    start = datetime(day.year, day.month, day.day, 2, 0, tzinfo=UTC)  # 09:00 in Bangkok
    with db.write() as s:
        topic = s.scalars(select(Topic).where(Topic.code == topic_code) if topic_code
                          else select(Topic).order_by(Topic.code)).first()
        x = Session(kind=kind, title="เวทีรับฟังความคิดเห็นเรื่องฝุ่นควัน", status=e.SessionStatus.FINALIZED,
                    province_code=province, district="เมืองเชียงใหม่", facilitators="วิภาวรรณ แสงทอง, ธนากร มั่นคง",
                    started_at=start, ended_at=start + timedelta(hours=2), finalized_at=start + timedelta(hours=3),
                    notes="", session_date=day)
        s.add(x)
        s.flush()
        s.execute(session_topic.insert().values(session_id=x.id, topic_id=topic.id))
        yes = Participant(session_id=x.id, code="P01", age_band=e.AgeBand.A25_34, gender=e.Gender.FEMALE,
                          occupation=e.Occupation.FARMER, consent=e.ConsentKind.WRITTEN, consent_at=start)
        no = Participant(session_id=x.id, code="P02", age_band=e.AgeBand.A60_PLUS, gender=e.Gender.MALE,
                         occupation=e.Occupation.RETIRED, consent=e.ConsentKind.DECLINED)
        s.add_all([yes, no])
        s.flush()
        s.add(ParticipantContact(participant_id=yes.id, name=CONSENTING[0], phone=CONSENTING[1], email=CONSENTING[2]))
        # Contact details left behind for a participant who declined: must never be printed.
        s.add(ParticipantContact(participant_id=no.id, name=NOT_CONSENTING[0], phone=NOT_CONSENTING[1],
                                 email=NOT_CONSENTING[2]))
        texts = [LONG_COMMENT, MARKS_COMMENT, "ขอให้ติดตั้งเครื่องวัดฝุ่นที่โรงเรียน"]
        ids = []
        for i in range(contributions):
            c = Contribution(session_id=x.id, type=list(e.ContributionType)[i % 6], text=texts[i % 3] if i < 3 else
                             f"ความคิดเห็นที่ {i + 1} เรื่องฝุ่นควันและการเผาในที่โล่ง",
                             stance=list(e.Stance)[i % 3], tags=[], participant_id=(yes, no)[i % 2].id,
                             topic_id=topic.id, recorded_at=start + timedelta(minutes=i))
            s.add(c)
            s.flush()
            ids.append(c.id)
        s.add(Observation(session_id=x.id, text="ผู้เข้าร่วมสูงอายุพูดน้อยเมื่อมีเจ้าหน้าที่รัฐอยู่ในวง",
                          recorded_at=start))
        tally = Tally(session_id=x.id, question=ORIGINAL_TALLY, count_for=21, count_against=4, count_abstain=2)
        s.add(tally)
        s.add(ActionItem(session_id=x.id, what="ส่งสรุปผลให้ที่ว่าการอำเภอ", who="ธนากร มั่นคง",
                         due=date(2026, 4, 30)))
        if kind == e.SessionKind.EXHIBITION:
            props = [Proposal(session_id=x.id, position=i, title=t)
                     for i, t in enumerate(("ติดตั้งเครื่องวัดฝุ่นทุกตำบล", "สวนสาธารณะริมน้ำ"))]
            s.add_all(props)
            s.flush()
            for i, score in enumerate((5, 5, 4, 3, 1)):
                r = Rating(session_id=x.id, score=score, comment="อยากให้ทำเร็ว ๆ" if i < 2 else "",
                           age_band=e.AgeBand.A18_24, recorded_at=start)
                s.add(r)
                s.flush()
                s.add(Vote(session_id=x.id, rating_id=r.id, proposal_id=props[i % 2].id))
        png = tiny_png()
        sha = hashlib.sha256(png).hexdigest()
        photo = attachments / sha[:2] / sha
        photo.parent.mkdir(parents=True, exist_ok=True)
        photo.write_bytes(png)
        s.add(Attachment(session_id=x.id, sha256=sha, media_type="image/png", size=len(png), filename="flipchart1.png",
                         caption="กระดาษฟลิปชาร์ตกลุ่มที่ 1"))
        s.add(Attachment(session_id=x.id, sha256="ab" * 32, media_type="image/jpeg", size=10,
                         filename="flipchart2.jpg", caption="กระดาษฟลิปชาร์ตกลุ่มที่ 2"))
        s.flush()
        s.add(Amendment(session_id=x.id, target_type="contribution", target_id=ids[2],
                        changes={"text": CORRECTED_TEXT}, reason="ผู้เสนอขอแก้ไขถ้อยคำ"))
        s.add(Amendment(session_id=x.id, target_type="tally", target_id=tally.id,
                        changes={"count_for": 23}, reason="นับคะแนนใหม่"))
        return Rich(x.id, ids, photo)


# -- reading a PDF back (poppler) ------------------------------------------------------------------
_WS_RE = __import__("re").compile(r"\s+")


def squash(text: str) -> str:
    """Text without white space (pdftotext puts spaces and line ends where the layout has gaps)."""
    return _WS_RE.sub("", text)


def pdftotext(pdf: Path, *args: str) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-enc", "UTF-8", *args, str(pdf), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def page_texts(pdf: Path) -> list[str]:
    """The -layout text of each page, first page first."""
    return [pdftotext(pdf, "-layout", "-f", str(p), "-l", str(p)) for p in range(1, page_count(pdf) + 1)]


def column_lines(pdf: Path, x0: float, x1: float) -> list[str]:
    """The text lines whose words start between ``x0`` and ``x1`` points from the left edge, page
    after page (from ``pdftotext -bbox``: each word's box, so a neighbouring column never bleeds in)."""
    import html
    import re

    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>')
    out: list[str] = []
    for page in pdftotext(pdf, "-bbox").split("<page ")[1:]:
        rows: dict[int, list[tuple[float, str]]] = {}
        for x, y, text in word.findall(page):
            if x0 <= float(x) < x1:
                rows.setdefault(round(float(y)), []).append((float(x), html.unescape(text)))
        out += [" ".join(t for _x, t in sorted(ws)) for _y, ws in sorted(rows.items())]
    return out


def find_lines(lines: list[str], original: str) -> list[str]:
    """The consecutive lines that, joined, are exactly ``original`` (ignoring spaces)."""
    flat = squash(original)
    for i in range(len(lines)):
        acc = ""
        for j in range(i, len(lines)):
            acc += squash(lines[j])
            if acc == flat:
                return lines[i:j + 1]
            if not flat.startswith(acc):
                break
    raise AssertionError(f"{original[:20]}… not found as whole lines in the PDF")


def word_bounds(original: str) -> set[int]:
    """Offsets in ``squash(original)`` where a line may end: the report engine's word boundaries."""
    from itertools import accumulate

    from sala.reports.thai_break import word_pieces

    pieces = [p for chunk in original.split() for p in word_pieces(chunk)]
    return set(accumulate(len(squash(p)) for p in pieces))


def lines_ending_inside_words(original: str, lines: list[str]) -> list[str]:
    """Each line (but the last) that ends inside a word, shown as ``…before|after…``."""
    from itertools import accumulate

    flat, bounds = squash(original), word_bounds(original)
    return [f"…{flat[max(off - 8, 0):off]}|{flat[off:off + 8]}…"
            for off, _line in zip(accumulate(len(squash(ln)) for ln in lines), lines[:-1], strict=False)
            if off not in bounds]
