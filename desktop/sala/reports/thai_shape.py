"""Turning reportlab "frag words" into shaped, Thai-segmented, extractable frag words.

reportlab's Paragraph lays out a list of *frag words*: ``[width, (frag, text), (frag, text)…]``
where each ``frag`` carries the style (font, size, colour) and the list's class says whether a
space follows (``_HSFrag``) or not (plain ``list``). A line may end between any two frag words,
and frag words not followed by a space are drawn touching. That is exactly the seam we need:

1. :func:`segment` cuts each frag word at Thai word boundaries (:mod:`sala.reports.thai_break`)
   into several frag words that touch. Line breaks then fall only between words.
2. :func:`shape` runs HarfBuzz (through reportlab's own ``shapeStr``) on every part and
   re-codes each glyph with :meth:`ExtractableTTFont.code_for` so it copies out as its text.
   Each part is shaped with its own font, so a word that changes weight mid-way stays correct.
   The result is marked as a ``ShapedFragWord`` so reportlab does not shape it a second time.
3. :func:`split_overlong` cuts a word wider than the line at cluster boundaries only.

:func:`segment_and_shape` is steps 1 and 2 at once, memoised per chunk of text (what
``ThaiParagraph`` uses); :func:`clear_caches` forgets every memo.

Relies on these reportlab internals (stable since 3.x, covered by tests): the frag-word list
shape, ``_HSFrag``, ``ShapedStr`` / ``ShapeData`` / ``makeShapedFragWord`` / ``shapeStr``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedFragWord, ShapedStr, makeShapedFragWord, shapeStr
from reportlab.platypus.paragraph import _HSFrag

from sala.reports.thai_break import ZWSP, cluster_bounds, word_pieces
from sala.reports.thai_tounicode import ExtractableTTFont

FragWord = list[Any]  # [width, (frag, text), ...]


def _width(text: str, frag: Any) -> float:
    shape_data = getattr(text, "__shapeData__", None)
    if shape_data is not None:
        return sum(sd.x_advance for sd in shape_data) * frag.fontSize / 1000.0
    return pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)


def _is_plain(word: FragWord) -> bool:
    """A frag word of ordinary text we may cut up (no images, anchors, soft hyphens, splits)."""
    return type(word) in (list, _HSFrag) and all(not hasattr(f, "cbDefn") and isinstance(t, str)
                                                 for f, t in word[1:])


def segment(words: list[FragWord]) -> list[FragWord]:
    """Cut every plain frag word at Thai word boundaries; the pieces are drawn touching."""
    out: list[FragWord] = []
    for word in words:
        if not _is_plain(word):
            out.append(word)
            continue
        text = "".join(t for _, t in word[1:])
        pieces = word_pieces(text)
        if len(pieces) == 1 and ZWSP not in text:
            out.append(word)
        elif pieces:  # (a chunk of nothing but ZWSP disappears)
            clean = [(f, t.replace(ZWSP, "")) for f, t in word[1:]]
            out.extend(_cut(word, clean, [0, *accumulate(len(p) for p in pieces)]))
    return out


def _cut(word: FragWord, parts: list[tuple[Any, str]], cuts: list[int]) -> list[FragWord]:
    """Split the (frag, text) ``parts`` at character offsets ``cuts`` into touching frag words."""
    result: list[FragWord] = []
    pos = 0
    current: list[tuple[Any, str]] = []
    bounds = iter(cuts[1:])
    end = next(bounds)
    for frag, text in parts:
        while text:
            take = min(len(text), end - pos)
            if take:
                current.append((frag, text[:take]))
                text, pos = text[take:], pos + take
            if pos == end:
                result.append([sum(_width(t, f) for f, t in current), *current])
                current = []
                end = next(bounds, 1 << 62)
    if current:
        result.append([sum(_width(t, f) for f, t in current), *current])
    last = type(word)(result[-1])
    return [*result[:-1], last]


def _shape_text(text: str, font_name: str, font_size: float) -> str:
    """``text`` shaped by HarfBuzz, with every glyph coded to copy out as what it came from."""
    font = pdfmetrics.getFont(font_name)
    if not getattr(font, "shapable", False):
        return text
    return _shape_cached(text, font, font_size)


@lru_cache(maxsize=32768)
def _shape_cached(text: str, font: Any, font_size: float) -> str:
    # keyed on the font object, not its name: private codes belong to one font instance
    font_name = font.fontName
    shaped = shapeStr(text, font_name, font_size, force=True)
    data = getattr(shaped, "__shapeData__", None)
    if data is None or not isinstance(font, ExtractableTTFont):
        return shaped
    clusters = [sd.cluster for sd in data]
    if any(b < a for a, b in pairwise(clusters)):
        return shaped  # not monotone (right-to-left); leave reportlab's codes alone
    chars: list[str] = []
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and clusters[j] == clusters[i]:
            j += 1
        end = clusters[j] if j < len(data) else len(text)
        for k, piece in enumerate(_share(text[clusters[i]:end], j - i)):
            glyph_char = shaped[i + k]
            if piece == glyph_char:
                chars.append(glyph_char)
            else:
                chars.append(font.code_for(font.glyph_of(glyph_char), piece, data[i + k].width))
        i = j
    return ShapedStr("".join(chars), shapeData=list(data))


def _share(text: str, glyphs: int) -> list[str]:
    """Share a cluster's text out over its glyphs, in order.

    One character per glyph, the last glyph taking any remainder (ligatures: ฤๅ, fi). When
    there are more glyphs than characters (SARA AM became NIKHAHIT + SARA AA) the *first*
    glyphs copy out as nothing, so the text lands on the last glyph, the one with the advance
    width; extractors that look at positions then see no gap after it.
    """
    if glyphs <= len(text):
        return [*text[:glyphs - 1], text[glyphs - 1:]]
    return [""] * (glyphs - len(text)) + list(text)


def segment_and_shape(words: list[FragWord]) -> list[FragWord]:
    """``shape(segment(words))``, with the common case taken in one step.

    A frag word of one run of text in one shapable font (nearly every word of a report) is cut
    and shaped from a memo of its whole chunk: report text repeats (the same comment quoted in
    a table and a paragraph, topic names, stances), and the widths of the unshaped pieces, which
    :func:`segment` works out only for :func:`shape` to replace, are never computed. Anything
    else (markup that changes font mid-word, images, empty text) takes the two-step path.
    """
    out: list[FragWord] = []
    for word in words:
        if type(word) in (list, _HSFrag) and len(word) == 2:
            frag, text = word[1]
            if text and isinstance(text, str) and not hasattr(frag, "cbDefn"):
                font = pdfmetrics.getFont(frag.fontName)
                if getattr(font, "shapable", False):
                    plan = _word_plan(text, font, frag.fontSize)
                    if plan:
                        out.extend(ShapedFragWord([width, (frag, piece)]) for piece, width in plan[:-1])
                        piece, width = plan[-1]
                        out.append(makeShapedFragWord(word)([width, (frag, piece)]))
                    continue
        out.extend(shape(segment([word])))
    return out


@lru_cache(maxsize=16384)
def _word_plan(text: str, font: Any, font_size: float) -> tuple[tuple[str, float], ...]:
    """The pieces ``text`` is cut into (:func:`word_pieces`), each shaped, with its width."""
    plan = []
    for piece in word_pieces(text):
        shaped = _shape_cached(piece, font, font_size)
        data = getattr(shaped, "__shapeData__", None)
        if data is not None:
            width = sum(sd.x_advance for sd in data) * font_size / 1000.0
        else:
            width = pdfmetrics.stringWidth(shaped, font.fontName, font_size)
        plan.append((shaped, width))
    return tuple(plan)


def shape(words: list[FragWord]) -> list[FragWord]:
    """Shape every plain frag word (see module doc); other frag words pass through untouched."""
    out: list[FragWord] = []
    for word in words:
        if isinstance(word, ShapedFragWord) or not _is_plain(word) or len(word) < 2:
            out.append(word)
            continue
        parts = [(f, _shape_text(t, f.fontName, f.fontSize) if t else t) for f, t in word[1:]]
        out.append(makeShapedFragWord(word)([sum(_width(t, f) for f, t in parts), *parts]))
    return out


def split_overlong(words: list[FragWord], limit: float) -> list[FragWord]:
    """Cut any frag word wider than ``limit`` into touching pieces at cluster boundaries, each
    piece as long as fits; short words are returned as they are."""
    out: list[FragWord] = []
    for word in words:
        if word[0] <= limit or len(word) != 2 or not isinstance(word[1][1], str):
            out.append(word)
            continue
        frag, text = word[1]
        out.extend(_split_one(word, frag, text, limit))
    return out


def _split_one(word: FragWord, frag: Any, text: str, limit: float) -> list[FragWord]:
    data = getattr(text, "__shapeData__", None)
    if data is not None:
        # A cut before glyph k is allowed when k starts a new cluster whose character offset is a
        # cluster boundary of the source text (so marks stay with their base letter).
        offsets = [sd.cluster for sd in data]
        allowed = set(cluster_bounds(_source_text(frag, text)))
        bounds = [k for k in range(1, len(data)) if offsets[k] != offsets[k - 1] and offsets[k] in allowed]
    else:
        bounds = cluster_bounds(text)
    bounds.append(len(text))
    pieces: list[str] = []
    start = 0
    while start < len(text):
        ahead = [b for b in bounds if b > start]
        end = ahead[0]  # taken even if alone too wide: a cluster cannot be cut further
        for b in ahead[1:]:
            if _width(text[start:b], frag) > limit:
                break
            end = b
        pieces.append(text[start:end])
        start = end
    klass = makeShapedFragWord([]) if data is not None else list
    result: list[FragWord] = [klass([_width(p, frag), (frag, p)]) for p in pieces[:-1]]
    result.append(type(word)([_width(pieces[-1], frag), (frag, pieces[-1])]))
    return result


def _source_text(frag: Any, shaped: str) -> str:
    """Recover the text a shaped string was made from (to find its cluster boundaries)."""
    font = pdfmetrics.getFont(frag.fontName)
    text_of_string = getattr(font, "text_of_string", None)
    return str(shaped) if text_of_string is None else text_of_string(shaped)


def clear_caches() -> None:
    """Forget memoised segmentations and shapings (for benchmarks; never needed for correctness)."""
    from sala.reports.thai_break import _pieces

    _shape_cached.cache_clear()
    _word_plan.cache_clear()
    _pieces.cache_clear()
