"""The presenter's Thai word cloud: every word whole (its marks on it), none on another, the most
said the biggest, and nothing drawn outside the words' boxes."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from sala.ui.audience.word_cloud import MAX_WORDS, WordCloud, layout_words

# Words with marks above and below (ไม้เอก, สระอุ, ไม้ไต่คู้, สระอำ): the ones glyph-by-glyph drawing breaks.
WORDS = [("ฝุ่นควัน", 30), ("เผา", 22), ("ไฟป่า", 18), ("สุขภาพ", 15), ("หน้ากาก", 12), ("น้ำ", 11),
         ("เด็ก", 9), ("ผู้สูงอายุ", 7), ("ข้าวโพด", 6), ("กฎหมาย", 4), ("PM2.5", 3), ("ฤดูแล้ง", 2), ("ปอด", 1)]


def test_words_fit_and_never_overlap(fonts):
    placed = layout_words(WORDS, QSize(900, 500))
    assert [p.word for p in placed] == [w for w, _c in WORDS]  # all fit, whole, as sent
    area = (0, 0, 900, 500)
    for i, a in enumerate(placed):
        assert a.box.left() >= area[0] and a.box.top() >= area[1]
        assert a.box.right() <= area[2] and a.box.bottom() <= area[3]
        for b in placed[i + 1:]:
            assert not a.box.intersects(b.box), (a.word, b.word)
    sizes = [p.point_size for p in placed]
    assert sizes == sorted(sizes, reverse=True)  # the most said is the biggest
    assert sizes[0] > 2 * sizes[-1]


def test_only_the_most_said_are_shown_and_the_rest_never_overlap(fonts):
    many = [(f"คำที่{i}", 100 - i) for i in range(MAX_WORDS + 30)]
    placed = layout_words(many, QSize(420, 260))
    assert 0 < len(placed) <= MAX_WORDS
    assert {p.word for p in placed} <= {w for w, _c in many[:MAX_WORDS]}
    for i, a in enumerate(placed):
        assert all(not a.box.intersects(b.box) for b in placed[i + 1:])


def test_nothing_is_drawn_outside_the_words(qtbot, fonts):
    """Ink only inside the words' boxes: no mark drawn apart from its letter, no glyph cut off."""
    cloud = WordCloud()
    qtbot.addWidget(cloud)
    cloud.resize(800, 450)
    cloud.set_words(WORDS)
    image = cloud.grab().toImage()
    placed = cloud.placed()
    assert len(placed) == len(WORDS)
    background = image.pixel(0, 0)
    inked = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if image.pixel(x, y) == background:
                continue
            inked += 1
            assert any(p.box.adjusted(-1, -1, 1, 1).contains(x, y) for p in placed), (x, y)
    assert inked > 1000
    # each word's box holds ink of that word's colour: it was drawn where it was laid out
    for p in placed:
        box = p.box.toRect()
        colours = {QColor(image.pixel(x, y)).name() for x in range(box.left(), box.right(), 2)
                   for y in range(box.top(), box.bottom(), 2)}
        assert p.colour in colours, p.word


def test_the_same_words_give_the_same_picture(fonts):
    a = layout_words(WORDS, QSize(700, 400))
    b = layout_words(list(reversed(WORDS)), QSize(700, 400))
    assert [(p.word, p.box) for p in a] == [(p.word, p.box) for p in b]


def test_no_words_yet_says_so(qtbot, fonts):
    cloud = WordCloud()
    qtbot.addWidget(cloud)
    cloud.resize(400, 200)
    cloud.empty_text = "คำที่ผู้เข้าร่วมส่งมาจะแสดงที่นี่"
    image = cloud.grab().toImage()
    assert cloud.placed() == []
    assert len({image.pixel(x, 100) for x in range(0, 400, 3)}) > 1  # the note is painted
