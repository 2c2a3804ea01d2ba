"""Where Thai text may be broken: word boundaries for wrapping, cluster boundaries as a last resort.

Thai has no spaces between words, so a line may only end where PyThaiNLP's dictionary segmenter
(``newmm``, the same one :mod:`sala.domain.thaitext` uses) puts a word boundary. A zero-width
space (U+200B) already present in the input is honoured as an extra boundary and then dropped:
Sarabun has no glyph for it, so it would otherwise print as a box and leak into copied text.

When one "word" is wider than a whole line (a URL, a run of letters with no dictionary match)
it still has to be cut somewhere; :func:`cluster_bounds` gives the places where a cut never
separates a base letter from the marks stacked on it, nor a leading vowel (เ แ โ ใ ไ) from the
consonant it is written before.

Two repairs on top of the segmenter's output keep what a reader sees as one unit on one line:
a dotted Thai abbreviation (รพ.สต., ก.พ.ร., อบต., ม.ค., ต., อ., จ.) is one piece even where newmm
cuts it into several, and closing punctuation or MAI YAMOK (ๆ) never starts a line (opening
brackets and quotes never end one).

Segmenting costs time (the dictionary loads once, ~0.7 s), so results are memoised per chunk:
report text repeats a lot (topic names, stances, table headers).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

from sala.domain.thaitext import has_thai

ZWSP = "\u200b"

# One to three Thai letters and a dot, once or more: รพ.สต. ก.พ.ร. อบต. ม.ค. จ.
_ABBR = re.compile(r"(?:[\u0e01-\u0e4e]{1,3}\.)+")
_ABBR_PREFIX = re.compile(r"(?:[\u0e01-\u0e4e]{1,3}\.)*[\u0e01-\u0e4e]{0,3}")
_ABBR_MAX_PIECES = 10
_CLOSING = frozenset(".,;:!?)]}\u201d\u2019\"'%\u0e46\u0e2f\u2026")  # ๆ ฯ …
_OPENING = frozenset("([{\u201c\u2018")

_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
# Characters that must stay with what precedes them although Unicode does not call them marks:
# SARA AM (a spacing vowel that shapes into NIKHAHIT + SARA AA), LAKKHANGYAO (ฤๅ ฦๅ), joiners.
_STICKY = frozenset("\u0e33\u0e45\u200c\u200d")


def word_pieces(chunk: str) -> tuple[str, ...]:
    """Split a run of text that contains no white space into the pieces a line may end between.

    Thai runs are segmented into dictionary words; other text is returned whole (Latin words
    already end at spaces). ZWSP characters are removed and always count as a boundary.
    ``"".join(word_pieces(s)) == s.replace(ZWSP, "")``.
    """
    if ZWSP in chunk:
        out: list[str] = []
        for part in chunk.split(ZWSP):
            if part:
                out.extend(_pieces(part))
        return tuple(out)
    return _pieces(chunk)


@lru_cache(maxsize=16384)
def _pieces(chunk: str) -> tuple[str, ...]:
    if not has_thai(chunk):
        return (chunk,)
    from pythainlp.tokenize import word_tokenize

    return _glue(_join_abbreviations([w for w in word_tokenize(chunk, engine="newmm", keep_whitespace=True) if w]))


def _join_abbreviations(pieces: list[str]) -> list[str]:
    """Merge runs of pieces that together spell a dotted abbreviation (the longest such run)."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        best, acc = i + 1, ""
        for j in range(i, min(len(pieces), i + _ABBR_MAX_PIECES)):
            acc += pieces[j]
            if not _ABBR_PREFIX.fullmatch(acc):
                break
            if _ABBR.fullmatch(acc):
                best = j + 1
        out.append("".join(pieces[i:best]))
        i = best
    return out


def _glue(pieces: list[str]) -> tuple[str, ...]:
    """Closing punctuation sticks to the piece before it, opening punctuation to the one after."""
    out: list[str] = []
    carry = ""
    for piece in pieces:
        if out and not carry and all(ch in _CLOSING for ch in piece):
            out[-1] += piece
        elif all(ch in _OPENING for ch in piece):
            carry += piece
        else:
            out.append(carry + piece)
            carry = ""
    if carry:
        out.append(carry)
    return tuple(out)


def _joins_previous(prev: str, ch: str) -> bool:
    """True when no break is allowed between ``prev`` and ``ch``."""
    if prev in _LEADING_VOWELS:
        return True
    if ch in _STICKY:
        return True
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def cluster_bounds(text: str) -> list[int]:
    """Offsets (excluding 0 and ``len(text)``) where ``text`` may be cut as a last resort.

    A cut never falls before a combining mark (tone marks, upper/lower vowels, THANTHAKHAT),
    before SARA AM, or right after a leading vowel; so every piece starts with a base letter
    (or a leading vowel) and carries all of its marks.
    """
    return [i for i in range(1, len(text)) if not _joins_previous(text[i - 1], text[i])]


def clusters(text: str) -> list[str]:
    """``text`` cut at every :func:`cluster_bounds` offset."""
    cuts = [0, *cluster_bounds(text), len(text)]
    return [text[a:b] for a, b in pairwise(cuts) if b > a]
