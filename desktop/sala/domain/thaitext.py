"""Thai text helpers shared by search, line breaking and validation.

Thai is written without spaces between words, so word boundaries come from PyThaiNLP's
dictionary segmenter. Loading its dictionary costs most of a second the first time, so the UI
calls :func:`warm_up` from a background thread at start.
"""

from __future__ import annotations

import re
import threading
import unicodedata

_THAI = re.compile(r"[\u0E00-\u0E7F]")
_warm_lock = threading.Lock()
_warmed = False


def has_thai(text: str) -> bool:
    return bool(_THAI.search(text))


def normalize(text: str) -> str:
    """NFC, collapsed white space, case-folded Latin: the form used for search."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u0e4d\u0e32", "\u0e33").split()).casefold()


def segment(text: str) -> list[str]:
    """Split text into words (Thai by dictionary, other scripts by spaces); keeps spaces out."""
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(text, engine="newmm", keep_whitespace=False) if w.strip()]


def segment_keep(text: str) -> list[str]:
    """Split into words keeping white space tokens, so ``"".join(result) == text``."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(text, engine="newmm", keep_whitespace=True)


def warm_up() -> None:
    """Load the segmentation dictionary once (about 0.7 s); safe from any thread."""
    global _warmed
    with _warm_lock:
        if not _warmed:
            segment("ปัญหาฝุ่นละอองขนาดเล็กในเมือง")
            _warmed = True


def search_terms(query: str) -> list[str]:
    """The words a search must find, each as a substring of the text.

    ``"ฝุ่นควัน"`` becomes ``["ฝุ่น", "ควัน"]``; Latin words split on spaces; duplicates dropped.
    """
    terms: list[str] = []
    for chunk in normalize(query).split(" "):
        if not chunk:
            continue
        words = segment(chunk) if has_thai(chunk) else [chunk]
        for w in words:
            w = w.strip()
            if w and w not in terms:
                terms.append(w)
    return terms
