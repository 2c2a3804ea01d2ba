"""Figures for the period report, aggregated by SQLite rather than by loading rows. No Qt.

Every count is a ``GROUP BY`` over the sessions a :class:`ReportFilter` selects (a subquery, so
250,000 contributions never cross into Python). Recurring words are the exception — Thai words
need PyThaiNLP's segmenter — so SQL first folds identical texts together (``GROUP BY text``),
then each distinct text is segmented once and weighted by how many contributions said it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sala.domain import enums as e
from sala.domain.provinces import find_province
from sala.domain.thaidate import MONTHS_EN, MONTHS_TH_ABBR, be_year, fiscal_year_bounds
from sala.domain.thaitext import has_thai
from sala.reports.filters import ReportFilter
from sala.storage.database import Database
from sala.storage.models import Contribution, Participant, Rating, Session, Topic

Counts = list[tuple[str, int]]
# The head count as recorded (an amendment to a finalized session's count is not folded in here).
_ATTENDANCE = Session.attendance_total
THEME_WORDS = 20
THEME_MIN_CONTRIBUTIONS = 3  # a word is a theme only when this many contributions use it
TEXT_CHUNK = 2000


@dataclass
class SessionBrief:
    day: date
    title: str
    kind_label: str
    province: str
    status_label: str
    participants: int  # registered with a code
    contributions: int
    ratings: int
    attendance: int | None = None  # head count, when the session recorded one


@dataclass
class PeriodData:
    lang: str
    flt: ReportFilter
    sessions: int = 0
    participants: int = 0  # registered with a code (minitalks, focus groups)
    attendance: int | None = None  # sum of recorded head counts; None when none was recorded
    attendance_sessions: int = 0  # how many sessions recorded one
    visitors: int = 0
    contributions: int = 0
    rating_average: float | None = None
    by_kind: Counts = field(default_factory=list)
    by_month: Counts = field(default_factory=list)
    by_province: Counts = field(default_factory=list)
    age_bands: Counts = field(default_factory=list)
    genders: Counts = field(default_factory=list)
    by_type: Counts = field(default_factory=list)
    by_stance: Counts = field(default_factory=list)
    by_topic: Counts = field(default_factory=list)
    stance_by_topic: list[tuple[str, int, int, int, int]] = field(default_factory=list)
    words: Counts = field(default_factory=list)  # recurring dictionary words, by contributions using them
    tags: Counts = field(default_factory=list)
    briefs: list[SessionBrief] = field(default_factory=list)


def _labelled(rows: Iterable[tuple[object, int]], members: list[e.Labelled], lang: str) -> Counts:
    got = {k: int(v) for k, v in rows}
    return [(m.label(lang), got.get(m, 0)) for m in members]


def load_period_data(db: Database, flt: ReportFilter, *, lang: str = "th",
                     progress: Callable[[float, str], None] | None = None) -> PeriodData:
    step = progress or (lambda _f, _m: None)
    d = PeriodData(lang, flt)
    ids = flt.session_ids().scalar_subquery()
    with db.read() as s:
        in_c = Contribution.session_id.in_(ids)
        in_p = Participant.session_id.in_(ids)
        d.sessions = s.scalar(select(func.count()).select_from(flt.apply(select(Session.id)).subquery())) or 0
        d.participants = s.scalar(select(func.count(Participant.id)).where(in_p)) or 0
        got = s.execute(flt.apply(select(func.sum(_ATTENDANCE), func.count(_ATTENDANCE)))).one()
        d.attendance, d.attendance_sessions = (int(got[0]), int(got[1])) if got[1] else (None, 0)
        d.visitors = s.scalar(select(func.count(Rating.id)).where(Rating.session_id.in_(ids))) or 0
        d.contributions = s.scalar(select(func.count(Contribution.id)).where(in_c)) or 0
        avg = s.scalar(select(func.avg(Rating.score)).where(Rating.session_id.in_(ids)))
        d.rating_average = float(avg) if avg is not None else None
        d.by_kind = _labelled(s.execute(flt.apply(select(Session.kind, func.count()).group_by(Session.kind))),
                              list(e.SessionKind), lang)
        d.by_month = _months(s, flt, lang)
        d.by_province = [(_province(code, lang), int(n)) for code, n in s.execute(
            flt.apply(select(Session.province_code, func.count()).group_by(Session.province_code)
                      .order_by(func.count().desc(), Session.province_code)))]
        d.age_bands = _labelled(s.execute(select(Participant.age_band, func.count()).where(in_p)
                                          .group_by(Participant.age_band)), list(e.AgeBand), lang)
        d.genders = _labelled(s.execute(select(Participant.gender, func.count()).where(in_p)
                                        .group_by(Participant.gender)), list(e.Gender), lang)
        d.by_type = _labelled(s.execute(select(Contribution.type, func.count()).where(in_c)
                                        .group_by(Contribution.type)), list(e.ContributionType), lang)
        stances = dict(s.execute(select(Contribution.stance, func.count()).where(in_c)
                                 .group_by(Contribution.stance)).all())
        d.by_stance = [(m.label(lang), int(stances.get(m, 0))) for m in e.Stance]
        d.by_stance.append(("ไม่ระบุ" if lang == "th" else "Not stated", int(stances.get(None, 0))))
        _topics(s, d, in_c)
        step(0.3, "themes")
        d.tags = [(str(tag), int(n)) for tag, n in s.execute(_tag_counts(in_c))]
        d.words = themes(_distinct_texts(s, in_c))
        step(0.6, "sessions")
        d.briefs = _briefs(s, flt, lang)
    return d


def _province(code: str, lang: str) -> str:
    p = find_province(code)
    return p.label(lang) if p else code


def _months(s: OrmSession, flt: ReportFilter, lang: str) -> Counts:
    month = func.strftime("%Y-%m", Session.session_date)
    got = {k: int(n) for k, n in s.execute(flt.apply(select(month, func.count()).group_by(month)))}
    if flt.fiscal_year:  # all twelve months of the fiscal year, October first, empty ones too
        first, _ = fiscal_year_bounds(flt.fiscal_year)
        keys = [f"{first.year + (first.month + i - 1) // 12}-{(first.month + i - 1) % 12 + 1:02d}" for i in range(12)]
    else:
        keys = sorted(got)
    out = []
    for key in keys:
        y, m = int(key[:4]), int(key[5:])
        label = f"{MONTHS_TH_ABBR[m - 1]} {be_year(y)}" if lang == "th" else f"{MONTHS_EN[m - 1][:3]} {y}"
        out.append((label, got.get(key, 0)))
    return out


def _topics(s: OrmSession, d: PeriodData, in_c) -> None:  # a SQL expression
    none = "ไม่ระบุประเด็น" if d.lang == "th" else "No topic"
    names = {t.id: t.label(d.lang) for t in s.scalars(select(Topic))}
    rows = s.execute(select(Contribution.topic_id, Contribution.stance, func.count()).where(in_c)
                     .group_by(Contribution.topic_id, Contribution.stance)).all()
    per: dict[str, list[int]] = {}
    order = [e.Stance.SUPPORT, e.Stance.OPPOSE, e.Stance.NEUTRAL, None]
    for topic_id, stance, n in rows:
        per.setdefault(names.get(topic_id, none) if topic_id else none, [0, 0, 0, 0])[order.index(stance)] += int(n)
    ranked = sorted(per.items(), key=lambda kv: (-sum(kv[1]), kv[0]))
    d.by_topic = [(name, sum(v)) for name, v in ranked]
    d.stance_by_topic = [(name, *v) for name, v in ranked]  # type: ignore[misc]


def _tag_counts(in_c):  # SQL expressions
    tag = func.json_each(Contribution.tags).table_valued("value").alias("tag")
    return (select(tag.c.value, func.count()).select_from(Contribution).join(tag, tag.c.value.isnot(None))
            .where(in_c).group_by(tag.c.value).order_by(func.count().desc(), tag.c.value).limit(THEME_WORDS))


def _distinct_texts(s: OrmSession, in_c) -> Iterable[tuple[str, int]]:
    stmt = select(Contribution.text, func.count()).where(in_c).group_by(Contribution.text)
    for row in s.execute(stmt.execution_options(yield_per=TEXT_CHUNK)):
        yield row[0], int(row[1])


# Words that carry no theme in consultation speech but are not in PyThaiNLP's list: sentence
# connectors and the speaker's own framing ("I think", "I propose").
EXTRA_STOPWORDS = frozenset({
    "ดังนั้น", "อย่างไรก็ตาม", "นอกจากนี้", "ผม", "ดิฉัน", "คิดว่า", "เห็นว่า", "ขอเสนอ", "อยากถาม", "อยากให้",
    "ครับ", "ค่ะ", "คะ", "นะ", "ปี", "ในฐานะ", "ฐานะ", "จากประสบการณ์", "ประสบการณ์", "อยาก", "ถาม", "ไหม",
    "หรือไม่", "เสนอ", "เรื่อง",
})


@cache
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords

    return frozenset(thai_stopwords()) | EXTRA_STOPWORDS


@cache
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _is_theme_word(token: str, stop: frozenset[str], words: frozenset[str]) -> bool:
    """A real word worth counting: in the Thai dictionary (or a Latin word such as BCG, PM2.5),
    longer than one letter, not a stopword, not a number."""
    t = token.strip()
    if len(t) < 2 or t in stop or t.casefold() in stop or not any(ch.isalpha() for ch in t):
        return False
    if has_thai(t):
        return t in words
    return sum(ch.isalpha() for ch in t) >= 2


def themes(texts: Iterable[tuple[str, int]], minimum: int = THEME_MIN_CONTRIBUTIONS) -> Counts:
    """Words that recur across contributions: (word, number of contributions using it), most first.

    ``texts`` are (text, how many contributions said exactly that). Each contribution counts a
    word once, however often it repeats it. Only dictionary words count (so no glued segments
    such as "ฐานะคนใน"), stopwords and single letters removed, and only words used by at least
    ``minimum`` contributions are kept; an empty list means there is nothing worth showing.
    """
    from sala.domain.thaitext import segment_keep

    stop, words = _stopwords(), _dictionary()
    counts: Counter[str] = Counter()
    for text, times in texts:
        for word in {tok.strip() for tok in segment_keep(text or "") if _is_theme_word(tok, stop, words)}:
            counts[word] += times
    return [(w, n) for w, n in counts.most_common(THEME_WORDS) if n >= minimum]


def _briefs(s: OrmSession, flt: ReportFilter, lang: str) -> list[SessionBrief]:
    def n(model, col):  # a correlated COUNT per session
        return select(func.count(model.id)).where(col == Session.id).correlate(Session).scalar_subquery()

    stmt = flt.apply(select(Session.session_date, Session.title, Session.kind, Session.province_code, Session.status,
                            n(Participant, Participant.session_id), n(Contribution, Contribution.session_id),
                            n(Rating, Rating.session_id), _ATTENDANCE)).order_by(Session.session_date, Session.title)
    return [SessionBrief(day, title, kind.label(lang), _province(code, lang), status.label(lang),
                         int(p), int(c), int(r), int(a) if a is not None else None)
            for day, title, kind, code, status, p, c, r, a in s.execute(stmt)]
