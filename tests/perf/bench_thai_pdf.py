"""Thai PDF engine: a 10-page A4 report of Thai paragraphs, against plain reportlab.

The baseline builds the same paragraphs with stock reportlab ``Paragraph`` (same font, no
shaping, no word segmentation, default canvas): what the report would cost if Thai did not
need care. Our figure clears the segmentation/shaping memo caches first, so it is what a first
report in a running app costs (the one-off PyThaiNLP dictionary load is reported separately).
"""

from __future__ import annotations

import io
import random
import time

PARAGRAPHS = 54  # ≈ 10 A4 pages at the default 14 pt body style

_SENTENCES = [
    "ปัญหาฝุ่นละอองขนาดเล็กในเมืองเกิดขึ้นทุกปีในช่วงฤดูแล้ง",
    "ชาวบ้านเผาป่าและเผาเศษวัสดุทางการเกษตรทำให้ผู้ใหญ่และเด็กที่มีโรคทางเดินหายใจต้องเข้าโรงพยาบาลบ่อยครั้งขึ้น",
    "เราอยากให้หน่วยงานของรัฐปั้นแผนที่ชัดเจนและน้ำใจจากทุกฝ่ายเพื่อแก้ปัญหานี้ร่วมกันอย่างยั่งยืน",
    "ที่ประชุมเห็นว่าควรใช้ข้อมูลเปิด Open Data จากกรมควบคุมมลพิษเพื่อวางแผนการเดินทางในแต่ละวัน",
    "ผู้เข้าร่วมเวทีส่วนใหญ่เป็นเกษตรกรและผู้สูงอายุที่อาศัยอยู่ในตำบลนี้มานานกว่าสามสิบปี",
    "เมื่อน้ำท่วมครั้งที่แล้วถนนเส้นหลักถูกตัดขาดเป็นเวลาหลายวันทำให้การส่งผู้ป่วยไปโรงพยาบาลล่าช้า",
    "ขอให้องค์การบริหารส่วนตำบลจัดหาหน้ากาก N95 และเครื่องฟอกอากาศให้โรงเรียนและศูนย์พัฒนาเด็กเล็ก",
    "ความคิดเห็นเรื่องการจัดการขยะแบ่งออกเป็นสองฝ่ายคือฝ่ายที่สนับสนุนโรงคัดแยกขยะและฝ่ายที่กังวลเรื่องกลิ่น",
    "ผู้ใหญ่บ้านเสนอให้ตั้งคณะกรรมการติดตามผลทุกสามเดือนและรายงานต่อที่ประชุมหมู่บ้าน",
    "ญี่ปุ่นเคยส่งผู้เชี่ยวชาญมาช่วยสำรวจแหล่งน้ำใต้ดินเมื่อปีงบประมาณ ๒๕๖๖",
]


def _paragraphs(seed: int = 2569) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(PARAGRAPHS):
        sentences = rng.sample(_SENTENCES, rng.randint(2, 5))
        # Thai separates sentences with a space; within a sentence there are none.
        out.append(" ".join(sentences))
    return out


def _build_thai(texts: list[str]) -> int:
    from sala.reports.thai_pdf import build_pdf, make_styles, thai_paragraph

    styles = make_styles("th")
    flowables = [thai_paragraph("สรุปความคิดเห็นจากเวทีรับฟัง", styles.title)]
    flowables += [thai_paragraph(t, styles.body_indent) for t in texts]
    return build_pdf(io.BytesIO(), flowables, title="bench")


def _build_plain(texts: list[str]) -> int:
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from sala.reports.thai_pdf import make_styles

    styles = make_styles("th")
    plain = {name: getattr(styles, name).clone(f"plain-{name}", shaping=0, splitLongWords=1)
             for name in ("title", "body_indent")}
    doc = SimpleDocTemplate(io.BytesIO())
    doc.build([Paragraph("สรุปความคิดเห็นจากเวทีรับฟัง", plain["title"])]
              + [Paragraph(t, plain["body_indent"]) for t in texts])
    return doc.page


def _best(fn, texts: list[str], repeat: int = 3, before=None) -> tuple[float, int]:
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        if before:
            before()
        t0 = time.perf_counter()
        pages = fn(texts)
        best = min(best, time.perf_counter() - t0)
    return best, pages


def run(report) -> None:
    from sala.reports.thai_shape import clear_caches

    texts = _paragraphs()
    t0 = time.perf_counter()
    from sala.domain.thaitext import warm_up

    warm_up()
    report.add("thai pdf: PyThaiNLP dictionary load (once per process)", (time.perf_counter() - t0) * 1000, "ms")

    plain_s, plain_pages = _best(_build_plain, texts)
    thai_s, pages = _best(_build_thai, texts, before=clear_caches)
    warm_s, _ = _best(_build_thai, texts)
    report.add(f"thai pdf: {pages}-page report, cold caches", thai_s * 1000, "ms", target="≤ 1500 ms",
               ok=thai_s <= 1.5, baseline=plain_s * 1000, baseline_name=f"plain reportlab ({plain_pages} p)",
               ratio_target="≤ 3×")
    report.add(f"thai pdf: {pages}-page report, warm caches", warm_s * 1000, "ms",
               baseline=plain_s * 1000, baseline_name="plain reportlab")
    print(f"   thai/plain ratio: cold {thai_s / plain_s:.2f}×, warm {warm_s / plain_s:.2f}×", flush=True)
